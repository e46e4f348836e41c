using System.Globalization;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AccountCoachBot.Tests.Scheduling;

/// <summary>
/// Two bot processes on one PostgreSQL database sending a backlog of due nudges to loopback fakes of the Bot Connector
/// and Slack, one of them killed with SIGKILL twice while it holds claims. Nothing may be lost, and only the message
/// in flight at each kill may arrive twice. <c>bench/kill/run.sh</c> runs the same trial at operator scale
/// (<c>COACH_KILL_NUDGES</c>, <c>COACH_KILL_CONVERSATIONS</c>).
/// </summary>
[OnPostgres]
public sealed class KillDuringDispatchTests(PostgresDatabase postgres, ITestOutputHelper output) : IClassFixture<PostgresDatabase>
{
    private const int Kills = 2;
    private static readonly TimeSpan Pace = TimeSpan.FromSeconds(1);

    /// <summary>"The global limit per app per tenant is 50 Requests Per Second" (see <c>TeamsAppLimit</c>).</summary>
    private const int TeamsLimitPerSecond = 50;

    [DbFact]
    public async Task Instances_DeliverEveryNudgeDoublingAtMostTheOneInFlight_WhenOneIsKilledTwiceMidDispatch()
    {
        var nudges = Setting("COACH_KILL_NUDGES", 2000);
        var conversations = Setting("COACH_KILL_CONVERSATIONS", 200);
        // Slack's workspace budget: the bot's default (300 a minute) in the operator's run, faster in the suite's.
        var slackPerMinute = Setting("COACH_KILL_SLACK_PER_MINUTE", 1800);
        await using var connector = await FakeConnector.StartAsync();
        await using var slack = await FakeSlackApi.StartAsync(DispatchTrial.SlackToken);
        connector.Clock = TimeProvider.System;
        slack.Clock = TimeProvider.System;
        var trial = new DispatchTrial(postgres.ConnectionString, nudges, conversations);
        await trial.SeedAsync(connector.ServiceUrl);

        using var work = new TestDatabase(); // a working directory for the processes
        var environment = trial.Environment(slack, slackPerMinute);

        var survivor = BotProcess.Start("survivor", work.Directory, environment);
        var victim = BotProcess.Start("victim", work.Directory, environment);
        var killed = new List<string>();
        try
        {
            // Kill the victim once a quarter and again once two thirds are out, each time while it holds claimed rows.
            foreach (var share in new[] { 0.25, 0.66 })
            {
                var (sent, _, _) = await trial.WaitAsync([victim, survivor], p => p.Sent >= nudges * share && p.Holds, $"the victim holding claims after {share:P0} were sent", holder: victim);
                await victim.KillAsync();
                killed.Add($"killed process {victim.Id} with {sent} of {nudges} sent");
                await victim.DisposeAsync();
                victim = BotProcess.Start("victim", work.Directory, environment);
            }
            await trial.WaitAsync([victim, survivor], p => p.Left == 0, "every nudge sent");
        }
        finally
        {
            await victim.DisposeAsync();
            await survivor.DisposeAsync();
        }

        var seen = DispatchTrial.Delivered(connector, slack);
        var report = Report(seen, nudges, killed, slackPerMinute);
        output.WriteLine(report.Text);
        // Each nudge is claimed and then sent (two updates); each time a budget or the pace put it off costs two more.
        var updates = await trial.OutboxUpdatesAsync();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"outbox: {updates} row updates, {(double)updates / nudges:0.0} a nudge"));

        Assert.All(seen, s => Assert.NotNull(s.Token));
        var rows = await trial.RowsAsync();
        var missing = Enumerable.Range(0, nudges).Select(DispatchTrial.Token).Except(seen.Select(s => s.Token!)).ToList();
        var notSent = rows.Where(r => r.Status != OutboxStatus.Sent).GroupBy(r => (r.Status, r.LastError)).Select(g => $"{g.Count()} {g.Key.Status} ({g.Key.LastError})");
        Assert.True(missing.Count == 0,
            $"never delivered: {missing.Count}, e.g. {string.Join(", ", missing.Take(20))}; the outbox's rows not sent: {string.Join(", ", notSent)}\n{report.Text}");
        Assert.True(report.Doubled <= Kills, $"more nudges arrived twice than there were kills\n{report.Text}");
        Assert.True(seen.GroupBy(s => s.Token).All(g => g.Count() <= 2), $"a nudge arrived three times\n{report.Text}");
        // The pace is kept from when a sender takes a conversation's turn; a sender killed after the platform got its
        // message but before it recorded the sending leaves the next one in that conversation up to its latency early.
        Assert.True(report.ShortGaps.Count <= Kills, $"Slack channels got messages less than {Pace.TotalSeconds:0} s apart\n{report.Text}");
        // Teams' app-wide limit is per tenant, and the trial's conversations share one. The bot's budget (25 a second and a
        // burst of 5) stays under it; the fake's clock counts arrivals, which a loaded machine's latency can bunch up.
        Assert.True(report.TeamsBusiestSecond <= TeamsLimitPerSecond, $"Teams got more than {TeamsLimitPerSecond} messages in one second\n{report.Text}");
        // The workspace's budget holds in any second and any minute; the fake counts arrivals, which the spread of the
        // sends' latency can bunch by up to a quarter of a second's worth.
        var slackPerSecond = slackPerMinute / 60.0;
        var spread = Math.Ceiling(slackPerSecond / 4);
        Assert.True(report.SlackBusiestSecond <= slackPerSecond + SlackRateLimits.DefaultWorkspaceBurst + spread,
            $"Slack got more than its workspace budget ({slackPerMinute} a minute) in one second\n{report.Text}");
        Assert.True(report.SlackBusiestMinute <= slackPerMinute + SlackRateLimits.DefaultWorkspaceBurst + spread,
            $"Slack got more than its workspace budget ({slackPerMinute} a minute) in one minute\n{report.Text}");
        Assert.All(rows, r => Assert.Equal(OutboxStatus.Sent, r.Status));
    }

    private sealed record TrialReport(string Text, int Doubled, IReadOnlyList<string> ShortGaps, int TeamsBusiestSecond, int SlackBusiestSecond, int SlackBusiestMinute);

    /// <summary>What the fakes saw: each nudge once or twice, and the closest two messages came in each conversation.</summary>
    private static TrialReport Report(IReadOnlyList<DispatchTrial.Call> seen, int nudges, IReadOnlyList<string> killed, int slackPerMinute)
    {
        var twice = seen.GroupBy(s => s.Token).Where(g => g.Count() > 1).Select(g => $"{g.Key}×{g.Count()}").ToList();
        var shortGaps = new List<string>();
        var lines = new List<string>(killed);
        var (teamsBusiest, slackBusiest, slackBusiestMinute) = (0, 0, 0);
        foreach (var platform in seen.GroupBy(s => s.Platform).OrderBy(g => g.Key))
        {
            var closest = TimeSpan.MaxValue;
            foreach (var conversation in platform.GroupBy(s => s.Conversation))
            {
                var times = conversation.Select(s => s.At).Order().ToList();
                foreach (var (a, b) in times.Zip(times.Skip(1)))
                {
                    if (b - a < closest) closest = b - a;
                    if (platform.Key == "slack" && b - a < Pace) shortGaps.Add($"{conversation.Key}: {a:HH:mm:ss.fff} and {b:HH:mm:ss.fff}");
                }
            }
            var span = platform.Max(s => s.At) - platform.Min(s => s.At);
            var busiest = DispatchTrial.Busiest(platform.Select(s => s.At), TimeSpan.FromSeconds(1));
            var busiestMinute = DispatchTrial.Busiest(platform.Select(s => s.At), TimeSpan.FromMinutes(1));
            if (platform.Key == "teams") teamsBusiest = busiest;
            else (slackBusiest, slackBusiestMinute) = (busiest, busiestMinute);
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{platform.Key}: {platform.Count()} messages in {platform.Select(s => s.Conversation).Distinct().Count()} conversations over {span.TotalSeconds:0.0} s; " +
                $"closest two in one conversation {closest.TotalMilliseconds:0} ms apart (at most {1000 / Math.Max(1, closest.TotalMilliseconds):0.00} per second); " +
                $"the busiest second across the app {busiest}, the busiest minute {busiestMinute}{(platform.Key == "slack" ? $" (the workspace's budget {slackPerMinute} a minute)" : "")}"));
        }
        lines.Add($"nudges: {nudges}; delivered: {seen.Select(s => s.Token).Distinct().Count()}; arrived twice: {twice.Count} [{string.Join(", ", twice)}]");
        lines.Add($"Slack gaps under {Pace.TotalSeconds:0} s: {shortGaps.Count} [{string.Join("; ", shortGaps.Take(10))}]");
        return new TrialReport(string.Join('\n', lines), twice.Count, shortGaps, teamsBusiest, slackBusiest, slackBusiestMinute);
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
