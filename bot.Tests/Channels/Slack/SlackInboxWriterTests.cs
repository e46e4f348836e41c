using System.Net;
using System.Text;
using AccountCoachBot.Channels.Inbox;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Data;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Channels.Slack;

/// <summary>The inbox's writer on SQLite: every request on disk once, retries included, without waiting for the database.</summary>
public sealed class SlackInboxWriterTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly TestDatabase _db = new();
    private FakeSlackApi _slack = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync("xoxb-test-token");
        _slack.AddUser(new SlackUserSeed("U0ANNA", "anna", Tz: "Europe/Berlin"));
        _bot = await StartBotAsync();
    }

    private Task<BotHost> StartBotAsync() => BotHost.StartAsync(_db.Path, _time, new Dictionary<string, string?>
    {
        ["Slack:BotToken"] = "xoxb-test-token",
        ["Slack:SigningSecret"] = Secret,
        ["Slack:ApiBaseUrl"] = _slack.BaseUrl,
    });

    private const string Secret = "test-signing-secret";

    private async Task<HttpResponseMessage> CommandAsync(string triggerId)
    {
        var body = $"team_id={FakeSlackApi.TeamId}&channel_id=C0SALES&user_id=U0ANNA&command=%2Fcoach&text=help&trigger_id={triggerId}"
            + $"&response_url={Uri.EscapeDataString(_slack.ResponseUrl(triggerId))}";
        var ts = _time.GetUtcNow().ToUnixTimeSeconds().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, _bot.BaseUrl + "slack/commands")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, ts);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Sign(Secret, ts, Encoding.UTF8.GetBytes(body)));
        using var http = new HttpClient();
        return await http.SendAsync(request);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _slack.DisposeAsync();
        _db.Dispose();
    }

    [Fact]
    public async Task RecordAsync_StoresEachKeyOnce_WhenRequestsAndTheirRetriesArriveTogether()
    {
        var writer = _bot.Services.GetRequiredService<InboxWriter>();

        // 20 requests, each arriving three times at once (Slack retries), all acknowledged only once stored.
        await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            writer.RecordAsync(new InboxItem { Transport = "slack", Key = $"event:Ev{i % 20}", Kind = SlackInboxKinds.Event, PayloadJson = "{}" }, CancellationToken.None)));
        var late = await writer.RecordAsync(new InboxItem { Transport = "slack", Key = "event:Ev3", Kind = SlackInboxKinds.Event, PayloadJson = "{}" }, CancellationToken.None); // a late retry
        // Recorded as it arrived; the processor moves it to the inbox, which drops it (the key is there).
        using (var guard = new CancellationTokenSource(HangGuard.Limit))
            await _bot.Services.GetRequiredService<InboxProcessor>().WhenAttemptedAsync(late!.Value, guard.Token);

        var keys = await _bot.WithDbAsync(db => db.Inbox.Select(i => i.Key).ToListAsync());
        Assert.Equal(20, keys.Count);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"event:Ev{i}").Order(), keys.Order());
    }

    [Fact]
    public async Task SlashCommand_GetsTheApology_WhileAnotherProcessHoldsTheArrivalsFile_AndIsAckedOnceItIsFree()
    {
        await _bot.DisposeAsync();
        var other = new ArrivalsFile(ArrivalsFile.PathFor(_db.Path)); // a second instance on this database, or the last one still stopping
        other.Open(moved: 0);
        _bot = await StartBotAsync();

        using (var refused = await CommandAsync("trig-1"))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode); // Slack does not resend a command: the answer is the apology
            Assert.Contains("your message wasn't saved", await refused.Content.ReadAsStringAsync());
        }
        Assert.Equal(0, await _bot.WithDbAsync(InboxCounts.RecordedAsync));

        other.Dispose();
        using (var acked = await CommandAsync("trig-2"))
            Assert.Equal((HttpStatusCode.OK, ""), (acked.StatusCode, await acked.Content.ReadAsStringAsync()));
        Assert.Single(await _slack.WaitForCallsAsync("response_url", 1)); // and answered
    }

    [Fact]
    public async Task RecordAsync_CompletesWithoutTheDatabase_WhileATurnHoldsTheWriteLock()
    {
        var writer = _bot.Services.GetRequiredService<InboxWriter>();
        await writer.RecordAsync(new InboxItem { Transport = "slack", Key = "event:Ev0", Kind = SlackInboxKinds.Event, PayloadJson = "{}" }, CancellationToken.None); // the file opened
        await using var scope = _bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
        var turn = await _bot.Services.GetRequiredService<WriteGate>().EnterAsync(db, CancellationToken.None); // a turn holds the write lock

        using (var guard = new CancellationTokenSource(HangGuard.Limit))
            await writer.RecordAsync(new InboxItem { Transport = "slack", Key = "event:Ev1", Kind = SlackInboxKinds.Event, PayloadJson = "{}" }, CancellationToken.None).WaitAsync(guard.Token);
        Assert.False(writer.HoldsConnection); // on SQLite the ack's record is the arrivals file's, not a commit
        Assert.False(writer.QuietFor(TimeSpan.FromHours(1))); // answered just now: the inbox processor starts no turn yet
        Assert.True(writer.QuietFor(TimeSpan.Zero));

        await turn!.DisposeAsync();
        Assert.Equal(2, await _bot.WithDbAsync(InboxCounts.RecordedAsync));
    }
}
