using AccountCoachBot.Data;
using AccountCoachBot.Features.MeetingPrep;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.ProactiveCalls;
using AccountCoachBot.Features.Promises;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.Digests;

/// <summary>
/// Computes a digest for a set of people and a period: a few queries for the whole team and the trend's eight periods
/// (<see cref="PromiseCounting"/>, <see cref="DigestReads"/>), run side by side (<see cref="DigestReaders"/>), then
/// counting in memory. It reads dates, counts and account names only — never what
/// a promise or a brief says.
/// </summary>
public sealed class DigestBuilder(TimeProvider time)
{
    public const int TrendPeriods = 8;

    public async Task<Digest> BuildAsync(CoachDbContext db, IReadOnlyCollection<int> personIds, DigestPeriod period, TimeZoneInfo periodZone,
        string? team = null, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var ids = personIds.Distinct().ToList();
        var trend = period.WithPrevious(TrendPeriods, periodZone);

        var (people, meetings, promiseCounts, overdueByAccount, accounts, touches) = await ReadAsync(db, ids, period, trend, now, ct);

        // ---- in memory ----
        var contactsByAccount = touches.GroupBy(t => t.AccountId).ToDictionary(g => g.Key, g => g.Select(t => t.AtUtc).Order().ToArray());
        var accountsByOwner = accounts.ToLookup(a => a.OwnerId);
        var meetingsByOwner = meetings.ToLookup(m => m.OwnerId);
        var regularEnd = Min(period.EndUtc, now);

        var members = new List<DigestFigures>();
        var risks = new List<DigestRisk>();
        foreach (var person in people.OrderBy(p => p.DisplayName, StringComparer.CurrentCultureIgnoreCase).ThenBy(p => p.Id))
        {
            var zone = TimeZones.FindOrUtc(person.TimeZoneId);
            var hours = new WorkingHours(person.WorkStart, person.WorkEnd, WorkingHours.DaysFromMask(person.WorkDaysMask));
            var each = promiseCounts.GetValueOrDefault(person.Id) ?? NoPromises(trend.Count);
            var counts = each[^1];
            var points = trend.Select((t, i) => new TrendPoint(t.First, t.Last, each[i].Due, each[i].KeptOnTime)).ToList();

            int callsDue = 0, callsInTime = 0, active = 0, regular = 0, ownedAtStart = 0, lost = 0;
            var cold = new List<ColdAccount>();
            foreach (var account in accountsByOwner[person.Id])
            {
                var contacts = contactsByAccount.GetValueOrDefault(account.Id, []);
                var (due, inTime) = AccountOutcomes.Calls(account, contacts, zone, hours, period.StartUtc, period.EndUtc, now);
                if (due) callsDue++;
                if (inTime) callsInTime++;
                if (account.CreatedUtc < regularEnd && !account.LostAt(regularEnd))
                {
                    active++;
                    if (AccountOutcomes.Regular(account, contacts, regularEnd)) regular++;
                }
                if (account.CreatedUtc < period.StartUtc && !account.LostAt(period.StartUtc)) ownedAtStart++;
                if (account.LostUtc is { } lostAt && period.Contains(lostAt) && account.LostAt(period.EndUtc)) lost++;
                var overdue = overdueByAccount.GetValueOrDefault(account.Id);
                var coldDays = AccountOutcomes.ColdDays(account, zone, hours, now);
                if (coldDays is { } days)
                    cold.Add(new ColdAccount(account.Id, account.Name, person.Id, account.Key, account.Days, days, overdue));
                if (!account.LostAt(now) && DigestRisks.Of(account, person.DisplayName, coldDays, overdue) is { } risk) risks.Add(risk);
            }
            var held = meetingsByOwner[person.Id].Where(m => m.StartUtc < now).ToList();
            var accountCounts = new AccountCounts(callsDue, callsInTime, held.Count, held.Count(m => m.PreparedUtc <= m.StartUtc),
                held.Count(m => m.DebriefedUtc is not null), active, regular, ownedAtStart, lost);
            var figures = new DigestFigures(person.Id, person.DisplayName, counts, accountCounts, points,
                cold.OrderByDescending(c => c.DaysSinceContact - c.CadenceDays).ToList(), null);
            members.Add(figures with { Focus = CoachingFocusRule.For(figures) });
        }

        var total = new DigestFigures(null, team ?? "",
            members.Aggregate(PromiseCounts.Zero, (sum, m) => sum + m.Promises),
            members.Aggregate(AccountCounts.Zero, (sum, m) => sum + m.Accounts),
            trend.Select((t, i) => new TrendPoint(t.First, t.Last, members.Sum(m => m.Trend[i].Due), members.Sum(m => m.Trend[i].KeptOnTime))).ToList(),
            members.SelectMany(m => m.Cold).OrderByDescending(c => c.DaysSinceContact - c.CadenceDays).ToList(), null);
        return new Digest(period, now, team, members, total, DigestRisks.Top(risks, DigestRisks.Shown));
    }

    /// <summary>
    /// The reads, side by side where the database allows (<see cref="DigestReaders"/>). The people come first, from the
    /// caller's context: someone who arrived in this very turn is only in its transaction.
    /// </summary>
    private static async Task<Reads> ReadAsync(CoachDbContext db, List<int> ids, DigestPeriod period, IReadOnlyList<DigestPeriod> trend,
        DateTime now, CancellationToken ct)
    {
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new PersonRow(p.Id, p.DisplayName, p.TimeZoneId, p.WorkStart, p.WorkEnd, p.WorkDaysMask)).ToListAsync(ct);
        await using var reads = await DigestReaders.OpenAsync(db, ct);
        // The longest chain first: the contacts wait for the accounts, whose cadences tell how far back to read.
        var accountsAndContacts = reads.RunAsync(async c =>
        {
            var accounts = await DigestReads.AccountsAsync(c, ids, ct);
            // Contacts far enough back for the first cadence due in the period (a due instant is at most 9 days after
            // "contact + cadence": days off and working hours) and for three cycles before its end.
            var maxDays = accounts.Count == 0 ? CallCadence.StandardDays : accounts.Max(a => a.Days);
            var touchFrom = Min(period.StartUtc.AddDays(-maxDays - 10), period.EndUtc.AddDays(-maxDays * AccountOutcomes.RegularCycles));
            return (Accounts: accounts, Contacts: await DigestReads.ContactsAsync(c, ids, touchFrom, now, ct));
        }, ct);
        var promiseCounts = PromiseCounting.CountAsync(reads, ids, trend, now, ct);
        var overdue = reads.RunAsync(c => DigestReads.OverdueByAccountAsync(c, ids, now, ct), ct);
        var meetings = reads.RunAsync(c => c.Set<Meeting>().AsNoTracking()
            .Where(m => ids.Contains(m.OwnerId) && m.Status == MeetingStatus.Scheduled && m.StartUtc >= period.StartUtc && m.StartUtc < period.EndUtc)
            .Select(m => new MeetingRow(m.OwnerId, m.StartUtc, m.PreparedUtc, m.DebriefedUtc)).ToListAsync(ct), ct);
        await Task.WhenAll(accountsAndContacts, promiseCounts, overdue, meetings);
        return new Reads(people, meetings.Result, promiseCounts.Result, overdue.Result, accountsAndContacts.Result.Accounts,
            accountsAndContacts.Result.Contacts);
    }

    private sealed record PersonRow(int Id, string DisplayName, string TimeZoneId, TimeOnly WorkStart, TimeOnly WorkEnd, int WorkDaysMask);

    private sealed record MeetingRow(int OwnerId, DateTime? StartUtc, DateTime? PreparedUtc, DateTime? DebriefedUtc);

    private sealed record Reads(List<PersonRow> People, List<MeetingRow> Meetings, Dictionary<int, PromiseCounts[]> PromiseCounts,
        Dictionary<int, int> OverdueByAccount, List<AccountRow> Accounts, List<(int AccountId, DateTime AtUtc)> Touches);

    private static PromiseCounts[] NoPromises(int periods) => Enumerable.Repeat(PromiseCounts.Zero, periods).ToArray();

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
