using System.Text;
using System.Text.Json.Nodes;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Features.ProactiveCalls;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Features.ProactiveCalls;

/// <summary>
/// Call nudges end to end on real Kestrel with a loopback fake of Slack's Web API: Olga and Boris in Berlin, #acme with the bot
/// in it and #outside without, and helpers that talk to the bot as Slack would and read what it posted. Each test class
/// beside this one starts its own bot, fake and database.
/// </summary>
public abstract class ProactiveCallsSlackTestBase : IAsyncLifetime
{
    protected const string Secret = "test-signing-secret";
    protected const string Token = "xoxb-test-token";
    protected const string Olga = "U0OLGA";
    protected const string Boris = "U0BORIS";
    protected const string AcmeChannel = "C0ACME";
    protected const string Outside = "C0OUTSIDE";
    protected readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero)); // Wed 10:00 Berlin
    protected readonly TestDatabase _db = new();
    private readonly HttpClient _http = new();
    protected FakeSlackApi _slack = null!;
    protected BotHost _bot = null!;
    private int _events;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync(Token);
        _slack.AddUser(new SlackUserSeed(Olga, "olga", Tz: "Europe/Berlin", Email: "olga@example.com", RealName: "Olga Petrova"));
        _slack.AddUser(new SlackUserSeed(Boris, "boris", Tz: "Europe/Berlin", Email: "boris@example.com", RealName: "Boris Ivanov"));
        _slack.AddChannel(AcmeChannel, "acme");
        _slack.AddChannel(Outside, "outside", botIsMember: false);
        _bot = await StartBotAsync();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _slack.DisposeAsync();
        _http.Dispose();
        _db.Dispose();
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["Slack:BotToken"] = Token,
        ["Slack:SigningSecret"] = Secret,
        ["Slack:ApiBaseUrl"] = _slack.BaseUrl,
    };

    protected Task<BotHost> StartBotAsync() => BotHost.StartAsync(_db.Path, _time, Settings());

    protected void At(int month, int day, int hour, int minute = 0) => _time.SetUtcNow(new DateTimeOffset(2026, month, day, hour, minute, 0, TimeSpan.Zero));

    // ---- talking to the bot as Slack would ----

    private async Task PostSignedAsync(string path, string body, string contentType)
    {
        var ts = _time.GetUtcNow().ToUnixTimeSeconds().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, _bot.BaseUrl + path.TrimStart('/')) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Content.Headers.ContentType!.CharSet = null;
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, ts);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Sign(Secret, ts, Encoding.UTF8.GetBytes(body)));
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        await WaitForInboxAsync();
    }

    /// <summary>Until the bot has worked through everything Slack sent it.</summary>
    private Task WaitForInboxAsync() =>
        _bot.WaitUntilAsync(async db => await InboxCounts.PendingAsync(db) == 0,
            "the Slack inbox being worked through");

    protected Task SayAsync(string text, string user = Olga)
    {
        var e = new JsonObject { ["type"] = "message", ["channel_type"] = "im", ["channel"] = _slack.DmChannelOf(user), ["user"] = user, ["text"] = text, ["ts"] = "1700000001.000100" };
        var envelope = new JsonObject { ["type"] = "event_callback", ["team_id"] = FakeSlackApi.TeamId, ["event_id"] = $"Ev{++_events:D5}", ["event"] = e };
        return PostSignedAsync("/slack/events", envelope.ToJsonString(), "application/json");
    }

    protected Task ClickAsync(FakeSlackApi.RecordedCall message, string label, string user = Olga)
    {
        var button = Buttons(message).First(b => b["text"]!["text"]!.GetValue<string>() == label);
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = user, ["team_id"] = FakeSlackApi.TeamId },
            ["team"] = new JsonObject { ["id"] = FakeSlackApi.TeamId },
            ["trigger_id"] = "trigger-" + Guid.NewGuid().ToString("N"),
            ["container"] = new JsonObject { ["type"] = "message", ["channel_id"] = message.Response!["channel"]!.GetValue<string>(), ["message_ts"] = message.Response!["ts"]!.GetValue<string>() },
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "button", ["action_id"] = button["action_id"]!.GetValue<string>(), ["value"] = button["value"]!.GetValue<string>(),
                ["action_ts"] = "1700000100." + Random.Shared.Next(100000, 999999), ["text"] = button["text"]!.DeepClone(),
            }),
        };
        var form = "payload=" + Uri.EscapeDataString(payload.ToJsonString());
        return PostSignedAsync("/slack/interactivity", form, "application/x-www-form-urlencoded");
    }

    protected static IEnumerable<JsonObject> Buttons(FakeSlackApi.RecordedCall message) =>
        message.Body["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "actions")
            .SelectMany(b => b!["elements"]!.AsArray()).Select(e => e!.AsObject());

    /// <summary>Every "text" a Slack message holds (its fallback and its blocks'), unescaped, one per line.</summary>
    protected static string AllText(FakeSlackApi.RecordedCall call)
    {
        var texts = new List<string>();
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (key, value) in o)
                    {
                        if (key == "text" && value is JsonValue v && v.TryGetValue<string>(out var s)) texts.Add(s);
                        else Walk(value);
                    }
                    break;
                case JsonArray a:
                    foreach (var item in a) Walk(item);
                    break;
            }
        }
        Walk(call.Body);
        return string.Join('\n', texts);
    }

    protected IReadOnlyList<FakeSlackApi.RecordedCall> PostsTo(string channel) =>
        _slack.CallsTo("chat.postMessage").Where(c => c.Arg("channel") == channel && c.Status == 200 && c.Response?["ok"]?.GetValue<bool>() == true).ToList();

    protected IReadOnlyList<FakeSlackApi.RecordedCall> CallNudgesIn(string channel) =>
        PostsTo(channel).Where(c => c.Body.ToJsonString().Contains(CallActions.CallFirst)).ToList();

    protected Task<AccountCadence> AcmeAsync() => _bot.WithDbAsync(db => db.Set<AccountCadence>().Include(c => c.Account).SingleAsync(c => c.Account!.Name == "Acme"));

    /// <summary>Olga's key account Acme, its nudges in #acme, a contact on Wed 4 Mar and a promise (due Fri 20 Mar unless said).</summary>
    protected async Task AcmeInItsChannelAsync(string promiseDue = "20 Mar")
    {
        await SayAsync("account add Acme key");
        await SayAsync("called Acme: kickoff");
        await SayAsync($"promise Acme: send the secret pricing sheet by {promiseDue}");
        Assert.Equal(1, await _bot.WithDbAsync(db => db.Promises.CountAsync()));
        // Set last, so the channel is the newest place Olga's name is on: her private nudges must still go to her DM.
        _time.Advance(TimeSpan.FromMinutes(1));
        await SayAsync($"account Acme channel <#{AcmeChannel}|acme>");
    }

    /// <summary>The last thing the bot said to <paramref name="user"/> in their DM.</summary>
    protected string LastReplyTo(string user) => AllText(PostsTo(_slack.DmChannelOf(user))[^1]).Split('\n')[0];
}
