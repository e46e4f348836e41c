using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Data;

/// <summary>
/// Copies SQLite's write-ahead log into the database file in the background. By default SQLite does that on the
/// commit that pushes the log past 1,000 pages, and that commit waits for the copy and its flushes: under a burst of
/// acks it was the commit of some request's inbox row, several times a second, and those requests were the ack
/// benchmark's p99 tail. Here a passive checkpoint (it never blocks a writer or a reader) runs every
/// <see cref="Period"/>, and the commits' own threshold is raised to <see cref="CommitThreshold"/> pages, a safety net
/// should this one fall behind. Committed data is as safe either way: a commit is in the log before it is answered.
/// </summary>
/// <remarks>
/// On the real clock, not the injected <see cref="TimeProvider"/>: it paces disk work, not product policy, and a test's
/// fake clock jumping days ahead would otherwise run a checkpoint for every half second it skipped.
/// </remarks>
public sealed class SqliteCheckpointer(IServiceScopeFactory scopes, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(500);
    public const int CommitThreshold = 10_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await CheckpointAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One passive checkpoint; false when the database is not SQLite or could not be reached.</summary>
    public async Task<bool> CheckpointAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
            if (!db.Database.IsSqlite()) return false;
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE);", ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogDebug("Background checkpoint skipped: {Error}", e.Message);
            return false;
        }
    }
}
