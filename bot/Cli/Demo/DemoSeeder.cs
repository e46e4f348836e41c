using AccountCoachBot.Data;
using AccountCoachBot.Features.MeetingPrep;
using AccountCoachBot.Features.ProactiveCalls;
using AccountCoachBot.Features.Teams;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Cli.Demo;

/// <summary>What the demo holds, for the command's summary.</summary>
public sealed record DemoSummary(
    string Team, string Lead, string LeadEmail, IReadOnlyList<string> Members, int Accounts, int KeyAccounts, int Promises,
    int Calls, int Meetings, int Lost, int Kudos);

/// <summary>
/// Fills an empty database with a believable team: the same every time (a fixed seed), its times relative to now.
/// </summary>
public static class DemoSeeder
{
    public const int Seed = 20261201;

    /// <summary>Null when the database already knows people: the demo only goes into an empty one, and changes nothing there.</summary>
    public static async Task<DemoSummary?> SeedAsync(CoachDbContext db, DateTime nowUtc, string? leadEmail, string terminalUser, CancellationToken ct)
    {
        if (await db.People.AnyAsync(ct)) return null;
        var clock = new DemoClock(new DateTime(nowUtc.Ticks - nowUtc.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc));
        var random = new Random(Seed);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (lead, team, members) = await DemoOrganisation.CreateAsync(db, clock, leadEmail ?? DemoNames.Lead.Email, terminalUser, ct);
        var lostAt = DemoActivity.LoseAccounts(clock, members);
        var kept = await DemoPromises.CreateAsync(db, clock, random, members, lostAt, ct);
        var calls = DemoActivity.Calls(clock, random, members, lostAt);
        var meetings = await DemoActivity.MeetingsAsync(db, clock, random, members, lostAt, ct);
        var contacts = calls.Concat(meetings).Concat(kept.Select(k => DemoPromises.ContactOf(k.Promise, k.DoneUtc))).ToList();
        db.Set<Touch>().AddRange(contacts);
        db.Set<Kudos>().AddRange(DemoActivity.Kudos(clock, random, members));

        // Each account's last contact, as the contacts above would have moved it one by one.
        var last = contacts.GroupBy(t => t.AccountId).ToDictionary(g => g.Key, g => g.Max(t => t.AtUtc));
        foreach (var (account, cadence) in members.SelectMany(m => m.Accounts))
            cadence.LastContactUtc = last.TryGetValue(account.Id, out var at) ? at : null;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        var accounts = members.SelectMany(m => m.Accounts).ToList();
        return new DemoSummary(
            team.Name, lead.DisplayName, lead.Email!, members.Select(m => m.Person.DisplayName).ToList(),
            accounts.Count, accounts.Count(a => a.Cadence.Tier == AccountTier.Key), await db.Promises.CountAsync(ct),
            calls.Count, await db.Set<Meeting>().CountAsync(ct),
            lostAt.Count, await db.Set<Kudos>().CountAsync(ct));
    }
}
