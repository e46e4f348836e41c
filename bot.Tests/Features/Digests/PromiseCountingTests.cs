using AccountCoachBot.Data;
using AccountCoachBot.Features.Digests;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Promises;
using AccountCoachBot.Tests.Infrastructure;
using static AccountCoachBot.Tests.Features.Digests.DigestTestKit;

namespace AccountCoachBot.Tests.Features.Digests;

/// <summary>
/// The digest counts promises in SQL (<see cref="PromiseCounting"/>); these hold it to the definition's row-by-row path
/// (<see cref="PromiseOutcomes.CountEach"/> over every promise and move read) on promises at every boundary: due on a
/// week's first and last instant in Berlin and New York, moved twice at one instant, done late, cancelled, moved
/// before and after due, moved at its due time, moved into and out of the trend, a date correction, open now.
/// </summary>
public class PromiseCountingTests : IAsyncLifetime
{
    /// <summary>The database of the PostgreSQL variant (Data/Postgres); null: a SQLite file of each test's own.</summary>
    protected virtual PostgresDatabase? Postgres => null;

    private static readonly DateTime Now = Utc(12, 1, 10);
    private static readonly TimeSpan Microsecond = TimeSpan.FromTicks(10);

    // Berlin's week: 22 Nov 23:00Z to 29 Nov 23:00Z, its trend from 4 Oct 22:00Z. New York's: 23 Nov 05:00Z to 30 Nov 05:00Z.
    private static readonly DateTime BerlinStart = Utc(11, 22, 23);
    private static readonly DateTime BerlinEnd = Utc(11, 29, 23);
    private static readonly DateTime BerlinTrendStart = Utc(10, 4, 22);
    private static readonly DateTime NewYorkStart = Utc(11, 23, 5);
    private static readonly DateTime NewYorkEnd = Utc(11, 30, 5);

    private CoachTestHost _host = null!;
    private List<int> _team = [];
    private int _olga;

    public async Task InitializeAsync()
    {
        _host = await CoachTestHost.StartAsync(new DateTimeOffset(Now, TimeSpan.Zero), postgres: Postgres);
        await _host.WithDbAsync(db =>
        {
            var kit = new DigestTestKit(db);
            var olga = kit.Person("Olga", "Europe/Berlin");
            var boris = kit.Person("Boris", "America/New_York");
            _olga = olga.Id;
            _team = [olga.Id, boris.Id];
            foreach (var (person, start, end) in new[] { (olga, BerlinStart, BerlinEnd), (boris, NewYorkStart, NewYorkEnd) })
            {
                var a = kit.Account(person, "Acme " + person.DisplayName, started: Utc(9, 1));
                kit.Promise(a, Utc(11, 20), start, done: start);                                                    // due on the week's first instant
                kit.Promise(a, Utc(11, 20), start - Microsecond, done: start);                                      // a microsecond before it, done on it: late
                kit.Promise(a, Utc(11, 20), end - Microsecond, done: end);                                          // on the week's last microsecond, done late
                kit.Promise(a, Utc(11, 20), end, cancelled: Utc(11, 21));                                           // on the end: beyond the trend
                kit.Promise(a, Utc(11, 20), start, moves: [(start, end)]);                                          // moved at its due time, on the start: in time
                kit.Promise(a, Utc(11, 20), end - Microsecond, moves: [(end, Utc(12, 20))]);                        // moved a microsecond after due
                kit.Promise(a, Utc(11, 10), Utc(11, 24, 16), moves: [(Utc(11, 19, 9), Utc(12, 2, 16)), (Utc(11, 19, 9), Utc(12, 9, 16))]); // twice at one instant, out
                kit.Promise(a, Utc(11, 10), Utc(11, 24, 16), moves: [(Utc(11, 19, 9), Utc(11, 25, 16)), (Utc(11, 19, 9), Utc(11, 26, 16))]); // twice at one instant, within
                kit.Promise(a, Utc(11, 1), Utc(11, 18), moves: [(Utc(11, 17), Utc(11, 25))], done: Utc(11, 25));   // moved before due into the week, kept
                kit.Promise(a, Utc(11, 1), Utc(11, 10), moves: [(Utc(11, 12), Utc(11, 24))]);                       // moved after due, overdue now
                kit.Promise(a, Utc(11, 1), Utc(11, 24), moves: [(Utc(11, 20), Utc(11, 10))]);                       // moved back out of the week
                kit.Promise(a, Utc(11, 1), Utc(11, 25), cancelled: Utc(11, 24));                                    // cancelled
                kit.Promise(a, Utc(11, 24), Utc(11, 26, 12));                                                       // open, overdue now
                kit.Promise(a, Utc(9, 20), Utc(10, 1), moves: [(Utc(10, 2), Utc(10, 6))], done: Utc(10, 7));        // moved from before the trend into it
                kit.Promise(a, Utc(9, 20), BerlinTrendStart, moves: [(Utc(9, 21), BerlinTrendStart - Microsecond)]);// out of the trend's first instant
                kit.Promise(a, Utc(10, 5, 12), Utc(10, 20), moves: [(Utc(10, 6), Utc(10, 1))]);                    // made in the trend, moved back before it
                kit.Promise(a, Utc(11, 24, 9), Utc(9, 30), done: Utc(11, 24, 10));                                  // made in the week, due long before
                kit.Promise(a, Utc(11, 25), Now, moves: [(Utc(11, 26), Now + Microsecond), (Utc(11, 27), Now)]);   // due now, moved away and back
                kit.Promise(a, Utc(11, 25), Now - Microsecond);                                                     // open, a microsecond overdue
                kit.Promise(a, Utc(11, 25), Utc(12, 3), moves: [(Utc(11, 28), Utc(12, 4))]);                        // after now
                var corrected = kit.Promise(a, Utc(11, 1), Utc(11, 24, 12));                                        // a date corrected (Edited) from 3 Nov
                corrected.History.Add(new PromiseEvent { Kind = PromiseEventKind.Edited, AtUtc = Utc(11, 2), OldDueUtc = Utc(11, 3), NewDueUtc = Utc(11, 24, 12) });
                db.SaveChanges();
            }
            return Task.FromResult(0);
        });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string, PeriodKind> Periods => new()
    {
        { "Europe/Berlin", PeriodKind.Week }, { "America/New_York", PeriodKind.Week },
        { "Europe/Berlin", PeriodKind.Month }, { "America/New_York", PeriodKind.Month },
        { "Europe/Berlin", PeriodKind.Dates }, { "America/New_York", PeriodKind.Dates },
    };

    [DbTheory]
    [MemberData(nameof(Periods))]
    public async Task CountAsync_AgreesWithTheRowByRowDefinition_InEveryPeriodOfTheTrend(string zoneId, PeriodKind kind)
    {
        var zone = TimeZones.FindOrUtc(zoneId);
        var period = kind switch
        {
            PeriodKind.Week => DigestPeriod.LastWeek(Now, zone),
            PeriodKind.Month => DigestPeriod.LastMonth(Now, zone),
            _ => DigestPeriod.Of(PeriodKind.Dates, new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 6), zone), // holds now
        };
        var trend = period.WithPrevious(DigestBuilder.TrendPeriods, zone);

        var (counted, byRows) = await BothAsync(trend);

        Assert.Equal(_team.Order(), counted.Keys.Order());
        foreach (var owner in _team)
            Assert.Equal(byRows[owner], counted[owner]);
        Assert.True(counted.Values.Sum(c => c.Sum(p => p.Moved)) > 0 && counted.Values.Sum(c => c.Sum(p => p.Due)) > 10);
    }

    [DbFact]
    public async Task CountAsync_CountsTheWeeksBoundariesAndMoves_InBerlin()
    {
        var zone = TimeZones.FindOrUtc("Europe/Berlin");
        var trend = DigestPeriod.LastWeek(Now, zone).WithPrevious(DigestBuilder.TrendPeriods, zone);

        var (counted, _) = await BothAsync(trend);

        // Made: the five made on 24–25 Nov. Due: on the start (on time); on the last microsecond (late); moved at its due
        // time on the start (in time); a microsecond before the end, moved a microsecond after (after); moved twice at one
        // instant within the week (its status: open, overdue), out of it (in time); moved from 18 Nov (done, on time) and
        // from 10 Nov (open, overdue) into it; moved back out of it (in time); cancelled; open, overdue; corrected into it (overdue).
        Assert.Equal(new PromiseCounts(Made: 5, Due: 12, KeptOnTime: 2, KeptLate: 1, MovedBeforeDue: 3, MovedAfterDue: 1, Cancelled: 1, StillOpen: 4, NotYetDue: 0),
            counted[_olga][^1]);
        // The week before: due a microsecond before the start (late), moved before due from 18 Nov.
        Assert.Equal((2, 1, 1), (counted[_olga][^2].Due, counted[_olga][^2].KeptLate, counted[_olga][^2].MovedBeforeDue));
    }

    private async Task<(Dictionary<int, PromiseCounts[]> Counted, Dictionary<int, PromiseCounts[]> ByRows)> BothAsync(IReadOnlyList<DigestPeriod> trend) =>
        await _host.WithDbAsync(async db =>
        {
            Dictionary<int, PromiseCounts[]> counted;
            await using (var reads = await DigestReaders.OpenAsync(db, default))
                counted = await PromiseCounting.CountAsync(reads, _team, trend, Now, default);
            await using var connection = await DigestRows.OpenAsync(db, default);
            var rows = await DigestReads.PromisesAsync(db, _team, trend[0].StartUtc, default);
            var changes = PromiseOutcomes.ByPromise(await DigestReads.ChangesAsync(db, _team, trend[0].StartUtc, default));
            var byRows = _team.ToDictionary(owner => owner, owner => PromiseOutcomes.CountEach(
                rows.Where(r => r.OwnerId == owner).Select(r => (r, PromiseOutcomes.Deadlines(r, changes.GetValueOrDefault(r.Id, [])))), trend, Now));
            return (counted, byRows);
        });
}
