namespace AccountCoachBot.Data;

/// <summary>
/// SQLite lets one writer in at a time, and a turn's transaction takes the write lock when it begins. Waiting for
/// it inside SQLite's busy handler sleeps (up to 100 ms a try) on a blocked thread: profiled with 16 turns at once,
/// that wait was nine tenths of a turn, and it starved the request threads. Here the writers of this process queue
/// for the lock asynchronously and each goes in the moment the previous one commits. Another process on the same
/// file still meets the busy handler. A server database takes many writers: there the gate stays open.
/// </summary>
/// <remarks>
/// A writer that holds up a request (the inbox recording what is then acknowledged) asks to go <c>ahead</c>: it
/// enters before the turns and bookkeeping already waiting, so an ack waits for at most the one writer inside, not
/// for the whole queue. Profiled under a burst, the ack's time was mostly that queue. So that a flood of acks cannot
/// stall the turns for good, after <see cref="MaxAheadInARow"/> such entries in a row one waiting in line goes first.
/// </remarks>
public sealed class WriteGate
{
    public const int MaxAheadInARow = 8;

    private readonly Lock _lock = new();
    private readonly LinkedList<TaskCompletionSource> _ahead = new();
    private readonly LinkedList<TaskCompletionSource> _inLine = new();
    private bool _held;
    private int _aheadInARow;
    private TaskCompletionSource? _written;

    private static readonly AsyncLocal<bool> Held = new();

    /// <summary>
    /// This flow is in the gate on SQLite (a turn): the write lock is, or is about to be, its own, so a write on another
    /// connection would wait for it until the busy timeout. Work that would write elsewhere (shared rate limits) asks.
    /// </summary>
    public static bool HeldHere => Held.Value;

    // Not async itself: the flag is set in the caller's flow, and stays there until the exit clears it.
    public ValueTask<IAsyncDisposable?> EnterAsync(CoachDbContext db, CancellationToken ct, bool ahead = false)
    {
        // The context's type, not db.Database.IsSqlite(): that resolves the provider's whole facade for each new context.
        if (db.IsPostgres()) return ValueTask.FromResult<IAsyncDisposable?>(null);
        Held.Value = true;
        return WaitAsync(ahead, ct);
    }

    /// <summary>
    /// Completes when the next writer leaves the gate: the checkpointer sleeps on it while nothing is written, and wakes
    /// with the first commit of a burst instead of on its idle timer (a burst fills the log by then).
    /// </summary>
    public Task NextWriteAsync()
    {
        if (Volatile.Read(ref _written) is { } waiting) return waiting.Task;
        var fresh = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return (Interlocked.CompareExchange(ref _written, fresh, null) ?? fresh).Task;
    }

    /// <summary>How many writers wait to go in (tests watch a writer queue).</summary>
    internal int Waiting
    {
        get
        {
            lock (_lock) return _ahead.Count + _inLine.Count;
        }
    }

    private async ValueTask<IAsyncDisposable?> WaitAsync(bool ahead, CancellationToken ct)
    {
        LinkedListNode<TaskCompletionSource> node;
        lock (_lock)
        {
            if (!_held)
            {
                _held = true;
                return new Exit(this);
            }
            node = (ahead ? _ahead : _inLine).AddLast(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }
        try
        {
            await node.Value.Task.WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            lock (_lock)
            {
                if (node.List is { } queue)
                {
                    queue.Remove(node);
                    throw;
                }
            }
            Release(); // handed the gate just as it gave up: pass it on
            throw;
        }
        return new Exit(this);
    }

    private void Release()
    {
        if (Volatile.Read(ref _written) is not null) Interlocked.Exchange(ref _written, null)?.TrySetResult();
        TaskCompletionSource next;
        lock (_lock)
        {
            var takeAhead = _ahead.Count > 0 && (_inLine.Count == 0 || _aheadInARow < MaxAheadInARow);
            var queue = takeAhead ? _ahead : _inLine;
            if (queue.First is not { } first)
            {
                _held = false;
                _aheadInARow = 0;
                return;
            }
            _aheadInARow = takeAhead ? _aheadInARow + 1 : 0;
            queue.RemoveFirst();
            next = first.Value;
        }
        next.TrySetResult();
    }

    private sealed class Exit(WriteGate gate) : IAsyncDisposable
    {
        private int _done;

        public ValueTask DisposeAsync()
        {
            Held.Value = false;
            if (Interlocked.Exchange(ref _done, 1) == 0) gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
