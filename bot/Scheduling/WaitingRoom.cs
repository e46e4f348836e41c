namespace AccountCoachBot.Scheduling;

/// <summary>
/// The nudges of one dispatcher run that wait for their turns in a platform's shared budget (<see cref="RunBudgets"/>),
/// across the run's batches, soonest first. The run goes on claiming batches while they wait, sending each whose turn
/// has come between claims, and waits for the rest at its end: a batch whose nudges wait holds no other back, so a
/// run sends at the budgets' rates, not a batch a wait. A batch is let go of (its context disposed) once none of its
/// nudges waits any more.
/// </summary>
internal sealed class WaitingRoom(TimeProvider time) : IAsyncDisposable
{
    private readonly PriorityQueue<(DispatchBatch Batch, WaitingNudge Nudge), DateTime> _turns = new();
    private readonly HashSet<DispatchBatch> _batches = [];

    public void Add(DispatchBatch batch, WaitingNudge nudge)
    {
        _batches.Add(batch);
        _turns.Enqueue((batch, nudge), nudge.Turn);
    }

    /// <summary>Whether the room holds one of <paramref name="batch"/>'s nudges (then it lets the batch go, not its caller).</summary>
    public bool Holds(DispatchBatch batch) => _batches.Contains(batch);

    /// <summary>Sends the nudges whose turns have come. Returns how many went out.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var sent = 0;
        while (_turns.TryPeek(out _, out var turn) && turn <= time.GetUtcNow().UtcDateTime)
            sent += await SendNextAsync(ct);
        return sent;
    }

    /// <summary>When the rows the run put off (to a budget's line, for a conversation's pace) come due.</summary>
    private readonly PriorityQueue<DateTime, DateTime> _putOff = new();

    public void PutOff(DateTime due) => _putOff.Enqueue(due, due);

    /// <summary>
    /// The soonest a row the run put off comes due after <paramref name="after"/> (those before it were claimed again
    /// by then): a run whose last pass claimed nothing goes on if that comes before its next pass (<see cref="NudgeDispatcher"/>).
    /// </summary>
    public DateTime? NextPutOffAfter(DateTime after)
    {
        while (_putOff.TryPeek(out var due, out _))
        {
            if (due > after) return due;
            _putOff.Dequeue();
        }
        return null;
    }

    /// <summary>
    /// Waits for each nudge's turn before <paramref name="until"/> (every one's when null) and sends it. Returns how many
    /// went out.
    /// </summary>
    public async Task<int> SendBeforeAsync(DateTime? until, CancellationToken ct)
    {
        var sent = 0;
        while (_turns.TryPeek(out _, out var turn) && !(turn >= until))
        {
            var wait = turn - time.GetUtcNow().UtcDateTime;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, time, ct);
            sent += await SendNextAsync(ct);
        }
        return sent;
    }

    private async Task<int> SendNextAsync(CancellationToken ct)
    {
        var (batch, nudge) = _turns.Dequeue();
        var sent = await batch.SendWaitingAsync(nudge, ct);
        if (!batch.Waits)
        {
            _batches.Remove(batch);
            await batch.DisposeAsync();
        }
        return sent;
    }

    /// <summary>A run cut short (cancelled, the database away) lets its batches go; their rows are due again when the claims lapse.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var batch in _batches)
            await batch.DisposeAsync();
        _batches.Clear();
        _turns.Clear();
    }
}
