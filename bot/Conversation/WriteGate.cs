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

    public async ValueTask<IAsyncDisposable?> EnterAsync(DbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return null;
        await _one.WaitAsync(ct);
        return new Exit(_one);
    }

    private sealed class Exit(SemaphoreSlim gate) : IAsyncDisposable
    {
        private int _done;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
