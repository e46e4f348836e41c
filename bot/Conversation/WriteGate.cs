using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Conversation;

/// <summary>
/// SQLite lets one writer in at a time, and a turn's transaction takes the write lock when it begins. Waiting for
/// it inside SQLite's busy handler sleeps (up to 100 ms a try) on a blocked thread: profiled with 16 turns at once,
/// that wait was nine tenths of a turn, and it starved the request threads. Here the turns of this process queue
/// for the lock asynchronously and each goes in the moment the previous one commits. Another process on the same
/// file still meets the busy handler. A server database takes many writers: there the gate stays open.
/// </summary>
public sealed class WriteGate
{
    private readonly SemaphoreSlim _one = new(1, 1);
    private static readonly AsyncLocal<bool> Held = new();

    /// <summary>
    /// This flow is in the gate on SQLite (a turn): the write lock is, or is about to be, its own, so a write on another
    /// connection would wait for it until the busy timeout. Work that would write elsewhere (shared rate limits) asks.
    /// </summary>
    public static bool HeldHere => Held.Value;

    // Not async itself: the flag is set in the caller's flow, and stays there until the exit clears it.
    public ValueTask<IAsyncDisposable?> EnterAsync(DbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return ValueTask.FromResult<IAsyncDisposable?>(null);
        Held.Value = true;
        return WaitAsync(ct);
    }

    private async ValueTask<IAsyncDisposable?> WaitAsync(CancellationToken ct)
    {
        await _one.WaitAsync(ct);
        return new Exit(_one);
    }

    private sealed class Exit(SemaphoreSlim gate) : IAsyncDisposable
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
