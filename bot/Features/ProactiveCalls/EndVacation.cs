using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>Back early, or not going: ends the vacation under way and drops the ones ahead.</summary>
public sealed record EndVacation;

public enum EndVacationOutcome { Ended, Cancelled, NoneSet }

public static class EndVacationHandler
{
    public static async Task<EndVacationOutcome> HandleAsync(CoachDbContext db, Person person, DateTime nowUtc, CancellationToken ct)
    {
        var today = Vacations.Today(person, nowUtc);
        var vacations = db.Set<Vacation>();
        var mine = await vacations.Where(v => v.PersonId == person.Id && v.LastDay >= today).ToListAsync(ct);
        var active = mine.FirstOrDefault(v => v.FirstDay <= today);
        foreach (var future in mine.Where(v => v.FirstDay > today)) vacations.Remove(future);
        if (active is not null)
        {
            // Ends yesterday: the planner sees a return and writes the one catch-up summary.
            active.LastDay = today.AddDays(-1);
            return EndVacationOutcome.Ended;
        }
        return mine.Count > 0 ? EndVacationOutcome.Cancelled : EndVacationOutcome.NoneSet;
    }
}

/// <summary>The person's local today and their vacations from it on.</summary>
internal static class Vacations
{
    public static DateOnly Today(Person person, DateTime nowUtc) => DateOnly.FromDateTime(TimeZones.ToLocal(nowUtc, person.Zone));

    public static Task<List<Vacation>> AheadAsync(CoachDbContext db, Person person, DateTime nowUtc, CancellationToken ct)
    {
        var today = Today(person, nowUtc);
        return db.Set<Vacation>().Where(v => v.PersonId == person.Id && v.LastDay >= today).ToListAsync(ct);
    }
}
