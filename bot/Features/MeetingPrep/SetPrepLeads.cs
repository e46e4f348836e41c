using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.MeetingPrep;

/// <summary>
/// When prep nudges come: <see cref="LeadMinutes"/> before the meeting (0 = none; 5 minutes to 24 hours) and/or the
/// working afternoon before. A null leaves that one as it is. Upcoming meetings are re-planned at once.
/// </summary>
public sealed record SetPrepLeads(int? LeadMinutes = null, bool? DayBefore = null);

public static class SetPrepLeadsHandler
{
    public static async Task<MeetingPreferences> HandleAsync(CoachDbContext db, Person person, ConversationAddress fallback, SetPrepLeads command, DateTime nowUtc, CancellationToken ct)
    {
        var set = db.Set<MeetingPreferences>();
        var preferences = await set.FindAsync([person.Id], ct);
        if (preferences is null)
        {
            preferences = new MeetingPreferences { PersonId = person.Id };
            set.Add(preferences);
        }
        if (command.LeadMinutes is { } minutes) preferences.LeadMinutes = minutes;
        if (command.DayBefore is { } dayBefore) preferences.DayBefore = dayBefore;

        await db.SaveChangesAsync(ct);
        var upcoming = await db.Set<Meeting>()
            .Where(m => m.OwnerId == person.Id && m.Status == MeetingStatus.Scheduled && m.StartUtc > nowUtc)
            .ToListAsync(ct);
        foreach (var meeting in upcoming)
        {
            // Each meeting's nudges go where it was told about; `fallback` when that conversation is gone.
            var address = await db.Addresses.FirstOrDefaultAsync(a => a.Id == meeting.AddressId, ct) ?? fallback;
            await MeetingScheduler.WithdrawAllAsync(db, meeting, "lead times changed", ct);
            await MeetingScheduler.PlanAsync(db, meeting, person, address, nowUtc, ct);
        }
        return preferences;
    }
}
