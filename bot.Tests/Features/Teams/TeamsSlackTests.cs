using AccountCoachBot.Channels.Inbox;
using System.Text;
using System.Text.Json.Nodes;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Features.Teams;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Features.Teams;

/// <summary>
/// Teams in Slack: people named as Slack writes mentions (<c>&lt;@U…&gt;</c>, <c>&lt;@U…|name&gt;</c>) and emails
/// (<c>&lt;mailto:…&gt;</c>), found through <c>users.info</c>; someone from another workspace is refused.
/// </summary>
public sealed class TeamsSlackTests : IAsyncLifetime
{
    private const string Secret = "test-signing-secret";
    private const string Token = "xoxb-test-token";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly TestDatabase _db = new();
    private readonly HttpClient _http = new();
    private FakeSlackApi _slack = null!;
    private BotHost _bot = null!;
    private int _events;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync(Token);
        _slack.AddUser(new SlackUserSeed("U0OLGA", "olga", Tz: "Europe/Berlin", Email: "olga@example.com", RealName: "Olga Petrova"));
        _slack.AddUser(new SlackUserSeed("U0ANNA", "anna", Tz: "Europe/Berlin", Email: "anna@example.com", RealName: "Anna Orlova"));
        _slack.AddUser(new SlackUserSeed("U0BORIS", "boris", Tz: "Europe/Berlin", Email: "boris@example.com", RealName: "Boris Ivanov"));
        _slack.AddUser(new SlackUserSeed("U0EXT", "outsider", Tz: "Europe/Berlin", Email: "ext@partner.example", RealName: "Ext Partner", TeamId: "T0OTHER"));
        _bot = await BotHost.StartAsync(_db.Path, _time, new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = Token,
            ["Slack:SigningSecret"] = Secret,
            ["Slack:ApiBaseUrl"] = _slack.BaseUrl,
        });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _slack.DisposeAsync();
        _http.Dispose();
        _db.Dispose();
    }

    /// <summary>A DM from the user; returns the text of the bot's last answer there.</summary>
    private async Task<string> SlackAsync(string user, string text)
    {
        var posts = _slack.CallsTo("chat.postMessage").Count;
        var e = new JsonObject
        {
            ["type"] = "message", ["channel_type"] = "im", ["channel"] = _slack.DmChannelOf(user), ["user"] = user, ["text"] = text,
            ["ts"] = $"1700000{++_events:D3}.000100",
        };
        var envelope = new JsonObject { ["type"] = "event_callback", ["team_id"] = FakeSlackApi.TeamId, ["event_id"] = $"Ev{_events:D4}", ["event"] = e };
        var body = envelope.ToJsonString();
        var ts = _time.GetUtcNow().ToUnixTimeSeconds().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, _bot.BaseUrl + "slack/events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, ts);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Sign(Secret, ts, Encoding.UTF8.GetBytes(body)));
        Assert.True((await _http.SendAsync(request)).IsSuccessStatusCode);
        await _slack.WaitForCallsAsync("chat.postMessage", posts + 1);
        var handled = _events;
        await _bot.WaitUntilAsync(async db => await db.Inbox.CountAsync(i => i.Transport == "slack" && i.Status != InboxStatus.Pending) >= handled, "the Slack inbox");
        return _slack.CallsTo("chat.postMessage")[^1].Arg("text") ?? "";
    }

    [Fact]
    public async Task Lead_AddsAndRemovesMembers_BySlackMention_AndRefusesAnotherWorkspace()
    {
        await SlackAsync("U0OLGA", "hello");                                                  // the first to write: admin
        var created = await SlackAsync("U0OLGA", "team create Sales East lead <@U0ANNA>");
        var added = await SlackAsync("U0ANNA", "team add <@U0BORIS|boris> <mailto:vera@example.com|vera@example.com>");
        var foreign = await SlackAsync("U0ANNA", "team add <@U0EXT>");
        var removed = await SlackAsync("U0ANNA", "team remove <@U0BORIS>");
        var teams = await SlackAsync("U0ANNA", "teams");

        Assert.Contains("Created Sales East, led by Anna Orlova.", created);
        Assert.Contains("Added to Sales East: Boris Ivanov, vera@example.com.", added);
        Assert.Contains("@Ext Partner is in another workspace or organisation", foreign);
        Assert.Contains("Removed from Sales East: Boris Ivanov.", removed);
        Assert.Contains("Sales East — lead: Anna Orlova; members: vera@example.com (hasn't written to me yet)", teams);
        await using var scope = _bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountCoachBot.Data.CoachDbContext>();
        Assert.False(await db.People.AnyAsync(p => p.Email == "ext@partner.example"));
        var boris = await db.People.Include(p => p.Identities).SingleAsync(p => p.Email == "boris@example.com");
        Assert.Equal($"{FakeSlackApi.TeamId}:U0BORIS", Assert.Single(boris.Identities).ExternalId);
    }

    [Fact]
    public async Task Member_AddedBySlackMention_IsToldOnce_AndKudosArriveAtOnce_InRussianToo()
    {
        await SlackAsync("U0OLGA", "привет");
        await SlackAsync("U0OLGA", "команда создать Продажи Восток руководитель <@U0OLGA>");
        await SlackAsync("U0BORIS", "привет");
        var added = await SlackAsync("U0OLGA", "команда добавить <@U0BORIS>");
        var thanked = await SlackAsync("U0OLGA", "спасибо <@U0BORIS> за помощь с Globex");
        var dms = _slack.CallsTo("chat.postMessage").Count;
        var dispatcher = _bot.Services.GetRequiredService<NudgeDispatcher>();
        await dispatcher.RunAsync();
        await dispatcher.RunAsync();

        Assert.Contains("В команду «Продажи Восток» добавлены: Boris Ivanov.", added);
        Assert.Contains("Благодарность отправлена: Boris Ivanov получит её прямо сейчас.", thanked);
        var sent = _slack.CallsTo("chat.postMessage").Skip(dms).ToList();
        Assert.Equal(2, sent.Count);
        Assert.All(sent, s => Assert.Equal(_slack.DmChannelOf("U0BORIS"), s.Arg("channel")));
        Assert.Contains(sent, s => s.Arg("text")!.StartsWith("Вы теперь в команде «Продажи Восток», ваш руководитель — Olga Petrova.", StringComparison.Ordinal));
        Assert.Contains(sent, s => s.Arg("text") == "Olga Petrova благодарит вас: помощь с Globex\nПохвала коллег значит больше, чем похвала начальника. `recognize-success-right-away`");
    }
}
