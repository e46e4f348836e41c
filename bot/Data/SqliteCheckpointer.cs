using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Data;

/// <summary>
/// Copies SQLite's write-ahead log into the database file in the background. By default SQLite does that on the
/// commit that pushes the log past 1,000 pages, and that commit waits for the copy and its flushes: under a burst of
/// acks it was the commit of some request's inbox row, several times a second, and those requests were the ack
/// benchmark's p99 tail. Here a passive checkpoint (it never blocks a writer or a reader) runs in the background, and
/// the commits' own threshold is raised to <see cref="CommitThreshold"/> pages. Under a steady burst that threshold is
/// still reached every half second or so: the log starts again only when a writer finds it wholly copied, which this
/// one never achieves while commits keep coming (bench/README.md, "what wrk's p99 counts"). Committed data is as safe
/// either way: a commit is in the log before it is answered.
/// </summary>
/// <remarks>
/// <para>Often and small while writes come in (<see cref="Busy"/>), rarely when idle (backing off to <see cref="Idle"/>).
/// Measured under a burst of acks (bench/README.md): one every 500 ms copied megabytes at a time, and its flushes held
/// up the acks' writes to the log for 15–30 ms (Slack p99 20 ms); every 20–50 ms, 6–7 ms; every 5 ms, the Bot
/// Framework p99 was 2.3× the floor against 3.9× at 25 ms (every 1 ms: 2.5×, the checks themselves cost).</para>
/// <para>On the real clock, not the injected <see cref="TimeProvider"/>: it paces disk work, not product policy, and a test's
/// fake clock jumping days ahead would otherwise run a checkpoint for every period it skipped.</para>
/// </remarks>
public sealed class SqliteCheckpointer(IServiceScopeFactory scopes, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    public static readonly TimeSpan Busy = TimeSpan.FromMilliseconds(5);
    public static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);
    public const int CommitThreshold = 10_000;

    private (long Log, long Copied) _last = (-1, -1);
    private readonly KeptContext _context = new(scopes);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = Busy;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(delay, stoppingToken);
                delay = NextDelay(delay, await CheckpointAsync(stoppingToken) is true);
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

    /// <summary>Soon again after a checkpoint that found new frames; twice as long each time nothing was written.</summary>
    public static TimeSpan NextDelay(TimeSpan previous, bool foundNewFrames) =>
        foundNewFrames ? Busy : TimeSpan.FromTicks(Math.Min(previous.Ticks * 2, Idle.Ticks));

    /// <summary>
    /// One passive checkpoint: true when the log held frames that the last one had not seen, false when it held nothing
    /// new, null when the database is not SQLite or could not be reached.
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
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                await using var reader = await command.ExecuteReaderAsync(ct);
                if (!await reader.ReadAsync(ct)) return null;
                // busy, frames in the log, frames copied: any change since the last one is a write in between.
                var now = (Log: reader.GetInt64(1), Copied: reader.GetInt64(2));
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
}
