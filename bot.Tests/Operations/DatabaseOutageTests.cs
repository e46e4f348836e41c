using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace AccountCoachBot.Tests.Operations;

/// <summary>
/// PostgreSQL pulled away (a proxy in front of it cut: open connections dropped, new ones refused) and brought back:
/// the person gets an apology in their language instead of silence or a 500, Slack is told to send its events again,
/// nothing is written, and afterwards the bot works by itself and the nudges that came due meanwhile go out once.
/// </summary>
[OnPostgres]
public sealed class DatabaseOutageTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    private const string Token = "xoxb-outage";
    private const string Secret = "outage-secret";
    private const string SlackUser = "U0OLGA";
    private const string Apology = "Sorry, I can't reach my records right now";
    private const string ApologyRu = "Извините, сейчас нет доступа к моим записям";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero)); // Wed 10:00 Berlin

    [DbFact]
    public async Task Turns_ApologiseAndRecoverByThemselves_WhenTheDatabaseIsAwayForAWhile()
    {
        await postgres.ResetAsync();
        var server = new NpgsqlConnectionStringBuilder(postgres.ConnectionString);
        await using var proxy = new TcpProxy(server.Host!, server.Port);
        var viaProxy = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 5 }.ToString();
        await using var connector = await FakeConnector.StartAsync();
        await using var slack = await FakeSlackApi.StartAsync(Token);
        slack.AddUser(new SlackUserSeed(SlackUser, "olga", Tz: "Europe/Berlin"));
        using var db = new TestDatabase();
        await using var bot = await BotHost.StartAsync(db.Path, _time, new Dictionary<string, string?>
        {
            ["Database:Provider"] = "postgres",
            ["ConnectionStrings:Coach"] = viaProxy,
            ["Slack:BotToken"] = Token,
            ["Slack:SigningSecret"] = Secret,
            ["Slack:ApiBaseUrl"] = slack.BaseUrl,
        });
        using var http = new HttpClient { BaseAddress = new Uri(bot.BaseUrl) };

        // Before: a promise due in ten minutes, so its reminder comes due while the database is away.
        await PostActivityAsync(http, Activities.Message(connector.ServiceUrl, "promise Acme: send the quote in 10 minutes"));
        await connector.WaitForDeliveredAsync(1);
        var before = connector.Calls.Count;
        var due = await bot.WithDbAsync(d => d.Outbox.Where(o => o.Status == OutboxStatus.Pending && o.DueUtc <= _time.GetUtcNow().UtcDateTime.AddMinutes(15)).CountAsync());
        Assert.True(due > 0, "the promise's reminder was not queued");
        var written = await CountRowsAsync();

        proxy.Cut();
        _time.Advance(TimeSpan.FromMinutes(15));

        // Teams: the turn could not run; the person is told so, in the language of their words or else of their client.
        await PostActivityAsync(http, Activities.Message(connector.ServiceUrl, "promises"));
        await PostActivityAsync(http, Activities.Message(connector.ServiceUrl, "обещания", userId: "29:user-2", conversationId: "a:conv-2"));
        await PostActivityAsync(http, Activities.Message(connector.ServiceUrl, "?", userId: "29:user-3", conversationId: "a:conv-3", locale: "ru-RU"));
        var replies = (await connector.WaitForDeliveredAsync(before + 3)).Skip(before).ToDictionary(c => c.ConversationId, c => c.Activity["text"]!.GetValue<string>());
        Assert.StartsWith(Apology, replies["a:conv-1"]);
        Assert.StartsWith(ApologyRu, replies["a:conv-2"]);
        Assert.StartsWith(ApologyRu, replies["a:conv-3"]);

        // Slack: an event not recorded is not acknowledged, so Slack sends it again; a slash command (never resent) apologises.
        var firstDelivery = await DirectMessageAsync(http, slack, "promises", "Ev-outage-1");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, firstDelivery.StatusCode);
        var command = await CommandAsync(http, slack, "promises", "trigger-outage-1");
        Assert.Equal(HttpStatusCode.OK, command.StatusCode);
        var answer = (await command.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("ephemeral", answer["response_type"]!.GetValue<string>());
        Assert.StartsWith(Apology, answer["text"]!.GetValue<string>());

        // The reminder due now cannot be claimed; nothing reaches the platform, and /readyz says why.
        await Assert.ThrowsAnyAsync<Exception>(bot.RunDispatcherAsync);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("readyz")).StatusCode);
        Assert.Equal(before + 3, connector.Calls.Count);
        Assert.Empty(slack.CallsTo("chat.postMessage"));

        proxy.Restore();

        // After: nothing was written while it was away, the same bot answers again, Slack's resend is handled...
        Assert.Equal(written, await CountRowsAsync());
        await PostActivityAsync(http, Activities.Message(connector.ServiceUrl, "promises"));
        var after = (await connector.WaitForDeliveredAsync(before + 4))[^1];
        Assert.Contains("Acme", after.Activity.ToJsonString());
        Assert.DoesNotContain(Apology, after.Activity.ToJsonString());
        var resent = await DirectMessageAsync(http, slack, "promises", "Ev-outage-1", retry: 1);
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        await slack.WaitForCallsAsync("chat.postMessage", 1);

        // ...and the reminder that came due meanwhile goes out, once.
        Assert.Equal(due, await bot.RunDispatcherAsync());
        Assert.Equal(0, await bot.RunDispatcherAsync());
        var nudges = connector.Delivered.Where(c => c.ActivityId is null).ToList();
        Assert.Equal(due, nudges.Count);
        Assert.All(await bot.WithDbAsync(d => d.Outbox.Where(o => o.Status == OutboxStatus.Sent).ToListAsync()), o => Assert.Equal(1, o.Attempts));
    }

    private async Task<int> CountRowsAsync()
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM "People") + (SELECT count(*) FROM "Promises") + (SELECT count(*) FROM "Outbox")
                 + (SELECT count(*) FROM "ProcessedDeliveries") + (SELECT count(*) FROM "Inbox") + (SELECT count(*) FROM "Addresses")
            """, connection);
        return Convert.ToInt32(await count.ExecuteScalarAsync());
    }

    private static async Task PostActivityAsync(HttpClient http, JsonObject activity)
    {
        using var response = await http.PostAsync("api/messages", activity);
        Assert.True(response.IsSuccessStatusCode, $"/api/messages answered {(int)response.StatusCode}");
    }

    private Task<HttpResponseMessage> DirectMessageAsync(HttpClient http, FakeSlackApi slack, string text, string eventId, int? retry = null)
    {
        var e = new JsonObject { ["type"] = "message", ["channel_type"] = "im", ["channel"] = slack.DmChannelOf(SlackUser), ["user"] = SlackUser, ["text"] = text, ["ts"] = "1700000001.000100" };
        var envelope = new JsonObject { ["type"] = "event_callback", ["team_id"] = FakeSlackApi.TeamId, ["event_id"] = eventId, ["event"] = e };
        return PostSignedAsync(http, "slack/events", envelope.ToJsonString(), "application/json", retry);
    }

    private Task<HttpResponseMessage> CommandAsync(HttpClient http, FakeSlackApi slack, string text, string triggerId)
    {
        var fields = new Dictionary<string, string>
        {
            ["team_id"] = FakeSlackApi.TeamId, ["channel_id"] = "C0SALES", ["user_id"] = SlackUser, ["command"] = "/coach", ["text"] = text,
            ["trigger_id"] = triggerId, ["response_url"] = slack.ResponseUrl(triggerId),
        };
        return PostSignedAsync(http, "slack/commands", string.Join('&', fields.Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value)}")),
            "application/x-www-form-urlencoded", null);
    }

    private async Task<HttpResponseMessage> PostSignedAsync(HttpClient http, string path, string body, string contentType, int? retry)
    {
        var ts = _time.GetUtcNow().ToUnixTimeSeconds().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Content.Headers.ContentType!.CharSet = null;
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, ts);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Sign(Secret, ts, Encoding.UTF8.GetBytes(body)));
        if (retry is not null) request.Headers.Add("X-Slack-Retry-Num", retry.ToString());
        return await http.SendAsync(request);
    }
}
