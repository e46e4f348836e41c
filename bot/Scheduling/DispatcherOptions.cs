namespace AccountCoachBot.Scheduling;

public sealed class DispatcherOptions
{
    public const string Section = "Scheduling";

    /// <summary>Run the Hangfire server in this process (off in tests that drive the dispatcher themselves).</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>How many rows one dispatcher run handles at most.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>After this many attempts a row is marked failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>
    /// The wait after a send failed without the platform saying how long to wait (a 5xx, no answer): doubled after
    /// each further failure, up to an hour, each ±20 % so that many rows' retries do not arrive together.
    /// </summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The least time between two messages to one conversation (Slack allows about one a second per channel;
    /// Teams a few per thread). A second message due at once is rescheduled, never waited for.
    /// </summary>
    public TimeSpan MinIntervalPerConversation { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How far into its batch a run may wait, holding its claims, for a platform's shared budget (Teams' per app in a
    /// tenant, Slack's per workspace) to take a nudge; a nudge whose turn is later is put off to its place in the budget's
    /// line. Waiting sends a backlog at the platforms' rates, with each nudge claimed once, whatever the runs' cadence;
    /// longer waits let the slowest budget hold a batch's other nudges back. At most half <see cref="ClaimTimeout"/>;
    /// zero: never wait.
    /// </summary>
    public TimeSpan WaitForBudget { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claim holds before another run may take the row over (a crashed sender).</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How often every instance sends what is due (<see cref="DispatchLoop"/>), beside Hangfire's minutely job: a
    /// nudge goes out within a second of its time, several instances share a backlog, and a paced conversation or a
    /// budget's line is not left waiting a minute for its next message. Planning stays with the minutely job.
    /// Zero: only the minutely job sends.
    /// </summary>
    public TimeSpan DispatchEvery { get; set; } = TimeSpan.FromSeconds(1);
}
