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
    private readonly List<string> _failures = [];
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
        var random = new Random(11);

        // Bot Framework: without a token and with garbage ones (anonymous local mode must not trip on them).
        var activity = Activities.Message(_connector.ServiceUrl, "help");
        activity["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["timezone"] = "Europe/Berlin" });
        activity["value"] = new JsonObject { ["action"] = "promise.done", ["promiseId"] = "1" };
        foreach (var c in FuzzCases.ForJson(random, activity, Mutations))
            await PostAsync("api/messages", c);
        foreach (var c in FuzzCases.ForJson(random, activity, Mutations))
            await PostAsync("api/messages", c, ("Authorization", random.Next(2) == 0 ? "Bearer not.a.jwt" : "Bearer " + Convert.ToBase64String(Encoding.UTF8.GetBytes(c.Name))));

        // Slack: signed garbage (it passes the signature check and reaches the parsers), and unsigned or badly signed.
        var dm = new JsonObject
        {
            ["type"] = "event_callback", ["team_id"] = FakeSlackApi.TeamId, ["event_id"] = "Ev00001", ["event_time"] = 1700000001,
            ["event"] = new JsonObject { ["type"] = "message", ["channel_type"] = "im", ["channel"] = _slack.DmChannelOf(Olga), ["user"] = Olga, ["text"] = "help", ["ts"] = "1700000001.000100" },
        };
        foreach (var c in FuzzCases.ForJson(random, dm, Mutations))
            await PostSlackAsync("slack/events", c, signed: true);
        foreach (var c in FuzzCases.ForJson(random, new JsonObject { ["type"] = "url_verification", ["challenge"] = "abc", ["token"] = "t" }, Mutations / 4))
            await PostSlackAsync("slack/events", c, signed: true);
        var command = new Dictionary<string, string>
        {
            ["token"] = "t", ["team_id"] = FakeSlackApi.TeamId, ["channel_id"] = _slack.DmChannelOf(Olga), ["user_id"] = Olga, ["command"] = "/coach",
            ["text"] = "help", ["response_url"] = _slack.ResponseUrl("fuzz"), ["trigger_id"] = "trigger-1",
        };
        foreach (var c in FuzzCases.ForForm(random, command, Mutations))
            await PostSlackAsync("slack/commands", c, signed: true);
        var action = new JsonObject
        {
            ["type"] = "block_actions", ["user"] = new JsonObject { ["id"] = Olga, ["team_id"] = FakeSlackApi.TeamId }, ["team"] = new JsonObject { ["id"] = FakeSlackApi.TeamId },
            ["trigger_id"] = "trigger-1", ["response_url"] = _slack.ResponseUrl("fuzz"),
            ["container"] = new JsonObject { ["type"] = "message", ["channel_id"] = _slack.DmChannelOf(Olga), ["message_ts"] = "1700000001.000100" },
            ["actions"] = new JsonArray(new JsonObject { ["type"] = "button", ["action_id"] = "promise.done", ["value"] = "{\"promiseId\":\"1\"}", ["action_ts"] = "1700000100.1" }),
            ["view"] = new JsonObject { ["id"] = "V1", ["callback_id"] = "promise.move", ["private_metadata"] = "{}", ["state"] = new JsonObject { ["values"] = new JsonObject() } },
        };
        foreach (var c in FuzzCases.ForForm(random, new Dictionary<string, string> { ["payload"] = action.ToJsonString() }, Mutations * 2, jsonField: "payload"))
            await PostSlackAsync("slack/interactivity", c, signed: true);
        foreach (var path in new[] { "slack/events", "slack/commands", "slack/interactivity" })
            foreach (var c in FuzzCases.ForForm(random, command, Mutations / 4))
                await PostSlackAsync(path, c, signed: false, badSignature: random.Next(2) == 0);

        // The playground's Direct Line: starting a conversation, posting to it with its token, refreshing the token.
        var (conversation, token) = await StartDirectLineAsync();
        var typed = new JsonObject { ["type"] = "message", ["from"] = new JsonObject { ["id"] = "dl_user", ["name"] = "Olga" }, ["text"] = "help", ["locale"] = "en-US", ["localTimezone"] = "Europe/Berlin" };
        foreach (var c in FuzzCases.ForJson(random, new JsonObject { ["user"] = new JsonObject { ["id"] = "dl_user" } }, Mutations / 2))
            await PostAsync("v3/directline/conversations", c);
        foreach (var c in FuzzCases.ForJson(random, typed, Mutations))
            await PostAsync($"v3/directline/conversations/{conversation}/activities", c, ("Authorization", "Bearer " + token));
        foreach (var c in FuzzCases.ForJson(random, typed, Mutations / 4))
            await PostAsync($"v3/directline/conversations/{conversation}/activities", c, ("Authorization", "Bearer x" + c.Name.Length));
        foreach (var c in FuzzCases.ForJson(random, new JsonObject(), Mutations / 4))
            await PostAsync("v3/directline/tokens/refresh", c, ("Authorization", "Bearer " + token));

        Assert.True(_failures.Count == 0, $"{_failures.Count} failure(s):\n" + string.Join("\n", _failures.Take(40)) + "\nErrors logged:\n" + string.Join("\n", _errors.Errors.Distinct().Take(20)));

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
        await PostSlackAsync("slack/events", new FuzzCase("help after the fuzz", Encoding.UTF8.GetBytes(help.ToJsonString()), "application/json"), signed: true);
        Assert.True(_failures.Count == 0, $"{_failures.Count} failure(s):\n" + string.Join("\n", _failures.Take(40)) + "\nErrors logged:\n" + string.Join("\n", _errors.Errors.Distinct().Take(20)));
        await _bot.WaitUntilAsync(async db => await InboxCounts.PendingAsync(db) == 0, "the Slack inbox worked through after the fuzz");
        Assert.True(_slack.CallsTo("chat.postMessage").Count(c => c.Arg("channel") == "D0AFTER") > slackBefore, "no Slack answer after the fuzz");
        // Nothing threw on the way, in a request or in the background work behind an ack.
        Assert.True(_errors.Errors.Count == 0, string.Join("\n", _errors.Errors.Take(20)));
    }

    private async Task PostAsync(string path, FuzzCase c, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _bot.BaseUrl + path) { Content = Content(c) };
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        await SendAsync(path, c, request);
    }

    private async Task PostSlackAsync(string path, FuzzCase c, bool signed, bool badSignature = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _bot.BaseUrl + path) { Content = Content(c) };
        var ts = _time.GetUtcNow().ToUnixTimeSeconds().ToString();
        if (signed || badSignature)
        {
            request.Headers.Add(SlackSignatureVerifier.TimestampHeader, badSignature ? "17e8" : ts);
            request.Headers.Add(SlackSignatureVerifier.SignatureHeader, signed ? SlackSignatureVerifier.Sign(Secret, ts, c.Body) : "v0=" + new string('0', 64));
        }
        await SendAsync(path, c, request);
    }

    private static ByteArrayContent Content(FuzzCase c)
    {
        var content = new ByteArrayContent(c.Body);
        if (c.ContentType is not null) content.Headers.ContentType = MediaTypeHeaderValue.Parse(c.ContentType);
        return content;
    }

    private async Task SendAsync(string path, FuzzCase c, HttpRequestMessage request)
    {
        try
        {
            using var response = await _http.SendAsync(request);
            if ((int)response.StatusCode >= 500) _failures.Add($"{path} {c.Name} → {(int)response.StatusCode}");
        }
        catch (HttpRequestException e)
        {
            _failures.Add($"{path} {c.Name} → no answer ({e.Message})");
        }
    }

    private async Task<(string Conversation, string Token)> StartDirectLineAsync()
    {
        using var response = await _http.PostAsync(_bot.BaseUrl + "v3/directline/conversations", null);
        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (body["conversationId"]!.GetValue<string>(), body["token"]!.GetValue<string>());
    }
}
