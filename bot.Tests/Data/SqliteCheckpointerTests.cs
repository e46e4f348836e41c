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
    public void NextDelay_ComesBackSoon_WhenTheLastCheckpointFoundNewFrames() =>
        Assert.Equal(SqliteCheckpointer.Busy, SqliteCheckpointer.NextDelay(SqliteCheckpointer.Idle, foundNewFrames: true));

    [Fact]
    public void NextDelay_DoublesUpToIdle_WhenNothingWasWritten()
    {
        var delays = new List<TimeSpan>();
        var delay = SqliteCheckpointer.Busy;
        for (var i = 0; i < 12; i++) delays.Add(delay = SqliteCheckpointer.NextDelay(delay, foundNewFrames: false));

        Assert.Equal(SqliteCheckpointer.Busy * 2, delays[0]);
        Assert.Equal(SqliteCheckpointer.Busy * 16, delays[3]);
        Assert.True(delays.SequenceEqual(delays.Order()), "never shorter while idle");
        Assert.Equal(SqliteCheckpointer.Idle, delays[^1]);
        Assert.All(delays, d => Assert.True(d <= SqliteCheckpointer.Idle));
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
