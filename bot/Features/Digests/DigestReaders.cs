using AccountCoachBot.Data;
using AccountCoachBot.Data.Postgres;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace AccountCoachBot.Features.Digests;

/// <summary>
/// Runs the digest's independent reads side by side, each on a context and connection of its own (the caller's
/// options, so the same database): on SQLite each read steps its rows in this process, so two reads use two cores;
/// on PostgreSQL the server's work and ours overlap. SQLite's WAL and PostgreSQL both let readers run beside a writer,
/// the caller's open transaction included: the digest reads history, committed before the turn that asks for it.
/// Where a second connection would not see the same data (an in-memory database, a connection handed to the options,
/// a context type of someone else's), the reads take turns on the caller's context, on one open connection.
/// </summary>
internal sealed class DigestReaders : IAsyncDisposable
{
    private readonly CoachDbContext _db;
    private readonly Func<CoachDbContext>? _fork;
    private readonly DigestRows.OpenConnection? _shared;
    private readonly SemaphoreSlim _turns = new(1, 1);

    private DigestReaders(CoachDbContext db, Func<CoachDbContext>? fork, DigestRows.OpenConnection? shared)
    {
        _db = db;
        _fork = fork;
        _shared = shared;
    }

    public static async Task<DigestReaders> OpenAsync(CoachDbContext db, CancellationToken ct) =>
        ForkOf(db) is { } fork ? new DigestReaders(db, fork, null) : new DigestReaders(db, null, await DigestRows.OpenAsync(db, ct));

    /// <summary>Starts <paramref name="read"/>; await several with <see cref="Task.WhenAll(Task[])"/> so none outlives the digest.</summary>
    public Task<T> RunAsync<T>(Func<CoachDbContext, Task<T>> read, CancellationToken ct)
    {
        if (_fork is null) return InTurnAsync(read, ct);
        // On a pool thread: SQLite's reads are synchronous, so awaiting one here would run it before the next starts.
        return Task.Run(async () =>
        {
            await using var own = _fork();
            await own.Database.OpenConnectionAsync(ct);
            return await read(own);
        }, ct);
    }

    private async Task<T> InTurnAsync<T>(Func<CoachDbContext, Task<T>> read, CancellationToken ct)
    {
        await _turns.WaitAsync(ct);
        try
        {
            return await read(_db);
        }
        finally
        {
            _turns.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_shared is not null) await _shared.DisposeAsync();
        _turns.Dispose();
    }

    /// <summary>A new context on the same options, or null when a second connection might see other data.</summary>
    private static Func<CoachDbContext>? ForkOf(CoachDbContext db)
    {
        var options = db.GetService<IDbContextOptions>();
        if (RelationalOptionsExtension.Extract(options).Connection is not null) return null;
        if (!db.IsPostgres()
            && new SqliteConnectionStringBuilder(db.Database.GetConnectionString()) is var sqlite
            && (sqlite.DataSource is ":memory:" or "" || sqlite.Mode == SqliteOpenMode.Memory))
            return null;
        return db.GetType() switch
        {
            var t when t == typeof(CoachDbContext) => () => new CoachDbContext((DbContextOptions<CoachDbContext>)options),
            var t when t == typeof(PostgresCoachDbContext) => () => new PostgresCoachDbContext((DbContextOptions<PostgresCoachDbContext>)options),
            _ => null,
        };
    }
}
