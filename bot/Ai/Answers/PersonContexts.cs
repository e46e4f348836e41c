using AccountCoachBot.Conversation;
using AccountCoachBot.Data;
using AccountCoachBot.Features.MeetingPrep;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Promises;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Ai.Answers;

/// <summary>Builds <see cref="PersonContext"/> from the asking person's own rows only (every query filters by owner).</summary>
public static class PersonContexts
{
    private const int MaxRows = 8;

    /// <param name="accountName">The client the question is about, when known: only its records are given.</param>
    public static async Task<PersonContext> LoadAsync(CoachDbContext db, Person person, DateTime nowUtc, string? accountName, CancellationToken ct)
    {
        var (zone, l) = (person.Zone, person.Language);
        var account = accountName is null ? null : await ClientAccounts.FindAsync(db, person.Id, accountName, ct);
        var accountId = account?.Id;

        var promises = await db.Promises.Include(p => p.Account)
            .Where(p => p.OwnerId == person.Id && p.Status == PromiseStatus.Open && (accountId == null || p.AccountId == accountId))
            .OrderBy(p => p.DueUtc).Take(MaxRows).ToListAsync(ct);
        var meetings = await db.Set<Meeting>().Include(m => m.Account)
            .Where(m => m.OwnerId == person.Id && m.Status == MeetingStatus.Scheduled && m.StartUtc != null && m.StartUtc > nowUtc
                && (accountId == null || m.AccountId == accountId))
            .OrderBy(m => m.StartUtc).Take(MaxRows).ToListAsync(ct);
        var notes = accountId is null ? [] : await db.Set<ClientContact>()
            .Where(c => c.OwnerId == person.Id && c.AccountId == accountId && c.Notes != "")
            .OrderByDescending(c => c.UpdatedUtc).Take(MaxRows).Select(c => c.Name + ": " + c.Notes).ToListAsync(ct);

        return new PersonContext(l,
            promises.Select(p => $"{p.Account!.Name}: {p.What} — {Formats.Day(p.DueUtc, zone, l)}").ToList(),
            meetings.Select(m => $"{m.Account!.Name} — {Formats.When(m.StartUtc!.Value, zone, l)}{(m.Important ? " (important)" : "")}").ToList(),
            notes);
    }
}
