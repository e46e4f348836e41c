using AccountCoachBot.Channels.Inbox;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Operations;

/// <summary>
/// Malformed and oversized input through every public endpoint of one running bot (Bot Framework, the three Slack
/// endpoints, the playground's Direct Line): never a 5xx, and the bot still answers afterwards. Seeded, so a failure
/// names a case that fails again the same way.
/// </summary>
public sealed class FuzzTests : IAsyncLifetime
{
    private const string Secret = "test-signing-secret";
    private const string Token = "xoxb-test-token";
    private const string Olga = "U0OLGA";
    private const int Mutations = 80; // per endpoint and variant: a few hundred requests per endpoint in all
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly TestDatabase _db = new();
    private readonly HttpClient _http = new();
    private readonly ErrorLog _errors = new();
    private FakeConnector _connector = null!;
    private FakeSlackApi _slack = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _slack = await FakeSlackApi.StartAsync(Token);
        _slack.AddUser(new SlackUserSeed(Olga, "olga", Tz: "Europe/Berlin"));
        _bot = await BotHost.StartAsync(_db.Path, _time, new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = Token,
            ["Slack:SigningSecret"] = Secret,
            ["Slack:ApiBaseUrl"] = _slack.BaseUrl,
        }, services => services.AddLogging(b => b.AddProvider(_errors)));
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _slack.DisposeAsync();
        await _connector.DisposeAsync();
        _http.Dispose();
        _db.Dispose();
    }

    [Fact]
    public async Task Endpoints_AnswerBelow500AndKeepWorking_WhenFedMalformedInput()
    {
        var round = new FuzzRound(_http, _bot.BaseUrl, Secret, _time, _connector.ServiceUrl, _slack, Olga);
        await round.RunAsync(new Random(11), Mutations);
        var failures = round.Failures;

        Assert.True(failures.Count == 0, $"{failures.Count} failure(s):\n" + string.Join("\n", failures.Take(40)) + "\nErrors logged:\n" + string.Join("\n", _errors.Errors.Distinct().Take(20)));

        // Still alive and answering on every channel.
        using (var health = await _http.GetAsync(_bot.BaseUrl + "healthz")) Assert.True(health.IsSuccessStatusCode, $"healthz: {(int)health.StatusCode}");
        var before = _connector.Delivered.Count;
        using (var teams = await _http.PostAsync(_bot.MessagesUrl, Activities.Message(_connector.ServiceUrl, "help", userId: "29:after", conversationId: "a:after", id: "after-1")))
            Assert.True(teams.IsSuccessStatusCode, $"help after the fuzz: {(int)teams.StatusCode}");
        var replies = await _connector.WaitForDeliveredAsync(before + 1);
        Assert.Contains(replies.Skip(before), c => c.ConversationId == "a:after");
        var slackBefore = _slack.CallsTo("chat.postMessage").Count(c => c.Arg("channel") == "D0AFTER");
        _slack.AddUser(new SlackUserSeed("U0AFTER", "after", Tz: "Europe/Berlin"));
        var help = new JsonObject
        {
            ["type"] = "event_callback", ["team_id"] = FakeSlackApi.TeamId, ["event_id"] = "EvAFTER",
            ["event"] = new JsonObject { ["type"] = "message", ["channel_type"] = "im", ["channel"] = "D0AFTER", ["user"] = "U0AFTER", ["text"] = "help", ["ts"] = "1700000999.000100" },
        };
        await round.PostSlackAsync("slack/events", new FuzzCase("help after the fuzz", Encoding.UTF8.GetBytes(help.ToJsonString()), "application/json"), signed: true);
        Assert.True(failures.Count == 0, $"{failures.Count} failure(s):\n" + string.Join("\n", failures.Take(40)) + "\nErrors logged:\n" + string.Join("\n", _errors.Errors.Distinct().Take(20)));
        await _bot.WaitUntilAsync(async db => await InboxCounts.PendingAsync(db) == 0, "the Slack inbox worked through after the fuzz");
        Assert.True(_slack.CallsTo("chat.postMessage").Count(c => c.Arg("channel") == "D0AFTER") > slackBefore, "no Slack answer after the fuzz");
        // Nothing threw on the way, in a request or in the background work behind an ack.
        Assert.True(_errors.Errors.Count == 0, string.Join("\n", _errors.Errors.Take(20)));
    }
}
