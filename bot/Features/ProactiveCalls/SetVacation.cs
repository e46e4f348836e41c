using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>Away from <see cref="FirstDay"/> to <see cref="LastDay"/> (the person's local days): no call nudges, one catch-up after.</summary>
public sealed record SetVacation(DateOnly FirstDay, DateOnly LastDay);

public enum VacationOutcome { Set, Invalid, InPast }

public static class SetVacationHandler
{
    public static async Task<VacationOutcome> HandleAsync(CoachDbContext db, Person person, SetVacation command, DateTime nowUtc, CancellationToken ct)
    {
        var (first, last) = (command.FirstDay, command.LastDay);
        if (last < first) return VacationOutcome.Invalid;
        if (last < Vacations.Today(person, nowUtc)) return VacationOutcome.InPast;
        var vacations = db.Set<Vacation>();
        var overlapping = await vacations.Where(v => v.PersonId == person.Id && !v.CatchUpDone && v.LastDay >= first && v.FirstDay <= last).ToListAsync(ct);
        vacations.RemoveRange(overlapping);
        vacations.Add(new Vacation { PersonId = person.Id, FirstDay = first, LastDay = last, CreatedUtc = nowUtc });
        return VacationOutcome.Set;
    }
}
