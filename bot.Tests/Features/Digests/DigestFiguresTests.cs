using AccountCoachBot.Data;
using AccountCoachBot.Features.Coaching;
using AccountCoachBot.Features.Digests;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.ProactiveCalls;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static AccountCoachBot.Tests.Features.Digests.DigestTestKit;

namespace AccountCoachBot.Tests.Features.Digests;

/// <summary>
/// The figure definitions on hand-built records with known answers. Olga works in Berlin, Boris in New York; the week is
/// Mon 23 – Sun 29 Nov 2026, asked on Tue 1 Dec.
/// </summary>
public class DigestFiguresTests : IAsyncLifetime
{
    /// <summary>The database of the PostgreSQL variant (Data/Postgres); null: a SQLite file of each test's own.</summary>
    protected virtual PostgresDatabase? Postgres => null;

    private static readonly TimeZoneInfo Berlin = TimeZones.FindOrUtc("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZones.FindOrUtc("America/New_York");
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

            var acme = kit.Account(_olga, "Acme", AccountTier.Key, started: Utc(10, 1), lastContact: Utc(11, 23, 8));
            kit.Contact(acme, Utc(10, 25, 10));
            kit.Contact(acme, Utc(11, 10, 10));
            kit.Contact(acme, Utc(11, 23, 8));
            kit.Contact(acme, Utc(11, 24, 9), TouchKind.Skipped); // not a contact
            var globex = kit.Account(_olga, "Globex", started: Utc(10, 1), lastContact: Utc(10, 27, 10));
            kit.Contact(globex, Utc(10, 27, 10));
            var initech = kit.Account(_olga, "Initech", AccountTier.Key, started: Utc(11, 1, 10), lastContact: Utc(11, 20, 10));
            kit.Contact(initech, Utc(11, 20, 10));
            kit.Account(_olga, "Hooli", started: Utc(10, 1), lost: Utc(11, 25, 10));

            // Berlin is UTC+1 in November: local 17:00 is 16:00Z.
            kit.Promise(acme, Utc(11, 20, 10), Utc(11, 23, 16), moves: [(Utc(11, 23, 9), Utc(11, 25, 16)), (Utc(11, 26, 8), Utc(12, 4, 16))]); // moved twice: in time, then late
            kit.Promise(acme, Utc(11, 20, 10), Utc(11, 24, 11), done: Utc(11, 24, 14));        // done after its time
            kit.Promise(acme, Utc(11, 20, 10), Utc(11, 25, 16), cancelled: Utc(11, 24, 9));    // cancelled
            kit.Promise(acme, Utc(11, 20, 10), Utc(11, 26, 16), moves: [(Utc(11, 26, 9), Utc(12, 7, 16))]); // moved before its time
            kit.Promise(acme, Utc(11, 23, 9), Utc(11, 27, 16), done: Utc(11, 27, 15));         // on time
            kit.Promise(initech, Utc(11, 23, 10), Utc(11, 28, 10));                            // still open, overdue
            kit.Promise(acme, Utc(11, 24, 9), Utc(11, 29, 22, 30), done: Utc(11, 29, 22));     // Sun 23:30 Berlin: in the week
            kit.Promise(acme, Utc(11, 24, 9), Utc(11, 29, 23), done: Utc(11, 29, 22));         // Mon 00:00 Berlin: the next week
            kit.Promise(acme, Utc(11, 15, 9), Utc(11, 22, 22, 59), done: Utc(11, 22, 20));     // Sun 22 Nov 23:59: the week before
            kit.Promise(acme, Utc(10, 20, 9), Utc(10, 25, 22, 30), done: Utc(10, 25, 20));     // Sun 25 Oct 23:30 CET, the day summer time ended
            kit.Promise(acme, Utc(10, 20, 9), Utc(10, 25, 23), done: Utc(10, 25, 20));         // Mon 26 Oct 00:00 CET

            kit.Meeting(acme, Utc(11, 24, 9), prepared: Utc(11, 23, 15), debriefed: Utc(11, 24, 12));
            kit.Meeting(globex, Utc(11, 25, 9), prepared: Utc(11, 25, 9, 30));                 // checklist after the start
            kit.Meeting(globex, Utc(11, 26, 9), cancelled: true);
            kit.Meeting(acme, Utc(11, 29, 22, 30), prepared: Utc(11, 29, 20));                 // Sun 23:30 Berlin
            kit.Meeting(acme, Utc(12, 7, 9), prepared: Utc(11, 28, 9));                        // later

            // New York is UTC−5 in late November: its week is 23 Nov 05:00Z to 30 Nov 05:00Z.
            var umbrella = kit.Account(_boris, "Umbrella", started: Utc(11, 20));
            kit.Promise(umbrella, Utc(11, 20), Utc(11, 30, 4, 30), done: Utc(11, 30, 6));     // Sun 23:30 NY, done late
            kit.Promise(umbrella, Utc(11, 20), Utc(11, 23, 4, 59), done: Utc(11, 23, 4));     // Sun 22 Nov 23:59 NY
            kit.Promise(umbrella, Utc(11, 20), Utc(11, 23, 5), done: Utc(11, 23, 4));         // Mon 00:00 NY
            kit.Promise(umbrella, Utc(10, 20), Utc(11, 2, 4, 30), done: Utc(11, 2, 4));       // Sun 1 Nov 23:30 EST, the day summer time ended

            // Boris's calls: Wayne's 14 days run out Mon 23 Nov 09:00 NY (14:00Z); he called Sun 22 Nov 23:30 NY, in time.
            var wayne = kit.Account(_boris, "Wayne", AccountTier.Key, started: Utc(11, 9, 15), lastContact: Utc(11, 23, 4, 30));
            kit.Contact(wayne, Utc(11, 23, 4, 30));
            // Stark's run out Mon 30 Nov 09:00 NY: the next week.
            kit.Account(_boris, "Stark", AccountTier.Key, started: Utc(11, 16, 15));
            // A lost client with an overdue promise is no longer a risk.
            var hooli = kit.Account(_boris, "Lost Co", started: Utc(10, 1), lost: Utc(11, 20));
            kit.Promise(hooli, Utc(11, 10), Utc(11, 18));
            return Task.FromResult(0);
        });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<Digest> BuildAsync(IReadOnlyCollection<int> people, DigestPeriod period, TimeZoneInfo zone)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DigestBuilder>()
            .BuildAsync(scope.ServiceProvider.GetRequiredService<CoachDbContext>(), people, period, zone, "Sales East");
    }

    private static DigestPeriod Week(TimeZoneInfo zone) => DigestPeriod.LastWeek(Utc(12, 1, 10), zone);

    private static readonly PromiseCounts OlgasWeek = new(Made: 4, Due: 7, KeptOnTime: 2, KeptLate: 1, MovedBeforeDue: 1, MovedAfterDue: 1, Cancelled: 1, StillOpen: 1, NotYetDue: 0);

    [DbFact]
    public async Task Build_GivesEachPromiseDueOneOutcome_ByItsLastDueTimeInTheWeek()
    {
        var digest = await BuildAsync([_olga.Id], Week(Berlin), Berlin);

        var olga = Assert.Single(digest.Members);
        Assert.Equal(OlgasWeek, olga.Promises);
        Assert.Equal(2.0 / 7, olga.Promises.OnTimeRate);
        Assert.Equal(0.5, olga.Promises.ToldInTimeRate);
    }

    [DbFact]
    public async Task Build_ShowsTheLastEightWeeks_WithWeeksAcrossTheDaylightSavingChange()
    {
        var digest = await BuildAsync([_olga.Id], Week(Berlin), Berlin);

        var trend = digest.Members[0].Trend;
        Assert.Equal(8, trend.Count);
        Assert.Equal(new DateOnly(2026, 10, 5), trend[0].First);
        Assert.Equal(
            [(0, 0), (0, 0), (1, 1), (1, 1), (0, 0), (0, 0), (1, 1), (7, 2)],
            trend.Select(t => (t.Due, t.KeptOnTime)));
    }

    [DbFact]
    public async Task Build_ReadsTheWeeksBoundaries_InTheZoneOfThePeriod()
    {
        var inBerlin = await BuildAsync([_boris.Id], Week(Berlin), Berlin);
        var inNewYork = await BuildAsync([_boris.Id], Week(NewYork), NewYork);
        var newYorkDst = await BuildAsync([_boris.Id], DigestPeriod.LastWeek(Utc(11, 3, 15), NewYork), NewYork);

        Assert.Equal((2, 2, 0), (inBerlin.Members[0].Promises.Due, inBerlin.Members[0].Promises.KeptOnTime, inBerlin.Members[0].Promises.KeptLate));
        Assert.Equal((2, 1, 1), (inNewYork.Members[0].Promises.Due, inNewYork.Members[0].Promises.KeptOnTime, inNewYork.Members[0].Promises.KeptLate));
        Assert.Equal(1, newYorkDst.Members[0].Promises.Due);
    }

    [DbFact]
    public async Task Build_CountsACallMadeLateOnSundayNight_AsInTimeForMondaysDue()
    {
        var digest = await BuildAsync([_boris.Id], Week(NewYork), NewYork);

        Assert.Equal((1, 1), (digest.Members[0].Accounts.CallsDue, digest.Members[0].Accounts.CallsInTime));
        Assert.DoesNotContain(digest.Risks, r => r.Account == "Lost Co");
    }

    [DbFact]
    public async Task Build_CountsCallsColdAccountsMeetingsRegularClientsAndChurn()
    {
        var digest = await BuildAsync([_olga.Id], Week(Berlin), Berlin);

        var olga = digest.Members[0];
        Assert.Equal(
            new AccountCounts(CallsDue: 2, CallsInTime: 1, MeetingsHeld: 3, MeetingsPrepared: 2, MeetingsDebriefed: 1, Accounts: 3, RegularAccounts: 1, OwnedAtStart: 4, Lost: 1),
            olga.Accounts);
        var cold = Assert.Single(olga.Cold);
        Assert.Equal(("Globex", 35, 30), (cold.Account, cold.DaysSinceContact, cold.CadenceDays));
    }

    [DbFact]
    public async Task Build_RanksRisksByTheScoringRule_AndPicksOneFocusPerMember()
    {
        var digest = await BuildAsync([_olga.Id, _boris.Id], Week(Berlin), Berlin);

        // Initech: one overdue promise (7); Globex: 5 days past its 30 (5); Stark: a key account 1 day past its 14 (2).
        Assert.Equal([("Initech", 7), ("Globex", 5), ("Stark", 2)], digest.Risks.Select(r => (r.Account, r.Score)));
        var focus = digest.Members.ToDictionary(m => m.Name, m => m.Focus!);
        Assert.Equal((FocusKind.MovedAfterDue, PrincipleIds.AlwaysDoWhatYouSay), (focus["Olga"].Kind, focus["Olga"].PrincipleId));
        Assert.Equal((FocusKind.AllOnTime, PrincipleIds.RecognizeSuccessRightAway), (focus["Boris"].Kind, focus["Boris"].PrincipleId));
    }

    [DbFact]
    public async Task Build_TotalsTheTeam_AsTheSumOfItsMembers()
    {
        var digest = await BuildAsync([_olga.Id, _boris.Id], Week(Berlin), Berlin);

        Assert.Equal(["Boris", "Olga"], digest.Members.Select(m => m.Name));
        Assert.Equal(OlgasWeek + new PromiseCounts(0, 2, 2, 0, 0, 0, 0, 0, 0), digest.Total.Promises);
        Assert.Equal((9, 4), (digest.Total.Trend[^1].Due, digest.Total.Trend[^1].KeptOnTime));
    }

    [DbFact]
    public async Task Json_CarriesEveryFigure_ButNeverWhatWasPromised()
    {
        var digest = await BuildAsync([_olga.Id, _boris.Id], Week(Berlin), Berlin);

        var json = DigestJson.Serialize(digest);

        Assert.DoesNotContain("secret text", json);
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        Assert.Equal("2026-11-23", node["period"]!["from"]!.GetValue<string>());
        Assert.Equal(9, node["total"]!["promises"]!["due"]!.GetValue<int>());
        Assert.Equal(1, node["members"]![1]!["promises"]!["movedAfterDue"]!.GetValue<int>());
        Assert.Equal(0.25, node["members"]![1]!["accounts"]!["churnRate"]!.GetValue<double>());
        Assert.Equal("Initech", node["risks"]![0]!["account"]!.GetValue<string>());
    }
}
