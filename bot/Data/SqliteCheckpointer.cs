using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Data;

/// <summary>
/// Copies SQLite's write-ahead log into the database file in the background, and starts the log again from its
/// beginning at a moment of its own. Left to SQLite, both happen inside the commit that takes the log past its
/// threshold: under a burst of acks that was some request's inbox row, and those requests were the ack benchmark's
/// p99 tail (bench/JOURNAL.md, "what wrk's p99 counts"). Committed data is as safe either way: a commit is in the log
/// before it is answered.
/// </summary>
/// <remarks>
/// <para>A passive checkpoint (it never blocks a writer or a reader) runs every <see cref="Busy"/> while writes come
/// in, and sleeps when they stop until this process's next writer leaves the <see cref="WriteGate"/> (or
/// <see cref="Idle"/> passes, for another process's writes). Measured under a burst of acks: one every 500 ms copied
/// megabytes at a time and its flushes held up the acks' writes to the log for 15–30 ms; every 5 ms, the Bot Framework
/// p99 was 2.3× the floor against 3.9× at 25 ms (every 1 ms: 2.5×, the checks themselves cost).</para>
/// <para>The log starts again only when a writer finds it wholly copied, which a passive checkpoint never leaves it
/// while commits keep coming. So once it is <see cref="RestartAt"/> frames long, the checkpointer copies its last
/// frames inside the write gate, between two commits: that took about 3 ms (bench/JOURNAL.md, "the log's restart"), as
/// the frames before them are copied and flushed already, where SQLite's own checkpoint at
/// <see cref="CommitThreshold"/> pages (kept as a safety net) held one ack's commit for 40–55 ms, flushing a log of
/// 40 MB, several times a second.</para>
/// <para>On the real clock, not the injected <see cref="TimeProvider"/>: it paces disk work, not product policy, and a
/// test's fake clock jumping days ahead would otherwise run a checkpoint for every period it skipped.</para>
/// </remarks>
public sealed class SqliteCheckpointer(IServiceScopeFactory scopes, WriteGate writes, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    public static readonly TimeSpan Busy = TimeSpan.FromMilliseconds(5);
    public static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);
    public const int RestartAt = 4_000;
    public const int CommitThreshold = 10_000;

    private (long Log, long Copied) _last = (-1, -1);
    private readonly KeptContext _context = new(scopes);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (await CheckpointAsync(stoppingToken) is true) await Task.Delay(Busy, stoppingToken);
                else await Task.WhenAny(writes.NextWriteAsync(), Task.Delay(Idle, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await _context.DisposeAsync();
        }
    }

    /// <summary>
    /// One passive checkpoint, and a second inside the write gate when the log is long: true when the log held frames
    /// that the last one had not seen, false when it held nothing new, null when the database is not SQLite or could
    /// not be reached.
    /// </summary>
    public async Task<bool?> CheckpointAsync(CancellationToken ct)
    {
        try
        {
            var db = _context.Get();
            if (db.IsPostgres()) return null;
            await db.Database.OpenConnectionAsync(ct); // through EF Core: its interceptor sets the pragmas
            try
            {
                if (await PassiveAsync(db, ct) is not { } now) return null;
                if (now.Log >= RestartAt)
                {
                    // Ahead of the turns in line, like the inbox's writer: it waits for at most the one commit under way.
                    await using (await writes.EnterAsync(db, ct, ahead: true))
                        now = await PassiveAsync(db, ct) ?? now;
                }
                // Any change since the last one is a write in between.
                var changed = now != _last && now.Log > 0;
                _last = now;
                return changed;
            }
            finally
            {
                await db.Database.CloseConnectionAsync(); // back to the pool between checkpoints
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogDebug("Background checkpoint skipped: {Error}", e.Message);
            await _context.DropAsync();
            return null;
        }
    }

    /// <summary>Frames in the log and frames copied into the database file, after copying what no reader still needs.</summary>
    private static async Task<(long Log, long Copied)?> PassiveAsync(CoachDbContext db, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return (reader.GetInt64(1), reader.GetInt64(2)); // the first column says whether it was blocked: never, passive
    }
}
