using System.Diagnostics;

namespace AccountCoachBot.Channels.Inbox;

/// <summary>
/// Turns of different conversations overlap, a few at a time: they mostly wait on the connector and the model. Each
/// starts once the acks have been quiet for <see cref="QuietGap"/>, or after <see cref="YieldAtMost"/>.
/// </summary>
/// <remarks>
/// Profiled under a burst, the turns running beside the acks took the cores and the write lock the acks needed. An ack
/// is what the platform waits for (Slack gives up after 3 s and sends again); a turn's reply can come a moment later.
/// Measured: a turn that started whenever no request was waiting at that instant (between two commits of a burst) still
/// ran beside it, and the Slack ack's p99 and throughput were those of a machine shared with the turns. On the real
/// clock: it shares out the cores, and a test's fake clock would hold turns back for good.
/// </remarks>
public sealed class TurnSlots(InboxWriter writer)
{
    /// <summary>The longest a turn stands aside for acks under a burst, so that a flood of requests cannot stall it.</summary>
    public static readonly TimeSpan YieldAtMost = TimeSpan.FromMilliseconds(250);
    /// <summary>How long the acks must have been quiet for a turn to start before <see cref="YieldAtMost"/>.</summary>
    public static readonly TimeSpan QuietGap = TimeSpan.FromMilliseconds(5);

    private readonly SemaphoreSlim _turns = new(4);
    // One turn at a time waits for the acks to go quiet, the others behind it: under a burst a turn starts every
    // YieldAtMost, not four, and one timer looks for the quiet, not four.
    private readonly SemaphoreSlim _yielding = new(1);

    /// <summary>Waits for a slot and for the acks' quiet; the slot is the caller's until it disposes what this returns.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        await _turns.WaitAsync(ct);
        try
        {
            await _yielding.WaitAsync(ct);
            try
            {
                await YieldToAcksAsync(ct);
            }
            finally
            {
                _yielding.Release();
            }
            return new Slot(_turns);
        }
        catch
        {
            _turns.Release();
            throw;
        }
    }

    private async Task YieldToAcksAsync(CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        while (!writer.QuietFor(QuietGap))
        {
            var left = YieldAtMost - Stopwatch.GetElapsedTime(started);
            if (left <= TimeSpan.Zero) return;
            await Task.Delay(left < QuietGap ? left : QuietGap, ct); // a gap is needed anyway: look again then
        }
    }

    private sealed class Slot(SemaphoreSlim turns) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) turns.Release();
        }
    }
}
