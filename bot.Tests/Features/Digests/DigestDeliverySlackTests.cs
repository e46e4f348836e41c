using AccountCoachBot.Channels.Inbox;
using System.Text;
using System.Text.Json.Nodes;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Features.Digests;

/// <summary>
/// The Monday digest in Slack, through the real bot and the loopback Slack API: the figures as a message, then the
/// chart through the external upload, in the channel the lead named.
/// </summary>
public sealed class DigestDeliverySlackTests : IAsyncLifetime
{
    private const string Secret = "test-signing-secret";
    private const string Token = "xoxb-test-token";
    private const string Lead = "U0OLGA";
    private static readonly DateTime Monday0900Berlin = new(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero));
    private readonly TestDatabase _db = new();
    private readonly HttpClient _http = new();
    private FakeSlackApi _slack = null!;
    private BotHost _bot = null!;
    private int _events;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync(Token);
        _slack.AddUser(new SlackUserSeed(Lead, "olga", Tz: "Europe/Berlin", Email: "olga@example.com", RealName: "Olga Petrova"));
        _bot = await BotHost.StartAsync(_db.Path, _time, new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = Token, ["Slack:SigningSecret"] = Secret, ["Slack:ApiBaseUrl"] = _slack.BaseUrl,
        });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _slack.DisposeAsync();
        _http.Dispose();
        _db.Dispose();
    }

    /// <summary>A DM from the lead; returns the text of the bot's last answer there.</summary>
    private async Task<string> SlackAsync(string text)
    {
        var posts = _slack.CallsTo("chat.postMessage").Count;
        var e = new JsonObject
        {
            ["type"] = "message", ["channel_type"] = "im", ["channel"] = _slack.DmChannelOf(Lead), ["user"] = Lead, ["text"] = text,
            ["ts"] = $"1700000{++_events:D3}.000100",
        };
        var body = new JsonObject { ["type"] = "event_callback", ["team_id"] = FakeSlackApi.TeamId, ["event_id"] = $"Ev{_events:D4}", ["event"] = e }.ToJsonString();
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
    public async Task DigestChannel_NamingASlackChannel_PostsTheDigestThere_WithTheChartUploaded()
    {
        await SlackAsync("hello");
        await _bot.WithDbAsync(async db => await DigestScheduleKit.SeedTeamAsync(db, (await db.People.SingleAsync()).Id, new DateOnly(2026, 11, 23)));

        var set = await SlackAsync("digest channel <#C0SALES|sales-east>");
        _time.SetUtcNow(Monday0900Berlin);
        Assert.Equal(1, await _bot.RunDispatcherAsync());
        Assert.Equal(0, await _bot.RunDispatcherAsync());

        Assert.Contains("The digest for Sales East will go to", set);
        var post = Assert.Single(_slack.CallsTo("chat.postMessage"), c => c.Arg("channel") == "C0SALES");
        Assert.Contains("Team Sales East, 23–29 Nov 2026", post.Arg("text"));
        await _slack.WaitForCallsAsync("files.completeUploadExternal", 1);
        var file = Assert.Single(_slack.Files);
        Assert.Equal(("C0SALES", true), (file.SharedTo, file.Completed));
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], file.Bytes![..8]);
    }
}
