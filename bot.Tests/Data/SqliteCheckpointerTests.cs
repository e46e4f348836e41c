using AccountCoachBot.Channels.Inbox;
using AccountCoachBot.Data;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AccountCoachBot.Tests.Data;

/// <summary>The write-ahead log is copied into the database file in the background, not on a request's commit.</summary>
public sealed class SqliteCheckpointerTests : IAsyncDisposable
{
    private readonly TestDatabase _db = new();
    private IHost? _host;

    private async Task<IServiceProvider> StartAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Coach"] = _db.ConnectionString });
        builder.Logging.ClearProviders();
        builder.AddCoachData();
        _host = builder.Build(); // not started: the test calls the checkpoint itself
        await _host.Services.MigrateCoachDatabaseAsync();
        return _host.Services;
    }

    [Fact]
    public async Task CheckpointAsync_CopiesCommittedRowsIntoTheDatabaseFile_WhenTheLogHoldsThem()
    {
        var services = await StartAsync();
        var checkpointer = services.GetServices<IHostedService>().OfType<SqliteCheckpointer>().Single();
        // SQLite checkpoints when the database's last connection closes, and other tests clear every pool: hold one open.
        // (It holds its lock on the database file from its first read.)
        await using var held = new SqliteConnection(_db.ConnectionString);
        await held.OpenAsync();
        await using (var read = held.CreateCommand())
        {
            read.CommandText = "SELECT count(*) FROM sqlite_master;";
            await read.ExecuteScalarAsync();
        }
        Assert.NotNull(await checkpointer.CheckpointAsync(CancellationToken.None)); // the migration's pages first, if any
        var before = new FileInfo(_db.Path).Length;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
            db.Inbox.AddRange(Enumerable.Range(0, 200).Select(i => new InboxItem
            {
                Transport = "test", Key = $"k{i}", Kind = "message", PayloadJson = new string('x', 1000), ReceivedUtc = DateTime.UtcNow,
            }));
            await db.SaveChangesAsync();
        }
        Assert.Equal(before, new FileInfo(_db.Path).Length); // committed, in the log only: below the commits' threshold

        Assert.True(await checkpointer.CheckpointAsync(CancellationToken.None));

        Assert.True(new FileInfo(_db.Path).Length > before + 200 * 1000, $"the file is {new FileInfo(_db.Path).Length} bytes, was {before}");
    }

    [Fact]
    public async Task CheckpointAsync_SaysNothingNew_WhenNothingWasWrittenSinceTheLastOne()
    {
        var services = await StartAsync();
        var checkpointer = services.GetServices<IHostedService>().OfType<SqliteCheckpointer>().Single();
        await using var held = new SqliteConnection(_db.ConnectionString); // as above: no checkpoint on a last close
        await held.OpenAsync();
        await checkpointer.CheckpointAsync(CancellationToken.None);

        Assert.False(await checkpointer.CheckpointAsync(CancellationToken.None));
    }

    [Fact]
    public async Task CheckpointAsync_CopiesTheLastFramesBetweenTwoCommits_WhenTheLogIsPastRestartAt()
    {
        var services = await StartAsync();
        var checkpointer = services.GetServices<IHostedService>().OfType<SqliteCheckpointer>().Single();
        var gate = services.GetRequiredService<WriteGate>();
        await using var held = await OpenHeldAsync(); // as above
        await FillAsync(held, pages: SqliteCheckpointer.RestartAt + 100);
        await using var scope = services.CreateAsyncScope();
        var writer = await gate.EnterAsync(scope.ServiceProvider.GetRequiredService<CoachDbContext>(), CancellationToken.None);

        var checkpoint = checkpointer.CheckpointAsync(CancellationToken.None);

        SpinWait.SpinUntil(() => gate.Waiting > 0 || checkpoint.IsCompleted);
        Assert.False(checkpoint.IsCompleted, "a long log's last frames are copied between two commits, not during one");
        await writer!.DisposeAsync();
        Assert.True(await checkpoint);
        await FillAsync(held, pages: 1);
        Assert.True(await LogFramesAsync(held) < 100, "the next commit starts the log again from its beginning");
    }

    [Fact]
    public async Task CheckpointAsync_DoesNotWaitForTheWriters_WhenTheLogIsShort()
    {
        var services = await StartAsync();
        var checkpointer = services.GetServices<IHostedService>().OfType<SqliteCheckpointer>().Single();
        await using var held = await OpenHeldAsync();
        await FillAsync(held, pages: 100);
        await using var scope = services.CreateAsyncScope();
        var writer = await services.GetRequiredService<WriteGate>().EnterAsync(scope.ServiceProvider.GetRequiredService<CoachDbContext>(), CancellationToken.None);

        Assert.True(await checkpointer.CheckpointAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));

        await writer!.DisposeAsync();
        Assert.True(await LogFramesAsync(held) >= 100, "a short log is left to grow");
    }

    private async Task<SqliteConnection> OpenHeldAsync()
    {
        var held = new SqliteConnection(_db.ConnectionString);
        await held.OpenAsync();
        await using var command = held.CreateCommand();
        command.CommandText = "PRAGMA wal_autocheckpoint = 0;"; // its commits leave the log to the checkpointer
        await command.ExecuteNonQueryAsync();
        return held;
    }

    /// <summary>Commits about <paramref name="pages"/> pages of rows, a page each, to a table of the test's own.</summary>
    private static async Task FillAsync(SqliteConnection connection, int pages)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE IF NOT EXISTS filler (x BLOB); " +
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $pages) INSERT INTO filler SELECT zeroblob(3000) FROM n;";
        command.Parameters.AddWithValue("$pages", pages);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> LogFramesAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return reader.GetInt64(1);
    }

    [Fact]
    public async Task Connections_LeaveCheckpointsToTheCheckpointer_UpToTheSafetyNet()
    {
        var services = await StartAsync();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();

        await db.Database.OpenConnectionAsync(); // as every context opens it (the pragmas are set on open)
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA wal_autocheckpoint;";

        var threshold = Convert.ToInt32(await command.ExecuteScalarAsync());

        Assert.Equal(SqliteCheckpointer.CommitThreshold, threshold);
    }

    public async ValueTask DisposeAsync()
    {
        _host?.Dispose();
        _db.Dispose();
        await Task.CompletedTask;
    }
}
