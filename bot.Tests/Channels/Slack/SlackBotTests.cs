using AccountCoachBot.Channels.Inbox;
using System.Text;
using System.Text.Json.Nodes;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Channels.Slack;

/// <summary>
/// The bot on real Kestrel with Slack on, a loopback fake of Slack's Web API, and requests signed the way Slack signs
/// them; each test class beside this one starts its own bot and fake.
/// </summary>
public abstract class SlackBotTests : IAsyncLifetime
{
    protected const string Secret = "test-signing-secret";
    protected const string Token = "xoxb-test-token";
    protected const string User = "U0OLGA";
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
    protected TestDatabase Database { get; } = new();
    protected HttpClient Http { get; } = new();
    protected FakeSlackApi SlackApi { get; private set; } = null!;
    protected BotHost Bot { get; set; } = null!;

    public async Task InitializeAsync()
    {
        SlackApi = await FakeSlackApi.StartAsync(Token);
        SlackApi.AddUser(new SlackUserSeed(User, "olga", Tz: "Europe/Berlin", Email: "olga@example.com", RealName: "Olga Petrova"));
        Bot = await StartBotAsync();
    }

    protected Task<BotHost> StartBotAsync() => BotHost.StartAsync(Database.Path, Time, new Dictionary<string, string?>
    {
        ["Slack:BotToken"] = Token,
        ["Slack:SigningSecret"] = Secret,
        ["Slack:ApiBaseUrl"] = SlackApi.BaseUrl,
    });

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await SlackApi.DisposeAsync();
        Http.Dispose();
        Database.Dispose();
    }

    protected async Task<HttpResponseMessage> PostSignedAsync(string path, string body, string contentType, string? secret = Secret, long? timestamp = null, int? retry = null)
    {
        var ts = (timestamp ?? Time.GetUtcNow().ToUnixTimeSeconds()).ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, Bot.BaseUrl + path.TrimStart('/'))
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        request.Content.Headers.ContentType!.CharSet = null;
        if (secret is not null)
        {
            request.Headers.Add(SlackSignatureVerifier.TimestampHeader, ts);
            request.Headers.Add(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Sign(secret, ts, Encoding.UTF8.GetBytes(body)));
        }
        if (retry is not null) request.Headers.Add("X-Slack-Retry-Num", retry.ToString());
        return await Http.SendAsync(request);
    }

    protected Task<HttpResponseMessage> CommandAsync(string text, string triggerId, string? secret = Secret) =>
        PostSignedAsync("/slack/commands", Form(new()
        {
            ["token"] = "legacy", ["team_id"] = FakeSlackApi.TeamId, ["channel_id"] = "C0SALES", ["user_id"] = User,
            ["command"] = "/coach", ["text"] = text, ["trigger_id"] = triggerId, ["response_url"] = SlackApi.ResponseUrl(triggerId),
        }), "application/x-www-form-urlencoded", secret);

    protected Task<HttpResponseMessage> DirectMessageAsync(string text, string eventId, int? retry = null, string user = User, string? botId = null)
    {
        var e = new JsonObject { ["type"] = "message", ["channel_type"] = "im", ["channel"] = SlackApi.DmChannelOf(User), ["user"] = user, ["text"] = text, ["ts"] = "1700000001.000100" };
        if (botId is not null) e["bot_id"] = botId;
        var envelope = new JsonObject { ["type"] = "event_callback", ["team_id"] = FakeSlackApi.TeamId, ["event_id"] = eventId, ["event"] = e };
        return PostSignedAsync("/slack/events", envelope.ToJsonString(), "application/json", retry: retry);
    }

    protected Task<HttpResponseMessage> InteractAsync(JsonObject payload) =>
        PostSignedAsync("/slack/interactivity", Form(new() { ["payload"] = payload.ToJsonString() }), "application/x-www-form-urlencoded");

    protected static string Form(Dictionary<string, string> fields) =>
        string.Join('&', fields.Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value)}"));

    /// <summary>Waits until this many recorded requests have been worked through (woken by the bot's writes).</summary>
    protected Task WaitForInboxAsync(int count) =>
        Bot.WaitUntilAsync(async db => await db.Inbox.CountAsync(i => i.Transport == "slack" && i.Status != InboxStatus.Pending) >= count,
            $"the inbox reaching {count} processed requests");

    protected static string BlocksText(JsonNode? message) => message?.ToJsonString() ?? "";

    /// <summary>The button with this action in the last message posted to the DM.</summary>
    protected static JsonObject Button(FakeSlackApi.RecordedCall message, string actionId) =>
        message.Body["blocks"]!.AsArray()
            .Where(b => b!["type"]!.GetValue<string>() == "actions")
            .SelectMany(b => b!["elements"]!.AsArray())
            .First(e => SlackActionParser.ActionIdOf(e!["action_id"]!.GetValue<string>()) == actionId)!.AsObject();

    protected JsonObject ClickPayload(JsonObject button, FakeSlackApi.RecordedCall message, string user = User) => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = user, ["team_id"] = FakeSlackApi.TeamId },
        ["team"] = new JsonObject { ["id"] = FakeSlackApi.TeamId },
        ["trigger_id"] = "trigger-" + Guid.NewGuid().ToString("N"),
        ["container"] = new JsonObject { ["type"] = "message", ["channel_id"] = message.Arg("channel"), ["message_ts"] = message.Response!["ts"]!.GetValue<string>() },
        ["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "button", ["action_id"] = button["action_id"]!.GetValue<string>(), ["value"] = button["value"]!.GetValue<string>(),
            ["action_ts"] = "1700000100." + Random.Shared.Next(100000, 999999), ["text"] = button["text"]!.DeepClone(),
        }),
    };

}
