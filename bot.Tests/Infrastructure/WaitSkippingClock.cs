using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Infrastructure;

/// <summary>
/// A fake clock that stands still while the work runs and, when the work waits on it (a dispatcher run waiting for a
/// platform's budget), moves by exactly that wait. Waiting then costs neither wall time nor CPU, and nothing else moves
/// the clock. The dispatch benchmark uses it too (linked into bench/).
/// </summary>
public sealed class WaitSkippingClock(FakeTimeProvider inner) : TimeProvider
{
    private readonly Channel<TimeSpan> _waits = Channel.CreateUnbounded<TimeSpan>();

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = inner.CreateTimer(callback, state, dueTime, period);
        _waits.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Runs <paramref name="work"/>, moving the clock by each wait it starts, until it is done.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        var running = work();
        while (true)
        {
            // Waiting to read takes nothing: a wait left unread when the work ends is still there for the next run.
            var waiting = _waits.Reader.WaitToReadAsync().AsTask();
            if (await Task.WhenAny(running, waiting) == running) break;
            if (_waits.Reader.TryRead(out var wait)) inner.Advance(wait);
        }
        return await running;
    }
}
