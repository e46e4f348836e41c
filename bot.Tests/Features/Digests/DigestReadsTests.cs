using AccountCoachBot.Data;
using AccountCoachBot.Features.Digests;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.ProactiveCalls;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static AccountCoachBot.Tests.Features.Digests.DigestTestKit;

namespace AccountCoachBot.Tests.Features.Digests;

/// <summary>
/// Where the digest's reads could part from the figures' definitions: the bounds of the period and of the trend in two
/// zones (Berlin and New York, week 23–29 Nov 2026, asked on Tue 1 Dec), dates with fractions of a second, a promise
/// made in the trend but due before it, two moves at one instant, and overdue promises from long before the trend.
/// </summary>
public class DigestReadsTests : IAsyncLifetime
{
    /// <summary>The database of the PostgreSQL variant (Data/Postgres); null: a SQLite file of each test's own.</summary>
    protected virtual PostgresDatabase? Postgres => null;

    private static readonly TimeZoneInfo Berlin = TimeZones.FindOrUtc("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZones.FindOrUtc("America/New_York");
    private static readonly TimeSpan Microsecond = TimeSpan.FromTicks(10);

    // Berlin's week: 22 Nov 23:00Z to 29 Nov 23:00Z; its trend begins Mon 5 Oct 00:00 CEST, 4 Oct 22:00Z.
    private static readonly DateTime BerlinStart = Utc(11, 22, 23);
    private static readonly DateTime BerlinEnd = Utc(11, 29, 23);
    private static readonly DateTime BerlinTrendStart = Utc(10, 4, 22);

    // New York's week: 23 Nov 05:00Z to 30 Nov 05:00Z.
    private static readonly DateTime NewYorkStart = Utc(11, 23, 5);
    private static readonly DateTime NewYorkEnd = Utc(11, 30, 5);

    private CoachTestHost _host = null!;
    private Person _olga = null!;
    private Person _boris = null!;

    public async Task InitializeAsync()
    {
        _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), postgres: Postgres);
        await _host.WithDbAsync(db =>
        {
            var kit = new DigestTestKit(db);
            _olga = kit.Person("Olga", "Europe/Berlin");
            _boris = kit.Person("Boris", "America/New_York");

            var acme = kit.Account(_olga, "Acme", started: Utc(9, 1));
            kit.Promise(acme, Utc(11, 20), BerlinStart, done: BerlinStart);                                          // on the start: in
            kit.Promise(acme, Utc(11, 20), BerlinStart - Microsecond, done: BerlinStart - Microsecond);              // a microsecond before: the week before
            kit.Promise(acme, Utc(11, 20), BerlinEnd - Microsecond, done: BerlinEnd);                                 // a microsecond before the end: in, kept late
            kit.Promise(acme, Utc(11, 20), BerlinEnd, done: BerlinEnd);                                               // on the end: the next week
            kit.Promise(acme, Utc(9, 20), BerlinTrendStart, done: BerlinTrendStart);                                  // on the trend's first instant
            kit.Promise(acme, Utc(9, 20), BerlinTrendStart - Microsecond, done: BerlinTrendStart - Microsecond);      // before the trend
            kit.Promise(acme, Utc(11, 24, 9), Utc(9, 30), done: Utc(11, 24, 10));                                     // made in the week, due long before it

            // Moved twice at one instant (a clock that stood still): 24 Nov → 2 Dec → 9 Dec. The week holds 24 Nov, moved in time.
            var globex = kit.Account(_olga, "Globex", started: Utc(9, 1));
            kit.Promise(globex, Utc(11, 10), Utc(11, 24, 16), moves: [(Utc(11, 19, 9), Utc(12, 2, 16)), (Utc(11, 19, 9), Utc(12, 9, 16))]);

            // Overdue now: one due long before the trend, one in it.
            var initech = kit.Account(_olga, "Initech", started: Utc(9, 1), lastContact: Utc(11, 30));
            kit.Contact(initech, Utc(11, 30));
            kit.Promise(initech, Utc(6, 1), Utc(6, 10));
            kit.Promise(initech, Utc(11, 1), Utc(11, 25, 12));

            var umbrella = kit.Account(_boris, "Umbrella", started: Utc(9, 1));
            kit.Promise(umbrella, Utc(11, 20), NewYorkStart, done: NewYorkStart);                                     // Mon 00:00 NY: in
            kit.Promise(umbrella, Utc(11, 20), NewYorkEnd - Microsecond, done: NewYorkEnd - Microsecond);             // Sun 23:59:59.999999 NY: in
            kit.Promise(umbrella, Utc(11, 20), NewYorkEnd, done: NewYorkEnd);                                         // the next Monday: out
            return Task.FromResult(0);
        });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<DigestFigures> MemberAsync(Person person, TimeZoneInfo zone)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var digest = await scope.ServiceProvider.GetRequiredService<DigestBuilder>()
            .BuildAsync(scope.ServiceProvider.GetRequiredService<CoachDbContext>(), [person.Id], DigestPeriod.LastWeek(Utc(12, 1, 10), zone), zone);
        return Assert.Single(digest.Members);
    }

    [DbFact]
    public async Task Build_CountsAPromiseDueOnTheWeeksFirstInstant_AndNotOneDueOnTheNextWeeks_InBerlin()
    {
        var olga = await MemberAsync(_olga, Berlin);

        // In the week: on the start, a microsecond before the end (late), Globex's 24 Nov (moved in time), Initech's 25 Nov (open).
        Assert.Equal(new PromiseCounts(Made: 1, Due: 4, KeptOnTime: 1, KeptLate: 1, MovedBeforeDue: 1, MovedAfterDue: 0, Cancelled: 0, StillOpen: 1, NotYetDue: 0),
            olga.Promises);
        Assert.Equal((1, 1), (olga.Trend[^2].Due, olga.Trend[^2].KeptOnTime));
    }

    [DbFact]
    public async Task Build_StartsTheTrendOnItsFirstInstant_NotAMicrosecondBefore()
    {
        var olga = await MemberAsync(_olga, Berlin);

        Assert.Equal(new DateOnly(2026, 10, 5), olga.Trend[0].First);
        Assert.Equal((1, 1), (olga.Trend[0].Due, olga.Trend[0].KeptOnTime));
    }

    [DbFact]
    public async Task Build_ReadsTheWeeksBounds_InNewYork()
    {
        var boris = await MemberAsync(_boris, NewYork);

        Assert.Equal((2, 2), (boris.Promises.Due, boris.Promises.KeptOnTime));
    }

    [DbFact]
    public async Task Build_CountsOverduePromisesFromBeforeTheTrend_InTheRisks()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var digest = await scope.ServiceProvider.GetRequiredService<DigestBuilder>()
            .BuildAsync(scope.ServiceProvider.GetRequiredService<CoachDbContext>(), [_olga.Id], DigestPeriod.LastWeek(Utc(12, 1, 10), Berlin), Berlin);

        var initech = Assert.Single(digest.Risks, r => r.Account == "Initech");
        Assert.Equal(2, initech.OverduePromises);
    }
}
