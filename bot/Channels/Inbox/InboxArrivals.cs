using System.Collections.Concurrent;
using AccountCoachBot.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AccountCoachBot.Channels.Inbox;

/// <summary>
/// SQLite: where a request is recorded before its ack, the file beside the database (<see cref="ArrivalsFile"/>); one
/// write on the request's own thread, where a commit was a hop to the inbox's writer and ~14 system calls (measured:
/// bench/JOURNAL.md, "part by part"). The processor moves the records into the inbox just before it claims one, in
/// arrival order and keeping their ids (ids order a conversation's turns); there the key's unique index drops a
/// platform's retry of what is recorded already. PostgreSQL records into the inbox itself (<see cref="InboxInserts"/>).
/// </summary>
/// <remarks>
/// The inbox's sequence says how far the file has been moved: a move raises it to the last id it read, a dropped retry's
/// included, in the transaction that inserts the rows. Nothing else adds inbox rows on SQLite. The file is opened on its
/// first use, when the sequence can be read; until then, as when the database is away at start, a request is not recorded.
/// </remarks>
public sealed class InboxArrivals(IServiceScopeFactory scopes, ILogger<InboxArrivals> logger) : IDisposable
{
    /// <summary>The most requests a move's transaction takes (and holds in memory).</summary>
    public const int MoveAtMost = 1_000;

    private readonly SemaphoreSlim _opening = new(1, 1);
    private ArrivalsFile? _file;
    private long _movedUpTo; // every record up to this id is in the inbox
    private long _orphanedUpTo; // no turn of this process is coming to move the records up to this id
    private readonly ConcurrentDictionary<long, bool> _apologised = new(); // told the database is away, not yet moved

    /// <summary>What a move did: the rows it brought into the inbox, and the ids it dropped as retries of a key there.</summary>
    public sealed record Moved(IReadOnlyList<InboxEntry> Entries, IReadOnlyList<long> Dropped)
    {
        public static readonly Moved Nothing = new([], []);
    }

    /// <summary>Appends the request and gives it its id.</summary>
    public async ValueTask<long> RecordAsync(InboxItem item, CancellationToken ct)
    {
        var file = Volatile.Read(ref _file) ?? await OpenAsync(ct);
        return file.Append(item);
    }

    /// <summary>
    /// Up to which id the records wait for the sweep to move them, not for a turn of theirs: those a process before
    /// this one left, and those whose turn failed before it moved them (<see cref="Orphan"/>). The others are moved by
    /// their own turns, at their pace: a sweep under a burst would move tens of thousands beside the acks.
    /// </summary>
    public long OrphanedUpTo => Volatile.Read(ref _orphanedUpTo);

    /// <summary>The request's turn ended before it moved it (the database away): the sweep will.</summary>
    public void Orphan(long id)
    {
        for (var was = Volatile.Read(ref _orphanedUpTo); id > was; was = Volatile.Read(ref _orphanedUpTo))
            if (Interlocked.CompareExchange(ref _orphanedUpTo, id, was) == was) return;
    }

    /// <summary>Whether the request is still waiting to be moved into the inbox.</summary>
    public bool Holds(long id) => Volatile.Read(ref _file) is not null && id > Volatile.Read(ref _movedUpTo);

    /// <summary>
    /// The database is away and the request waits here: its person is told, by its channel's handler, once. Nothing
    /// here may need the database, nor fail the caller.
    /// </summary>
    public async Task ApologiseAsync(long id, CancellationToken ct)
    {
        if (Volatile.Read(ref _file) is not { } file || !Holds(id) || !_apologised.TryAdd(id, true)) return;
        try
        {
            if (file.Waiting(id).Items is not [.., var item] || item.Id != id) return;
            await using var work = scopes.CreateAsyncScope();
            if (work.ServiceProvider.GetServices<IInboxHandler>().FirstOrDefault(h => h.Transport == item.Transport) is { } handler)
                await handler.ApologiseAsync(item, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Could not tell the person their request {Id} waits for the database: {Error}", id, e.Message);
        }
    }

    /// <summary>Moves the records no turn of this process will move (<see cref="OrphanedUpTo"/>), opening the file if need be.</summary>
    public async Task<Moved> MoveOrphansAsync(CoachDbContext db, CancellationToken ct)
    {
        if (Volatile.Read(ref _file) is null) await OpenAsync(ct);
        return await MoveAsync(db, OrphanedUpTo, ct);
    }

    /// <summary>
    /// Moves every request up to <paramref name="upTo"/> into the inbox, <see cref="MoveAtMost"/> to a transaction (a
    /// crash after a burst can leave a hundred thousand); the caller is in the write gate, and one move runs at a time.
    /// </summary>
    public async Task<Moved> MoveAsync(CoachDbContext db, long upTo, CancellationToken ct)
    {
        if (upTo <= Volatile.Read(ref _movedUpTo)) return Moved.Nothing;
        var file = Volatile.Read(ref _file) ?? await OpenAsync(ct);
        var entries = new List<InboxEntry>();
        var dropped = new List<long>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            while (file.Waiting(upTo, MoveAtMost) is { Items.Count: > 0 } waiting)
            {
                await MoveAsync(db, waiting.Items, entries, dropped, ct);
                file.Moved(waiting.End);
                Volatile.Write(ref _movedUpTo, waiting.Items[^1].Id);
                if (!_apologised.IsEmpty)
                    foreach (var item in waiting.Items) _apologised.TryRemove(item.Id, out _);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return entries.Count + dropped.Count == 0 ? Moved.Nothing : new Moved(entries, dropped);
    }

    private static async Task MoveAsync(CoachDbContext db, IReadOnlyList<InboxItem> items, List<InboxEntry> entries, List<long> dropped, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await using (var insert = db.Database.GetDbConnection().CreateCommand())
        {
            insert.Transaction = transaction.GetDbTransaction();
            insert.CommandText = """
                INSERT INTO "Inbox" ("Id", "Transport", "Key", "Kind", "ConversationKey", "PayloadJson", "Status", "Attempts", "ReceivedUtc")
                VALUES ($id, $transport, $key, $kind, $conversation, $payload, 0, 0, $received)
                ON CONFLICT ("Key") DO NOTHING
                """;
            foreach (var name in (string[])["$id", "$transport", "$key", "$kind", "$conversation", "$payload", "$received"])
                insert.Parameters.Add(new SqliteParameter { ParameterName = name });
            foreach (var item in items)
            {
                insert.Parameters[0].Value = item.Id;
                insert.Parameters[1].Value = item.Transport;
                insert.Parameters[2].Value = item.Key;
                insert.Parameters[3].Value = item.Kind;
                insert.Parameters[4].Value = (object?)item.ConversationKey ?? DBNull.Value;
                insert.Parameters[5].Value = item.PayloadJson;
                insert.Parameters[6].Value = item.ReceivedUtc;
                if (await insert.ExecuteNonQueryAsync(ct) == 1) entries.Add(new InboxEntry(item.Id, item.Lane));
                else dropped.Add(item.Id); // a retry: no turn will come for it
            }
        }
        // A dropped retry's id too: after a restart the file's ids go on from here, and an id never comes again.
        var last = items[^1].Id;
        await db.Database.ExecuteSqlAsync($"""UPDATE sqlite_sequence SET "seq" = {last} WHERE "name" = 'Inbox' AND "seq" < {last}""", ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Requests recorded and not yet run (of one transport, or all): pending in the inbox, or still arriving.</summary>
    public static Task<int> PendingAsync(CoachDbContext db, string? transport, CancellationToken ct) => CountAsync(db, pendingOnly: true, transport, ct);

    /// <summary>
    /// Requests in the inbox (all, or only those pending) and still arriving; it reads the file as another process
    /// would (the bench's runner and the tests ask). The file is read first, then the inbox with its sequence in one
    /// statement: a request moved in between is counted in the inbox, and in the file only if its id is past the
    /// sequence (not moved yet), so none is counted twice or missed.
    /// </summary>
    public static async Task<int> CountAsync(CoachDbContext db, bool pendingOnly, string? transport, CancellationToken ct)
    {
        if (db.IsPostgres())
            return await db.Inbox.CountAsync(i => (!pendingOnly || i.Status == InboxStatus.Pending) && (transport == null || i.Transport == transport), ct);
        var arriving = ArrivalsFile.ReadAll(PathOf(db));
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = """
                SELECT COALESCE((SELECT "seq" FROM sqlite_sequence WHERE "name" = 'Inbox'), 0),
                       (SELECT COUNT(*) FROM "Inbox" WHERE ($pendingOnly = 0 OR "Status" = 0) AND ($transport IS NULL OR "Transport" = $transport))
                """;
            command.Parameters.Add(new SqliteParameter("$pendingOnly", pendingOnly ? 1 : 0));
            command.Parameters.Add(new SqliteParameter("$transport", (object?)transport ?? DBNull.Value));
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            var (moved, inInbox) = (reader.GetInt64(0), reader.GetInt32(1));
            return inInbox + arriving.Count(i => i.Id > moved && (transport == null || i.Transport == transport));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The file beside the database; a database in memory (keeping nothing across a restart) has one in the temp folder.</summary>
    public static string PathOf(CoachDbContext db)
    {
        var source = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        return ArrivalsFile.PathFor(string.IsNullOrEmpty(source) || source == ":memory:"
            ? Path.Combine(Path.GetTempPath(), $"coach-{Guid.NewGuid():N}.db")
            : source);
    }

    private async Task<ArrivalsFile> OpenAsync(CancellationToken ct)
    {
        await _opening.WaitAsync(ct);
        try
        {
            if (_file is { } open) return open;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
            var moved = await db.Database.SqlQuery<long>(
                $"""SELECT COALESCE((SELECT "seq" FROM sqlite_sequence WHERE "name" = 'Inbox'), 0) AS "Value" """).SingleAsync(ct);
            var path = PathOf(db);
            var file = new ArrivalsFile(path);
            int waiting;
            try
            {
                waiting = file.Open(moved);
            }
            catch (IOException e)
            {
                // Until it is free, requests are refused as with the database away (a restart's old process stopping).
                logger.LogError("The inbox's arrivals file {Path} cannot be opened, or another process holds it: is a second instance running on this SQLite database? Several instances need PostgreSQL. {Error}",
                    path, e.Message);
                throw;
            }
            try
            {
                // The lock is this process's: no other runs on this database, so a claim still held is one a killed
                // process left. Freed now, the person's later requests need not wait for it to lapse.
                var freed = await db.Inbox.Where(i => i.Status == InboxStatus.Pending && i.ClaimedUntilUtc != null)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.ClaimedUntilUtc, (DateTime?)null), ct);
                if (freed > 0) logger.LogInformation("{Count} request(s) a stopped process was running will be run again", freed);
            }
            catch
            {
                file.Dispose(); // the next use opens it again
                throw;
            }
            if (waiting > 0) logger.LogInformation("{Count} request(s) recorded before the last stop wait to be run", waiting);
            Volatile.Write(ref _movedUpTo, moved);
            Orphan(file.LastId);
            Volatile.Write(ref _file, file);
            return file;
        }
        finally
        {
            _opening.Release();
        }
    }

    public void Dispose()
    {
        _file?.Dispose();
        _opening.Dispose();
    }
}
