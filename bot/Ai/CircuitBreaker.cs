namespace AccountCoachBot.Ai;

/// <summary>
/// Stops calling a model that keeps failing: after <c>failures</c> in a row the circuit opens for <c>openFor</c>
/// (no call at all, the offline path answers at once); then one trial call is let through, and its outcome closes
/// or re-opens it. Time comes from the injected clock.
/// </summary>
public sealed class CircuitBreaker(int failures, TimeSpan openFor, TimeProvider time)
{
    private readonly Lock _gate = new();
    private int _consecutive;
    private DateTimeOffset? _openUntil;
    private bool _trialOut;

    public bool IsOpen
    {
        get { lock (_gate) return _openUntil is { } until && time.GetUtcNow() < until; }
    }

    /// <summary>True when a call may go out now (closed, or the one trial after the open period).</summary>
    public bool TryAcquire()
    {
        lock (_gate)
        {
            if (_openUntil is not { } until) return true;
            if (time.GetUtcNow() < until || _trialOut) return false;
            _trialOut = true;
            return true;
        }
    }

    public void Success()
    {
        lock (_gate)
        {
            _consecutive = 0;
            _openUntil = null;
            _trialOut = false;
        }
    }

    public void Failure()
    {
        lock (_gate)
        {
            _consecutive++;
            if (_trialOut || _consecutive >= Math.Max(1, failures))
            {
                _openUntil = time.GetUtcNow() + openFor;
                _trialOut = false;
            }
        }
    }
}
