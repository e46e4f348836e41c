using AccountCoachBot.Conversation;
using AccountCoachBot.Features.Digests;
using AccountCoachBot.Features.Teams;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AccountCoachBot.Tests.Features.Digests.DigestTestKit;

namespace AccountCoachBot.Tests.Features.Digests;

/// <summary>
/// `digest` / `сводка` for leads through the real pipeline: Olga is the admin, Anna leads Sales East (Boris, Vera),
/// Gleb leads Sales West (Dan) and speaks Russian. Each member's week of 23–29 Nov 2026 is hand-built with known answers.
/// </summary>
public class TeamDigestCommandsTests : IAsyncLifetime
{
    /// <summary>The database of the PostgreSQL variant (Data/Postgres); null: a SQLite file of each test's own.</summary>
    protected virtual PostgresDatabase? Postgres => null;

    private static readonly Dictionary<string, string> Locales = new() { ["gleb"] = "ru-RU" };
    private CoachTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.Zero), postgres: Postgres);
        await SeedAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<IReadOnlyList<Reply>> Say(string text, string user) =>
        _host.SayAsync(text, user, email: $"{user}@example.com", locale: Locales.GetValueOrDefault(user, "en-US"));

    private async Task<Reply> LastAsync(string text, string user) => (await Say(text, user))[^1];

    private Task<int> TeamIdAsync(string name) => _host.WithDbAsync(db => db.Set<Team>().Where(t => t.Name == name).Select(t => t.Id).SingleAsync());

    private async Task SeedAsync()
    {
        foreach (var user in new[] { "olga", "anna", "gleb" }) await Say("hello", user); // Olga first: the admin
        await Say("team create Sales East lead anna@example.com", "olga");
        await Say("team create Sales West lead gleb@example.com", "olga");
        await Say("team add boris@example.com vera@example.com", "anna");
        await Say("команда добавить dan@example.com", "gleb");
        await _host.WithDbAsync(async db =>
        {
            var kit = new DigestTestKit(db);
            var people = await db.People.Where(p => p.Email != null).ToDictionaryAsync(p => p.Email!);
            people["boris@example.com"].DisplayName = "Boris";
            people["vera@example.com"].DisplayName = "Vera";
            people["dan@example.com"].DisplayName = "Dan";
            await db.SaveChangesAsync();
            var acme = kit.Account(people["boris@example.com"], "Acme");
            kit.Promise(acme, Utc(11, 20), Utc(11, 24, 16), done: Utc(11, 24, 10));                        // kept on time
            kit.Promise(acme, Utc(11, 20), Utc(11, 25, 16), moves: [(Utc(11, 26, 9), Utc(12, 4, 16))]);  // moved after its date
            var globex = kit.Account(people["vera@example.com"], "Globex");
            kit.Promise(globex, Utc(11, 20), Utc(11, 27, 16), done: Utc(11, 28, 9));                       // kept late
            kit.Promise(globex, Utc(11, 20), Utc(11, 26, 16), cancelled: Utc(11, 21));                     // cancelled
            var initech = kit.Account(people["dan@example.com"], "Initech");
            kit.Promise(initech, Utc(11, 20), Utc(11, 24, 16), done: Utc(11, 23, 10));
            return 0;
        });
        _host.Time.SetUtcNow(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
        await Say("kudos boris@example.com for rescuing the Globex renewal", "anna");
        _host.Time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero)); // a Tuesday
    }

    [DbFact]
    public async Task Digest_ShowsTheLeadEachMembersFiguresAndTheKudos_ForLastWeek()
    {
        var reply = await LastAsync("digest", "anna");

        var card = reply.Card!;
        Assert.Equal("Team Sales East, 23–29 Nov 2026", card.Title);
        Assert.StartsWith("Boris — on time 1/2, told in time 0/1, calls ", card.Lines[0]);
        Assert.StartsWith("Vera — on time 0/2, told in time –, calls ", card.Lines[1]);
        var facts = card.Facts.ToDictionary(f => f.Label, f => f.Value);
        Assert.Equal("4: 1 on time, 1 late, 1 moved late, 1 cancelled", facts["Due"]);
        Assert.Contains("Kudos this period:", card.Lines);
        Assert.Contains(card.Lines, l => l.EndsWith("→ Boris: rescuing the Globex renewal", StringComparison.Ordinal));
        Assert.DoesNotContain("Dan", reply.Text);              // another team's member
        Assert.DoesNotContain("secret text", reply.Text);      // what a promise says stays with its owner
        Assert.NotNull(reply.Image);
    }

    [DbFact]
    public async Task Digest_CarriesButtonsNamingTheTeamAndPeriod_ThatAnswerForTheLead()
    {
        var east = await TeamIdAsync("Sales East");
        var card = (await LastAsync("digest", "anna")).Card!;

        Assert.Equal(["Previous week", "Last month"], card.Actions.Select(a => a.Label));
        var previous = card.Actions[0];
        Assert.Equal((TeamDigestButtons.Action, east.ToString(), "2026-11-16", "2026-11-22"),
            (previous.Id, previous.Payload[TeamDigestButtons.TeamKey], previous.Payload[TeamDigestButtons.FromKey], previous.Payload[TeamDigestButtons.ToKey]));

        var pressed = (await _host.PressAsync(card.Actions[1].Id, card.Actions[1].Payload.ToDictionary(), "anna"))[^1];
        Assert.Equal("Team Sales East, 1–30 Nov 2026", pressed.Card!.Title);
    }

    [DbTheory]
    [InlineData("boris", "digest", "You don't lead a team, so there's no team digest for you. Your own figures: `digest me`.")]
    [InlineData("boris", "digest Sales East", "You don't lead Sales East, so its digest isn't yours to read. Your own figures: `digest me`.")]
    [InlineData("anna", "digest Sales West", "You don't lead Sales West, so its digest isn't yours to read. Your own figures: `digest me`.")]
    [InlineData("gleb", "сводка команды Sales East", "Вы не руководите командой «Sales East», поэтому её сводка вам недоступна. Ваши показатели: `сводка моя`.")]
    public async Task Digest_IsRefused_ToSomeoneWhoDoesNotLeadTheTeam(string user, string text, string expected)
    {
        var reply = await LastAsync(text, user);

        Assert.Equal(expected, reply.Text);
        Assert.Null(reply.Card);
    }

    [DbFact]
    public async Task Digest_IsRefusedInRussian_ToAMemberWhoLeadsNothing()
    {
        var reply = (await _host.SayAsync("сводка", "vera", email: "vera@example.com", locale: "ru-RU"))[^1];

        Assert.Equal("Вы не руководите командой, поэтому сводки по команде для вас нет. Ваши показатели: `сводка моя`.", reply.Text);
    }

    [DbFact]
    public async Task Button_IsRefused_WhenItsPayloadNamesAnotherTeam()
    {
        var west = await TeamIdAsync("Sales West");
        var forged = TeamDigestButtons.Button(west, DigestPeriod.Of(PeriodKind.Week, new(2026, 11, 23), new(2026, 11, 29), TimeZoneInfo.Utc), "x");

        var refused = (await _host.PressAsync(forged.Id, forged.Payload.ToDictionary(), "anna"))[^1];
        var unknown = (await _host.PressAsync(forged.Id, new Dictionary<string, string>(forged.Payload) { [TeamDigestButtons.TeamKey] = "999" }, "anna"))[^1];
        var gleb = (await _host.PressAsync(forged.Id, forged.Payload.ToDictionary(), "gleb"))[^1];

        Assert.Equal("That digest is for the lead of its team, and you don't lead it. Your own figures: `digest me`.", refused.Text);
        Assert.Equal(refused.Text, unknown.Text); // nothing told about whether team 999 exists
        Assert.DoesNotContain("Dan", refused.Text);
        Assert.Equal("Команда Sales West, 23–29 нояб. 2026", gleb.Card!.Title);
    }

    [DbFact]
    public async Task Button_AnswersPolitely_WhenItsPayloadIsNotOneWeMade()
    {
        var east = (await TeamIdAsync("Sales East")).ToString();

        var backwards = (await _host.PressAsync(TeamDigestButtons.Action, new Dictionary<string, string>
            { ["team"] = east, ["kind"] = "week", ["from"] = "2026-11-29", ["to"] = "2026-11-23" }, "anna"))[^1];

        Assert.Equal("That button is out of date: type `digest` for a fresh one.", backwards.Text);
    }

    [DbFact]
    public async Task Digest_LetsTheAdminReadAnyTeam_AndAsksWhichWhenSheLeadsNone()
    {
        var named = await LastAsync("digest Sales West last month", "olga");
        var bare = await LastAsync("digest", "olga");

        Assert.Equal("Team Sales West, 1–30 Nov 2026", named.Card!.Title);
        Assert.StartsWith("Dan — on time 1/1", named.Card.Lines[0]);
        Assert.Equal("You don't lead a team yourself; as an admin you can read any: Sales East, Sales West, e.g. `digest Sales East`.", bare.Text);
    }

    [DbTheory]
    [InlineData("anna", "digest last month", "Team Sales East, 1–30 Nov 2026")]
    [InlineData("anna", "digest 2026-11-23 2026-11-29", "Team Sales East, 23–29 Nov 2026")]
    [InlineData("anna", "digest Sales East 2026-11-01 2026-11-30", "Team Sales East, 1–30 Nov 2026")]
    [InlineData("anna", "digest sales east", "Team Sales East, 23–29 Nov 2026")]
    [InlineData("gleb", "сводка прошлый месяц", "Команда Sales West, 1–30 нояб. 2026")]
    [InlineData("gleb", "сводка Sales West за прошлую неделю", "Команда Sales West, 23–29 нояб. 2026")]
    public async Task Digest_ReadsTheTeamAndThePeriod(string user, string text, string title)
    {
        var card = (await LastAsync(text, user)).Card!;

        Assert.Equal(title, card.Title);
    }

    [DbTheory]
    [InlineData("anna", "digest 2026-11-30 2026-11-01", "That period ends before it starts: put the earlier date first.")]
    [InlineData("anna", "digest Sales East 2024-01-01 2026-11-01", "That's longer than a year: pick at most 366 days.")]
    [InlineData("anna", "digest Sales East 2026-11-01", "I didn't catch the period. Try `digest`, `digest last month` or `digest Sales East 2026-11-01 2026-11-30`.")]
    [InlineData("anna", "digest 2026-02-30 2026-03-01", "One of those dates doesn't exist. Dates go as YYYY-MM-DD, e.g. `digest 2026-11-01 2026-11-30`.")]
    [InlineData("anna", "digest Nowhere", "I don't know a team called Nowhere. `teams` lists yours.")]
    [InlineData("gleb", "сводка 2026-11-30 2026-11-01", "Период заканчивается раньше, чем начинается: сначала укажите более раннюю дату.")]
    [InlineData("gleb", "сводка команды Sales West 2027-01-01 2027-01-31", "Этот период ещё не начался: выберите даты не позже сегодняшней.")]
    [InlineData("gleb", "сводка Нигде", "Команды «Нигде» я не знаю. Ваши команды: `команды`.")]
    public async Task Digest_AnswersBadInputPolitely_AndChangesNothing(string user, string text, string expected)
    {
        var before = await _host.WithDbAsync(db => db.Set<Team>().CountAsync());

        var reply = await LastAsync(text, user);

        Assert.Equal(expected, reply.Text);
        Assert.Null(reply.Card);
        Assert.Equal(before, await _host.WithDbAsync(db => db.Set<Team>().CountAsync()));
    }

    [DbFact]
    public async Task Digest_SaysSo_ForAnEmptyPeriodAndATeamWithoutMembers()
    {
        await Say("team create Solo lead olga@example.com", "olga");

        var empty = await LastAsync("digest 2026-10-05 2026-10-11", "anna");
        var nobody = await LastAsync("digest Solo", "olga");

        Assert.Equal("Sales East, 5–11 Oct 2026: nothing recorded — no promises made or due, no calls due, no meetings, no kudos.", empty.Text);
        Assert.Null(empty.Card);
        Assert.Equal("Solo has no members yet, so there's nothing to count. Add them: `team add @name`.", nobody.Text);
    }

    [DbFact]
    public async Task Digest_SendsOneDigestPerTeam_ToALeadOfSeveral()
    {
        await Say("team create North lead anna@example.com", "olga");
        await Say("team add North dan@example.com", "anna");

        var replies = await Say("digest", "anna");

        Assert.Equal(["Team North, 23–29 Nov 2026", "Team Sales East, 23–29 Nov 2026"], replies.Select(r => r.Card!.Title));
    }

    [DbFact]
    public async Task DigestMe_StillGoesToTheMembersOwnDigest()
    {
        var card = (await LastAsync("digest me", "anna")).Card!;

        Assert.StartsWith("Your figures", card.Title);
    }
}
