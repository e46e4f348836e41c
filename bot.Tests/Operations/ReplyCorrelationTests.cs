using AccountCoachBot.Channels.Inbox;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Operations;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Operations;

/// <summary>Replies are delivered after the turn's pipeline has returned; what their delivery logs still names the turn.</summary>
public sealed class ReplyCorrelationTests : IAsyncLifetime
{
    private const string Secret = "test-signing-secret";
    private const string Token = "xoxb-test-token";
    private const string SlackUser = "U0CORREL01";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly TestDatabase _db = new();
    private readonly HttpClient _http = new();
    private readonly ScopeCapturingLoggerProvider _logs = new();
    private FakeConnector _connector = null!;
    private FakeSlackApi _slack = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _slack = await FakeSlackApi.StartAsync(Token);
        _slack.AddUser(new SlackUserSeed(SlackUser, "olga", Tz: "Europe/Berlin"));
        _bot = await BotHost.StartAsync(_db.Path, _time, new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Information",
            ["Slack:BotToken"] = Token,
            ["Slack:SigningSecret"] = Secret,
            ["Slack:ApiBaseUrl"] = _slack.BaseUrl,
        }, services: s => s.AddSingleton<ILoggerProvider>(_logs));
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
    public async Task ReplyToActivityAsync_ConnectorLogsOfAReplyCarryTheTurnId_AfterThePipelineReturned()
    {
        _connector.FailNext(HttpStatusCode.BadRequest, "BadArgument");
        await _http.PostAsync(_bot.MessagesUrl, Activities.Message(_connector.ServiceUrl, "help", id: "delivery-7", channelId: "msteams"));
        await _connector.WaitForDeliveredAsync(1);

        var refused = Assert.Single(_logs.Lines, l => l.Category.EndsWith("ConnectorClient", StringComparison.Ordinal) && l.Message.Contains("400", StringComparison.Ordinal));
        Assert.Equal("delivery-7", refused.Scope.GetValueOrDefault(Correlation.TurnId));
    }

    [Fact]
    public async Task RunAsync_SlackReplyDeliveryLogsCarryTheTurnId_AfterThePipelineReturned()
    {
        _slack.ScriptError("chat.postMessage", "msg_too_long");
        await SaySlackAsync("Ev0CORREL07", "help");

        var refused = _logs.Lines.Where(l => l.Message.Contains("msg_too_long", StringComparison.Ordinal)).ToList();
        Assert.Contains(refused, l => l.Category == typeof(SlackTurnRunner).FullName);
        Assert.Contains(refused, l => l.Category == typeof(SlackApiClient).FullName);
        Assert.All(refused, l => Assert.Equal("Ev0CORREL07", l.Scope.GetValueOrDefault(Correlation.TurnId)));
    }

    private async Task SaySlackAsync(string eventId, string text)
    {
        var e = new JsonObject { ["type"] = "message", ["channel_type"] = "im", ["channel"] = _slack.DmChannelOf(SlackUser), ["user"] = SlackUser, ["text"] = text, ["ts"] = "1700000001.000100" };
        var body = new JsonObject { ["type"] = "event_callback", ["team_id"] = FakeSlackApi.TeamId, ["event_id"] = eventId, ["event"] = e }.ToJsonString();
        var ts = _time.GetUtcNow().ToUnixTimeSeconds().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, _bot.BaseUrl + "slack/events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, ts);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Sign(Secret, ts, Encoding.UTF8.GetBytes(body)));
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        await _bot.WaitUntilAsync(async db => await InboxCounts.PendingAsync(db, "slack") == 0, "the Slack inbox being worked through");
    }
}
