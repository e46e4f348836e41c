using System.Globalization;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AccountCoachBot.Tests.Scheduling;

/// <summary>
/// Two bot processes on one PostgreSQL database sending a backlog of due nudges while the loopback fakes of the Bot
/// Connector and Slack answer 3 calls in 10 with 429 (Retry-After) or 5xx: every nudge arrives exactly once, and no
/// conversation is called closer than its pace or before the Retry-After it was given, whichever instance calls.
/// <see cref="PlatformFaultsTests"/> is the same in one process on a fake clock, with the shared budgets made to bind.
/// </summary>
[OnPostgres]
public sealed class PlatformFaultsTwoInstancesTests(PostgresDatabase postgres, ITestOutputHelper output) : IClassFixture<PostgresDatabase>
{
    private const int Nudges = 160;
    private const int Conversations = 16; // half Teams, half Slack
    private static readonly TimeSpan Pace = TimeSpan.FromSeconds(1);
    private const int SlackPerMinute = 1800;

    /// <summary>"The global limit per app per tenant is 50 Requests Per Second" (see <c>TeamsAppLimit</c>); failed calls count.</summary>
    private const int TeamsLimitPerSecond = 50;

    // A Retry-After longer than the pace, so that honouring it is more than keeping the pace.
    private static FaultSchedule ThreeInTen(int serverError) => new(10, new Dictionary<int, Fault>
    {
        [1] = new(429, 2),
        [4] = new(serverError),
        [7] = new(429, 1),
    });

    [DbFact]
    public async Task Instances_DeliverEveryNudgeOnceHonouringPaceAndRetryAfter_WhenPlatformsFailThreeCallsInTen()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var slack = await FakeSlackApi.StartAsync(DispatchTrial.SlackToken);
        connector.Clock = slack.Clock = TimeProvider.System;
        connector.Faults = ThreeInTen(500);
        slack.SetFaults("chat.postMessage", ThreeInTen(503));
        var trial = new DispatchTrial(postgres.ConnectionString, Nudges, Conversations);
        await trial.SeedAsync(connector.ServiceUrl);

        using var work = new TestDatabase(); // a working directory for the processes
        var environment = trial.Environment(slack, SlackPerMinute);
        // A 5xx names no wait: the first retry after 1 s instead of 30, so that the test does not idle; and enough
        // attempts that a nudge failing a few times in a row is still delivered.
        environment["Scheduling__RetryBackoff"] = "00:00:01";
        environment["Scheduling__MaxAttempts"] = "20";
        await using (var first = BotProcess.Start("first", work.Directory, environment))
        await using (var second = BotProcess.Start("second", work.Directory, environment))
            await trial.WaitAsync([first, second], p => p.Left == 0, "every nudge sent");

        var calls = DispatchTrial.CallsSeen(connector, slack);
        var rows = await trial.RowsAsync();
        output.WriteLine(Summary(calls, rows));

        Assert.All(rows, r => Assert.Equal(OutboxStatus.Sent, r.Status));
        foreach (var platform in new[] { "teams", "slack" })
        {
            Assert.True(calls.Count(c => c.Platform == platform && c.Status == 429) >= 10, $"{platform} throttled fewer than 10 calls");
            Assert.True(calls.Count(c => c.Platform == platform && c.Status >= 500) >= 5, $"{platform} failed fewer than 5 calls");
        }
        // Exactly once: every nudge delivered, none twice, and nothing delivered that was not a nudge.
        var delivered = calls.Where(c => c.Delivered).ToList();
        Assert.All(delivered, c => Assert.NotNull(c.Token));
        Assert.Equal(Enumerable.Range(0, Nudges).Select(DispatchTrial.Token).Order(), delivered.Select(c => c.Token!).Order());

        var broken = new List<string>();
        foreach (var conversation in calls.GroupBy(c => (c.Platform, c.Conversation)))
        {
            // Platforms count calls, refused ones too: each call waits the pace after the one before, and after a 429
            // its Retry-After, counted from the platform's answer (the fake records the call before it answers).
            foreach (var (before, after) in conversation.Zip(conversation.Skip(1)))
            {
                var quiet = before.Status == 429 && before.RetryAfterSeconds > Pace.TotalSeconds ? TimeSpan.FromSeconds(before.RetryAfterSeconds) : Pace;
                if (after.At - before.At < quiet)
                    broken.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{conversation.Key.Conversation}: {before.Status} at {before.At:HH:mm:ss.fff}, the next call {(after.At - before.At).TotalMilliseconds:0} ms later, not {quiet.TotalMilliseconds:0}"));
            }
        }
        var teamsBusiest = DispatchTrial.Busiest(calls.Where(c => c.Platform == "teams").Select(c => c.At), TimeSpan.FromSeconds(1));
        if (teamsBusiest > TeamsLimitPerSecond)
            broken.Add($"Teams got {teamsBusiest} calls in one second, above its {TeamsLimitPerSecond}");
        // The workspace's budget, with the spread of the sends' latency (up to a quarter of a second's worth), as in the kill trial.
        var slackBusiest = DispatchTrial.Busiest(calls.Where(c => c.Platform == "slack").Select(c => c.At), TimeSpan.FromSeconds(1));
        var slackPerSecond = SlackPerMinute / 60.0;
        if (slackBusiest > slackPerSecond + SlackRateLimits.DefaultWorkspaceBurst + Math.Ceiling(slackPerSecond / 4))
            broken.Add($"Slack got {slackBusiest} calls in one second, above its workspace budget of {SlackPerMinute} a minute");
        Assert.True(broken.Count == 0, string.Join('\n', broken.Take(30)));
    }

    private static string Summary(IReadOnlyList<DispatchTrial.Call> calls, IReadOnlyList<OutboxMessage> rows) =>
        string.Join('\n', calls.GroupBy(c => c.Platform).OrderBy(g => g.Key).Select(g => string.Create(CultureInfo.InvariantCulture,
            $"{g.Key}: {g.Count()} calls, {g.Count(c => c.Status == 429)} × 429, {g.Count(c => c.Status >= 500)} × 5xx, {g.Count(c => c.Delivered)} delivered " +
            $"over {(g.Max(c => c.At) - g.Min(c => c.At)).TotalSeconds:0.0} s")))
        + $"\nrows: {rows.Count}, attempts: {rows.Sum(r => r.Attempts)}, most attempts for one: {rows.Max(r => r.Attempts)}";
}
