using AccountCoachBot.Channels.Inbox;
using System.Text;
using System.Text.Json.Nodes;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace AccountCoachBot.Tests.Scheduling;

/// <summary>
/// Nudges through the loopback fakes of the Bot Connector and Slack while both answer 3 calls in 10 with 429
/// (Retry-After) or 5xx, on a deterministic schedule: everything arrives once, Retry-After and the pace hold, and Teams'
/// per-app budget and Slack's per-workspace budget (both set low here, so that they bind) are never exceeded across all
/// their conversations.
/// </summary>
public sealed class PlatformFaultsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Secret = "test-signing-secret";
    private const string Token = "xoxb-test-token";
    private const int Conversations = 10; // per platform
    private const int PromisesEach = 10;
    private static readonly TimeSpan Pace = TimeSpan.FromSeconds(1);
    private const int TeamsAppPerSecond = 4; // below the 10 conversations' own pace, so the app's limit is what holds them
    private const int TeamsAppBurst = 2;
    private const int SlackWorkspacePerMinute = 240; // 4 a second: below the 10 channels' own pace, as for Teams
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero)); // Wed 10:00 Berlin
    private readonly TestDatabase _db = new();
    private readonly HttpClient _http = new();
    private FakeConnector _connector = null!;
    private FakeSlackApi _slack = null!;
    private BotHost _bot = null!;
    private int _events;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _slack = await FakeSlackApi.StartAsync(Token);
        _connector.Clock = _slack.Clock = _time;
        for (var i = 0; i < Conversations; i++)
            _slack.AddUser(new SlackUserSeed(SlackUser(i), $"user{i}", Tz: "Europe/Berlin"));
        _bot = await BotHost.StartAsync(_db.Path, _time, new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = Token,
            ["Slack:SigningSecret"] = Secret,
            ["Slack:ApiBaseUrl"] = _slack.BaseUrl,
            ["Scheduling:MinIntervalPerConversation"] = Pace.ToString(),
            ["Scheduling:BatchSize"] = "16", // several batches per run
            ["Scheduling:MaxAttempts"] = "20",
            ["BotFramework:TeamsAppPerSecond"] = TeamsAppPerSecond.ToString(),
            ["BotFramework:TeamsAppBurst"] = TeamsAppBurst.ToString(),
            ["Slack:WorkspacePerMinute"] = SlackWorkspacePerMinute.ToString(),
        });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _slack.DisposeAsync();
        await _connector.DisposeAsync();
        _http.Dispose();
        _db.Dispose();
    }

    private static string SlackUser(int i) => $"U0USER{i:D2}";

    private static FaultSchedule ThreeInTen(int serverError) => new(10, new Dictionary<int, Fault>
    {
        [1] = new(429, 3),
        [4] = new(serverError),
        [7] = new(429, 1),
    });

    [Fact]
    public async Task Dispatcher_DeliversEveryNudgeOnce_HonouringRetryAfterPaceAndAppLimit_WhenPlatformsFailThreeCallsInTen()
    {
        var clients = new List<string>();
        for (var c = 0; c < Conversations; c++)
        {
            for (var n = 0; n < PromisesEach; n++)
            {
                var teams = $"Teams{c}x{n}";
                // A second apart: the replies draw on the app's budget too, and would otherwise wait for the clock.
                _time.Advance(TimeSpan.FromSeconds(1));
                await PostTeamsAsync(c, $"promise {teams}: call Olga back in 5 minutes");
                var slack = $"Slack{c}x{n}";
                await SaySlackAsync(c, $"promise {slack}: call Olga back in 5 minutes");
                clients.Add(teams);
                clients.Add(slack);
            }
        }
        await _bot.WaitUntilAsync(async db => await db.Outbox.CountAsync(o => o.Status == OutboxStatus.Pending) >= clients.Count, "every promise's nudge planned");
        var repliesBefore = _slack.CallsTo("chat.postMessage").Count;
        _connector.Faults = ThreeInTen(500);
        _slack.SetFaults("chat.postMessage", ThreeInTen(503));

        _time.Advance(TimeSpan.FromMinutes(5));
        // One run works through batch after batch: nothing due is left behind for the next run.
        await _bot.RunDispatcherAsync();
        var firstRun = _time.GetUtcNow().UtcDateTime;
        Assert.Equal(0, await _bot.WithDbAsync(db => db.Outbox.CountAsync(o => o.Status == OutboxStatus.Pending && o.DueUtc <= firstRun)));

        // Then the clock jumps to whatever is due next, until nothing waits. A nudge due while its budget has no room is
        // left unclaimed, so the clock moves on as the bot's loop does (Scheduling:DispatchEvery), a fifth of a second.
        var rounds = 1;
        for (var round = 0; round < 2000; round++, rounds++)
        {
            var next = await _bot.WithDbAsync(db => db.Outbox.Where(o => o.Status == OutboxStatus.Pending).OrderBy(o => o.DueUtc).Select(o => (DateTime?)o.DueUtc).FirstOrDefaultAsync());
            if (next is null) break;
            var due = new DateTimeOffset(DateTime.SpecifyKind(next.Value, DateTimeKind.Utc));
            _time.SetUtcNow(due > _time.GetUtcNow() ? due : _time.GetUtcNow().AddSeconds(0.2));
            await _bot.RunDispatcherAsync();
        }

        var rows = await _bot.WithDbAsync(db => db.Outbox.ToListAsync());
        Assert.All(rows, r => Assert.Equal(OutboxStatus.Sent, r.Status));

        var teamsCalls = _connector.Calls.Where(c => c.ActivityId is null).Select(c => new Call(c.ConversationId, c.Status, c.At!.Value, c.Activity.ToJsonString(), c.RetryAfter is null ? 0 : int.Parse(c.RetryAfter))).ToList();
        var slackCalls = _slack.CallsTo("chat.postMessage").Skip(repliesBefore)
            .Select(c => new Call(c.Arg("channel")!, c.Status, c.At!.Value, c.Body.ToJsonString(), c.RetryAfter ?? 0)).ToList();
        var all = teamsCalls.Concat(slackCalls).ToList();
        Assert.True(all.Count(c => c.Status == 429) >= 20, $"only {all.Count(c => c.Status == 429)} throttled calls");
        Assert.True(all.Count(c => c.Status >= 500) >= 10, $"only {all.Count(c => c.Status >= 500)} server errors");

        output.WriteLine($"{clients.Count} nudges in {2 * Conversations} conversations: {all.Count} platform calls, {all.Count(c => c.Status == 429)} × 429, " +
            $"{all.Count(c => c.Status >= 500)} × 5xx, {rounds} dispatcher runs over {_time.GetUtcNow() - firstRun:c} of fake time");

        // Each nudge delivered exactly once.
        var delivered = all.Where(c => c.Status == 200).ToList();
        Assert.All(clients, client => Assert.Single(delivered, c => c.Body.Contains($"({client})", StringComparison.Ordinal)));
        Assert.Equal(clients.Count, delivered.Count);

        var broken = new List<string>();
        foreach (var conversation in all.GroupBy(c => c.Conversation))
        {
            var calls = conversation.ToList();
            // After a 429, nothing goes to that conversation before Retry-After has passed.
            for (var i = 0; i < calls.Count; i++)
            {
                if (calls[i].Status != 429) continue;
                var quietUntil = calls[i].At + TimeSpan.FromSeconds(calls[i].RetryAfterSeconds);
                broken.AddRange(calls.Skip(i + 1).Where(later => later.At < quietUntil)
                    .Select(later => $"{conversation.Key}: a call at {later.At:HH:mm:ss.fff}, Retry-After ran until {quietUntil:HH:mm:ss.fff}"));
            }
            // Two messages in one conversation are never closer than the pace.
            var sent = calls.Where(c => c.Status == 200).Select(c => c.At).Order().ToList();
            Assert.Equal(PromisesEach, sent.Count);
            broken.AddRange(sent.Zip(sent.Skip(1)).Where(pair => pair.Second - pair.First < Pace)
                .Select(pair => $"{conversation.Key}: messages at {pair.First:HH:mm:ss.fff} and {pair.Second:HH:mm:ss.fff}"));
        }

        // Teams: no more calls across all conversations than the app's budget allows in any second (429s count too:
        // the platform counts requests), and a 429 quiets every conversation, as it cannot say whether it was the app's.
        var byTime = teamsCalls.OrderBy(c => c.At).ToList();
        for (var i = 0; i < byTime.Count; i++)
        {
            var inOneSecond = byTime.Skip(i).TakeWhile(c => c.At < byTime[i].At + TimeSpan.FromSeconds(1)).Count();
            if (inOneSecond > TeamsAppBurst + TeamsAppPerSecond)
                broken.Add($"Teams: {inOneSecond} calls in the second from {byTime[i].At:HH:mm:ss.fff}, the app's budget is {TeamsAppBurst + TeamsAppPerSecond}");
            if (byTime[i].Status != 429) continue;
            var quietUntil = byTime[i].At + TimeSpan.FromSeconds(byTime[i].RetryAfterSeconds);
            broken.AddRange(byTime.Skip(i + 1).Where(later => later.At < quietUntil)
                .Select(later => $"Teams: {later.Conversation} called at {later.At:HH:mm:ss.fff}, the app was throttled until {quietUntil:HH:mm:ss.fff}"));
        }
        // Slack: however long a stretch of the run, no more calls in it than the workspace's budget allowed, a burst and
        // its rate since (the fake's clock is the bot's, so a call arrives at the instant its budget was taken).
        var slackTimes = slackCalls.Select(c => c.At).Order().ToList();
        var perSecond = SlackWorkspacePerMinute / 60.0;
        for (var i = 0; i < slackTimes.Count; i++)
        for (var j = i; j < slackTimes.Count; j++)
        {
            var allowed = SlackRateLimits.DefaultWorkspaceBurst + perSecond * (slackTimes[j] - slackTimes[i]).TotalSeconds;
            if (j - i + 1 > allowed + 1e-9)
                broken.Add($"Slack: {j - i + 1} calls from {slackTimes[i]:HH:mm:ss.fff} to {slackTimes[j]:HH:mm:ss.fff}, the workspace's budget allowed {allowed:0.#}");
        }
        Assert.Empty(broken);
    }

    private sealed record Call(string Conversation, int Status, DateTimeOffset At, string Body, int RetryAfterSeconds);

    private async Task PostTeamsAsync(int conversation, string text)
    {
        var activity = Activities.Message(_connector.ServiceUrl, text, userId: $"29:user-{conversation}", conversationId: $"a:conv-{conversation}", channelId: "msteams");
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } };
        using var response = await _http.PostAsync(_bot.MessagesUrl, activity);
        response.EnsureSuccessStatusCode();
    }

    private async Task SaySlackAsync(int conversation, string text)
    {
        var user = SlackUser(conversation);
        var e = new JsonObject { ["type"] = "message", ["channel_type"] = "im", ["channel"] = _slack.DmChannelOf(user), ["user"] = user, ["text"] = text, ["ts"] = $"1700000001.{++_events:D6}" };
        var body = new JsonObject { ["type"] = "event_callback", ["team_id"] = FakeSlackApi.TeamId, ["event_id"] = $"Ev{_events:D6}", ["event"] = e }.ToJsonString();
        var ts = _time.GetUtcNow().ToUnixTimeSeconds().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, _bot.BaseUrl + "slack/events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, ts);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Sign(Secret, ts, Encoding.UTF8.GetBytes(body)));
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        await _bot.WaitUntilAsync(async db => await InboxCounts.PendingAsync(db) == 0, "the Slack inbox being worked through");
    }
}
