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
    private const int Steps = 1000; // 10 µs each, up to 10 ms
    private readonly MeterListener _listener = new();
    private long[] _durations = new long[Steps + 1];
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
        _durations = new long[Steps + 1];
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
        Interlocked.Increment(ref _durations[(int)Math.Min(Steps, seconds * 100_000)]);
    }

    private string At(double share)
    {
        var counts = _durations;
        long seen = 0, want = (long)Math.Ceiling(share * counts.Sum());
        for (var i = 0; i <= Steps; i++)
            if ((seen += counts[i]) >= want) return i == Steps ? "> 10 ms" : $"{(i + 1) * 10} µs";
        return "?";
    }

    public void Dispose() => _listener.Dispose();
}
