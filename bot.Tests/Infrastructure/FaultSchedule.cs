namespace AccountCoachBot.Tests.Infrastructure;

/// <summary>A failure a fake platform answers instead of doing the call: an HTTP status, with Retry-After when set.</summary>
public sealed record Fault(int Status, int? RetryAfterSeconds = null);

/// <summary>
/// Deterministic platform faults for the loopback fakes: of every <c>period</c> calls, those at the given positions
/// (0-based) fail. Not random, so a failing run fails the same way again.
/// </summary>
public sealed class FaultSchedule(int period, IReadOnlyDictionary<int, Fault> faults)
{
    private long _calls;

    /// <summary>The fault for the next call, or null when it goes through.</summary>
    public Fault? Next()
    {
        var position = (int)((Interlocked.Increment(ref _calls) - 1) % period);
        return faults.GetValueOrDefault(position);
    }
}
