using System.Text;
using System.Text.Json.Nodes;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Ai;

/// <summary>In Slack, the model's holding line is a message only the person sees; the model's proposal follows in the DM.</summary>
public sealed class AiSlackTests : IAsyncLifetime
{
    private const string Secret = "test-signing-secret";
    private const string Token = "xoxb-test-token";
    private const string User = "U0OLGA";
    private readonly FakeTimeProvider _time = new(AiFlowKit.Now);
    private readonly TestDatabase _db = new();
    private readonly HttpClient _http = new();
    private FakeSlackApi _slack = null!;
    private FakeModelServer _model = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync(Token);
        _slack.AddUser(new SlackUserSeed(User, "olga", Tz: "Europe/Berlin", Email: "olga@example.com", RealName: "Olga Petrova"));
        _model = await FakeModelServer.StartAsync();
        var settings = new Dictionary<string, string?>(_model.Settings())
        {
            ["Slack:BotToken"] = Token,
            ["Slack:SigningSecret"] = Secret,
            ["Slack:ApiBaseUrl"] = _slack.BaseUrl,
        };
        _bot = await BotHost.StartAsync(_db.Path, _time, settings);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _model.DisposeAsync();
        await _slack.DisposeAsync();
        _http.Dispose();
        _db.Dispose();
    }

    [Fact]
    public async Task FreeText_GetsAnEphemeralHoldingLine_ThenTheProposalInTheDm()
    {
        _model.Answer(ModelAnswer.Json(new { isPromise = true, account = "Acme", contact = (string?)null, action = "send the SLA redlines", due = "2026-03-12" }));

        await DirectMessageAsync("Acme wants the SLA redlines, I said they would have them by the 12th, once legal signs off", "EvAi1");

        var holding = (await _slack.WaitForCallsAsync("chat.postEphemeral", 1))[0];
        Assert.Equal(User, holding.Arg("user"));
        Assert.Contains("One moment", holding.Body.ToJsonString());
        var posts = await _slack.WaitForCallsAsync("chat.postMessage", 2); // the welcome, then the proposal
        Assert.DoesNotContain(posts, p => p.Body.ToJsonString().Contains("One moment"));
        Assert.Contains(posts, p => p.Body.ToJsonString().Contains("send the SLA redlines"));
    }

    private async Task DirectMessageAsync(string text, string eventId)
    {
        var e = new JsonObject { ["type"] = "message", ["channel_type"] = "im", ["channel"] = _slack.DmChannelOf(User), ["user"] = User, ["text"] = text, ["ts"] = "1700000001.000100" };
        var body = new JsonObject { ["type"] = "event_callback", ["team_id"] = FakeSlackApi.TeamId, ["event_id"] = eventId, ["event"] = e }.ToJsonString();
        var ts = _time.GetUtcNow().ToUnixTimeSeconds().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, _bot.BaseUrl + "slack/events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, ts);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Sign(Secret, ts, Encoding.UTF8.GetBytes(body)));
        (await _http.SendAsync(request)).EnsureSuccessStatusCode();
    }
}
