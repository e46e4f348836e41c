namespace AccountCoachBot.Scheduling;

public sealed class DispatcherOptions
{
    public const string Section = "Scheduling";

    /// <summary>Run the Hangfire server in this process (off in tests that drive the dispatcher themselves).</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>
    /// How many rows one batch claims at most. A claim takes no more of a platform budget's rows than the budget can send
    /// within <see cref="WaitForBudget"/>, and a batch lasts about that long when one of its budgets is the bound: so this
    /// is about how many nudges an instance sends a second across all budgets (five Teams tenants and a Slack workspace:
    /// 5 × 25 + 5 at their sustained rates).
    /// </summary>
    public int BatchSize { get; set; } = 200;

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
    /// line. Waiting sends a backlog at the platforms' rates, with each nudge claimed once, whatever the runs' cadence.
    /// A claim takes what each budget can send within this long, so a longer wait makes larger batches, which
    /// <see cref="BatchSize"/> caps; a nudge that comes due meanwhile waits for the batch to end. At most half
    /// <see cref="ClaimTimeout"/>; zero: never wait.
    /// </summary>
    public TimeSpan WaitForBudget { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a batch may wait for a shared budget: <see cref="WaitForBudget"/>, at most half the claims' time.</summary>
    public TimeSpan BudgetWait => WaitForBudget < ClaimTimeout / 2 ? WaitForBudget : ClaimTimeout / 2;

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
