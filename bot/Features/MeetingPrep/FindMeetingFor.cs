using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.MeetingPrep;

/// <summary>Which meeting with a client a brief or a debrief is about.</summary>
public sealed record FindMeetingFor(string AccountName, MeetingPhase Phase);

/// <summary><see cref="Account"/> is null when the person has no such client; <see cref="Meeting"/> when there is no such meeting.</summary>
public sealed record MeetingFound(Account? Account, Meeting? Meeting);

public static class FindMeetingForHandler
{
    /// <summary>
    /// Prep: the prepared meeting not over yet, else the last prepared one (its brief). Debrief: the latest one
    /// started (or prepared ad hoc) and not debriefed yet.
    /// </summary>
    public static async Task<MeetingFound> HandleAsync(CoachDbContext db, int personId, FindMeetingFor command, DateTime nowUtc, CancellationToken ct)
    {
        var account = await ClientAccounts.FindAsync(db, personId, command.AccountName, ct);
        if (account is null) return new(null, null);
        var mine = db.Set<Meeting>().Include(m => m.Account).Include(m => m.Answers)
            .Where(m => m.OwnerId == personId && m.AccountId == account.Id && m.Status == MeetingStatus.Scheduled);
        if (command.Phase == MeetingPhase.Prep)
        {
            var prepared = mine.Where(m => m.PreparedUtc != null);
            return new(account, await prepared.Where(m => m.EndUtc != null && m.EndUtc > nowUtc).OrderBy(m => m.StartUtc).FirstOrDefaultAsync(ct)
                ?? await prepared.OrderByDescending(m => m.PreparedUtc).FirstOrDefaultAsync(ct));
        }
        return new(account, await mine
            .Where(m => m.DebriefedUtc == null && (m.StartUtc == null ? m.PreparedUtc != null : m.StartUtc <= nowUtc))
            .OrderByDescending(m => m.StartUtc ?? m.PreparedUtc).FirstOrDefaultAsync(ct));
    }
}
