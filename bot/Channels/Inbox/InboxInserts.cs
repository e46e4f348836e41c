using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace AccountCoachBot.Channels.Inbox;

/// <summary>
/// PostgreSQL: inserts a batch of requests into the inbox in one statement, each key once. A key already recorded (a
/// platform's retry, or the same request recorded meanwhile by another instance) is skipped by the unique index
/// (<c>ON CONFLICT DO NOTHING</c>), so there is no read before the write and no race to recover from. Profiled under
/// a burst of acks, EF Core's query, change tracking and per-row insert were most of a batch's CPU. (SQLite records
/// into a file, <see cref="InboxArrivals"/>.)
/// </summary>
/// <remarks>
/// Bound to one connection, kept open by its one user (the inbox's writer). The batch goes as one array per column, so
/// the statement's text and its command are the same whatever the batch's size, without BEGIN and COMMIT (one
/// statement is its own transaction). It is not prepared: the bot keeps no state on a server connection, so a pooler
/// in transaction mode (PgBouncer) needs nothing from it; Npgsql prepares it when the connection string asks
/// (<c>Max Auto Prepare</c>), which measured commits about a fifth cheaper (bench/JOURNAL.md).
/// </remarks>
public sealed class InboxInserts(DbConnection connection) : IDisposable
{
    /// <summary>The most rows the writer puts in one statement (and so in one commit).</summary>
    public const int MaxRows = 256;

    // WITH ORDINALITY … ORDER BY: the ids are drawn in the batch's order, which is the order of a conversation's turns.
    private const string Sql = """
        INSERT INTO "Inbox" ("Transport", "Key", "Kind", "ConversationKey", "PayloadJson", "ReceivedUtc", "Status", "Attempts")
        SELECT r.transport, r.key, r.kind, r.conversation, r.payload, r.received, 0, 0
        FROM unnest(@transport, @key, @kind, @conversation, @payload, @received)
            WITH ORDINALITY AS r(transport, key, kind, conversation, payload, received, position)
        ORDER BY r.position
        ON CONFLICT ("Key") DO NOTHING
        RETURNING "Id", "Key"
        """;

    private DbCommand? _command;

    /// <summary>
    /// Gives each item recorded now its id (<see cref="InboxItem.Id"/>), in the items' order (ids order a
    /// conversation's turns); returns, item by item, the id, or null when its key was there already or earlier in
    /// the batch.
    /// </summary>
    public async Task<long?[]> InsertAsync(IReadOnlyList<InboxItem> items, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(items.Count, MaxRows);
        // The first of a key goes in; the same key again in the batch is its retry.
        var fresh = items.Select((item, index) => (item, index)).DistinctBy(x => x.item.Key).ToList();
        var ids = new long?[items.Count];
        if (fresh.Count == 0) return ids;

        var command = Command();
        command.Parameters[0].Value = fresh.Select(x => x.item.Transport).ToArray();
        command.Parameters[1].Value = fresh.Select(x => x.item.Key).ToArray();
        command.Parameters[2].Value = fresh.Select(x => x.item.Kind).ToArray();
        command.Parameters[3].Value = fresh.Select(x => x.item.ConversationKey).ToArray();
        command.Parameters[4].Value = fresh.Select(x => x.item.PayloadJson).ToArray();
        command.Parameters[5].Value = fresh.Select(x => x.item.ReceivedUtc).ToArray();
        var recorded = new Dictionary<string, long>(fresh.Count, StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) recorded[reader.GetString(1)] = reader.GetInt64(0);
        }

        foreach (var (item, index) in fresh)
        {
            if (!recorded.TryGetValue(item.Key, out var id)) continue;
            item.Id = id;
            ids[index] = id;
        }
        return ids;
    }

    public void Dispose()
    {
        _command?.Dispose();
        _command = null;
    }

    private DbCommand Command()
    {
        if (_command is not null) return _command;
        var command = (NpgsqlCommand)connection.CreateCommand();
        command.CommandText = Sql;
        foreach (var (name, type) in Columns) command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | type));
        return _command = command;
    }

    private static readonly (string Name, NpgsqlDbType Type)[] Columns =
    [
        ("transport", NpgsqlDbType.Text), ("key", NpgsqlDbType.Text), ("kind", NpgsqlDbType.Text),
        ("conversation", NpgsqlDbType.Text), ("payload", NpgsqlDbType.Text), ("received", NpgsqlDbType.TimestampTz),
    ];
}
