using System.Diagnostics;
using System.Diagnostics.Metrics;
using AccountCoachBot.Operations;

namespace AccountCoachBot.Bench.Ack;

/// <summary>
/// The database's share of the acks: the inbox's commits, read from the bot's own instruments
/// (<c>coach.inbox.commit.duration</c> and <c>.requests</c>). Every ack waits for the commit under way when it arrived
/// and then for its own; how long those take, how many requests share one, and how much of the window the writer was
/// committing say whether a tail is the database's or not.
/// </summary>
internal sealed class AckCommits : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly LatencyHistogram _durations = new(TimeSpan.FromMicroseconds(10)); // up to 10 ms
    private long _commits, _requests, _ticks, _window = Stopwatch.GetTimestamp();

    public AckCommits()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == CoachMetrics.MeterName && instrument.Name.StartsWith("coach.inbox.commit.", StringComparison.Ordinal))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, _, _) => AddDuration(seconds));
        _listener.SetMeasurementEventCallback<int>((_, requests, _, _) => Interlocked.Add(ref _requests, requests));
        _listener.Start();
    }

    public void Reset()
    {
        _durations.Reset();
        _commits = _requests = _ticks = 0;
        _window = Stopwatch.GetTimestamp();
    }

    public string Report()
    {
        var commits = Interlocked.Read(ref _commits);
        if (commits == 0) return "inbox commits: none\n";
        var busy = TimeSpan.FromTicks(Interlocked.Read(ref _ticks)) / Stopwatch.GetElapsedTime(_window);
        return $"inbox commits: {commits}, {(double)Interlocked.Read(ref _requests) / commits:0.0} requests each, " +
               $"{TimeSpan.FromTicks(_ticks / commits).TotalMicroseconds:0} µs each (p50 {At(0.5)}, p99 {At(0.99)}, p99.9 {At(0.999)}); " +
               $"committing {busy:P0} of the window\n";
    }

    private void AddDuration(double seconds)
    {
        Interlocked.Increment(ref _commits);
        Interlocked.Add(ref _ticks, (long)(seconds * TimeSpan.TicksPerSecond));
        _durations.Add(TimeSpan.FromSeconds(seconds));
    }

    private string At(double share) =>
        _durations.At(share) is { } at ? $"{at.TotalMicroseconds:0} µs" : $"> {_durations.Limit.TotalMilliseconds:0} ms";

    public void Dispose() => _listener.Dispose();
}
