namespace AccountCoachBot.Bench.Ack;

/// <summary>
/// Counts durations in 1,000 equal steps (and one count beyond the last): percentiles without keeping samples, cheap
/// enough to add to on every request. Reset swaps in fresh counts; an add racing it may land in either window.
/// </summary>
internal sealed class LatencyHistogram(TimeSpan step)
{
    private const int Steps = 1000;
    private long[] _counts = new long[Steps + 1];

    public TimeSpan Limit => step * Steps;

    public void Add(TimeSpan elapsed) => Interlocked.Increment(ref _counts[(int)Math.Min(Steps, elapsed.Ticks / step.Ticks)]);

    public void Reset() => _counts = new long[Steps + 1];

    public long Count => _counts.Sum();

    /// <summary>The upper edge of the step holding that share of the counts; null when it lies beyond <see cref="Limit"/>.</summary>
    public TimeSpan? At(double share)
    {
        var counts = _counts;
        long seen = 0, want = (long)Math.Ceiling(share * counts.Sum());
        for (var i = 0; i < Steps; i++)
            if ((seen += counts[i]) >= want) return step * (i + 1);
        return null;
    }

    /// <summary>The share of the counts at or above <paramref name="threshold"/>, in percent.</summary>
    public double PercentOver(TimeSpan threshold)
    {
        var counts = _counts;
        var n = counts.Sum();
        return n == 0 ? 0 : 100.0 * counts.Skip((int)Math.Min(Steps, threshold.Ticks / step.Ticks)).Sum() / n;
    }
}
