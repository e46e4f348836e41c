using System.Globalization;
using AccountCoachBot.Tests.Infrastructure;

namespace AccountCoachBot.Tests.Scheduling;

/// <summary>Running a trial: the bot processes' settings, waiting on their progress, and every call the fakes answered.</summary>
public sealed partial class DispatchTrial
{
    public const string SlackToken = "xoxb-dispatch-trial";

    // Only stops a hung trial; generous because two processes share two cores with everything else.
    private static readonly TimeSpan NoProgressLimit = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Settings for a bot process that sends the seeded backlog: on this database (or the same through
    /// <paramref name="via"/>, a proxy's connection string), to these fakes, five times a second, without Hangfire's
    /// minutely job (and its planners), so the fakes see only the seeded nudges.
    /// </summary>
    public Dictionary<string, string> Environment(FakeSlackApi slack, int slackPerMinute, string? via = null)
    {
        var environment = BotProcess.SlackEnvironment(slack, SlackToken, "dispatch-trial-secret", via ?? connectionString, postgres: true);
        environment["Scheduling__DispatchEvery"] = "00:00:00.2";
        environment["Scheduling__BatchSize"] = "10";
        // A dead instance's claims lapse after this, instead of the default two minutes. Not much shorter: a live
        // instance starved of CPU on a loaded machine (10 s was outlived once at load 96) would lose its claims mid-send.
        environment["Scheduling__ClaimTimeout"] = "00:00:30";
        environment["Scheduling__MinIntervalPerConversation"] = "00:00:01";
        environment["Slack__WorkspacePerMinute"] = slackPerMinute.ToString(CultureInfo.InvariantCulture);
        return environment;
    }

    /// <summary>
    /// Waits, reading the database a few times a second (the bots are other processes), until <paramref name="condition"/>
    /// holds for the progress seen by <paramref name="holder"/>'s claims; fails when a process exits or nothing is sent
    /// for two minutes.
    /// </summary>
    public async Task<(int Sent, int Left, bool Holds)> WaitAsync(IReadOnlyList<BotProcess> processes, Func<(int Sent, int Left, bool Holds), bool> condition,
        string what, BotProcess? holder = null)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        var last = (Sent: -1, Left: -1, Holds: false);
        var progressAt = DateTime.UtcNow;
        while (true)
        {
            var progress = await ProgressAsync(holder?.Id);
            if (condition(progress)) return progress;
            foreach (var process in processes)
                Assert.False(process.HasExited, $"the {process.Name} exited while waiting for {what}:\n{process.Log}");
            if (progress.Sent != last.Sent) progressAt = DateTime.UtcNow;
            else if (DateTime.UtcNow - progressAt > NoProgressLimit)
                Assert.Fail($"Hang guard: {what} did not happen; nothing was sent for {NoProgressLimit.TotalMinutes:0} min at {progress.Sent} sent, {progress.Left} left.\n" +
                            string.Join('\n', processes.Select(p => $"{p.Name}:\n{p.Log}")));
            last = progress;
            await timer.WaitForNextTickAsync();
        }
    }

    /// <summary>One call a fake answered, whatever it answered: the HTTP status, its Retry-After, and whose nudge it carried.</summary>
    public sealed record Call(string Platform, string Conversation, DateTimeOffset At, int Status, int RetryAfterSeconds, string? Token, bool Delivered);

    /// <summary>Every proactive send the fakes answered (replies and the fakes' other methods left out), in arrival order.</summary>
    public static IReadOnlyList<Call> CallsSeen(FakeConnector connector, FakeSlackApi slack) =>
        connector.Calls.Where(c => c.ActivityId is null && c.Method == "POST")
            .Select(c => new Call("teams", c.ConversationId, c.At!.Value, c.Status,
                c.RetryAfter is null ? 0 : int.Parse(c.RetryAfter, CultureInfo.InvariantCulture), TokenIn(c.Activity.ToJsonString()), c.Status is >= 200 and < 300))
            .Concat(slack.CallsTo("chat.postMessage")
                .Select(c => new Call("slack", c.Arg("channel") ?? "", c.At!.Value, c.Status, c.RetryAfter ?? 0, TokenIn(c.Body.ToJsonString()),
                    c.Status == 200 && c.Response?["ok"]?.GetValue<bool>() == true)))
            .OrderBy(c => c.At)
            .ToList();

    /// <summary>The messages the platforms took: each nudge's once, or more often if it was sent again.</summary>
    public static IReadOnlyList<Call> Delivered(FakeConnector connector, FakeSlackApi slack) => CallsSeen(connector, slack).Where(c => c.Delivered).ToList();

    /// <summary>The most messages any window of that length held, however it is placed.</summary>
    public static int Busiest(IEnumerable<DateTimeOffset> times, TimeSpan window)
    {
        var sorted = times.Order().ToList();
        var most = 0;
        for (int start = 0, end = 0; end < sorted.Count; end++)
        {
            while (sorted[end] - sorted[start] >= window) start++;
            most = Math.Max(most, end - start + 1);
        }
        return most;
    }
}
