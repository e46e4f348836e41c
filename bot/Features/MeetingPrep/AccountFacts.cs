using AccountCoachBot.Data;
using AccountCoachBot.Features.Promises;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.MeetingPrep;

/// <summary>What the bot knows about a client before a meeting: open promises (overdue first), last contact, people.</summary>
public sealed record AccountFacts(IReadOnlyList<Promise> OpenPromises, DateTime? LastContactUtc, IReadOnlyList<ClientContact> Contacts, DateTime NowUtc)
{
    public IReadOnlyList<Promise> Overdue => OpenPromises.Where(p => p.DueUtc < NowUtc).ToList();

    public bool HasExecutive => Contacts.Any(c => ContactNotes.IsExecutive(c.Notes));

    public static async Task<AccountFacts> LoadAsync(CoachDbContext db, int ownerId, int accountId, DateTime nowUtc, int? exceptMeetingId, CancellationToken ct)
    {
        var open = await db.Promises.Include(p => p.Account)
            .Where(p => p.OwnerId == ownerId && p.AccountId == accountId && p.Status == PromiseStatus.Open)
            .OrderBy(p => p.DueUtc).Take(20).ToListAsync(ct);
        // Overdue first (oldest first), then what is still ahead (soonest first).
        var ordered = open.OrderBy(p => p.DueUtc < nowUtc ? 0 : 1).ThenBy(p => p.DueUtc).ToList();

        // The last contact we know of: a promise kept for this client, or a meeting with them that took place.
        var lastDone = await db.Promises
            .Where(p => p.OwnerId == ownerId && p.AccountId == accountId && p.Status == PromiseStatus.Done && p.ClosedUtc != null)
            .OrderByDescending(p => p.ClosedUtc).Select(p => p.ClosedUtc).FirstOrDefaultAsync(ct);
        var lastMeeting = await db.Set<Meeting>()
            .Where(m => m.OwnerId == ownerId && m.AccountId == accountId && m.Status == MeetingStatus.Scheduled
                && m.EndUtc != null && m.EndUtc <= nowUtc && m.Id != (exceptMeetingId ?? 0))
            .OrderByDescending(m => m.EndUtc).Select(m => m.EndUtc).FirstOrDefaultAsync(ct);
        DateTime? last = lastDone is null ? lastMeeting : lastMeeting is null ? lastDone : lastDone > lastMeeting ? lastDone : lastMeeting;

        var contacts = await db.Set<ClientContact>()
            .Where(c => c.OwnerId == ownerId && c.AccountId == accountId)
            .OrderByDescending(c => c.UpdatedUtc).Take(8).ToListAsync(ct);
        return new AccountFacts(ordered, last, contacts, nowUtc);
    }
}
