namespace AccountCoachBot.Scheduling;

/// <summary>
/// A platform limit shared by many conversations (Teams: every conversation of one app in one tenant), as a rate with
/// a small burst. The sender names it per address; the dispatcher keeps it through <see cref="SharedBudget"/>.
/// </summary>
/// <param name="Key">What shares the budget, e.g. <c>teams:&lt;tenant id&gt;</c>.</param>
/// <param name="PerSecond">The sustained rate.</param>
/// <param name="Burst">How many may go at one instant after a quiet spell (at least 1).</param>
public sealed record SharedRateLimit(string Key, double PerSecond, int Burst)
{
    /// <summary>The least time between sends once the burst is spent, in whole milliseconds (rounded up: never faster).</summary>
    public TimeSpan Interval => TimeSpan.FromMilliseconds(Math.Ceiling(1000 / PerSecond));

    /// <summary>How far ahead of the clock the budget may run: the burst beyond the first send.</summary>
    public TimeSpan Tolerance => Interval * (Math.Max(1, Burst) - 1);
}
