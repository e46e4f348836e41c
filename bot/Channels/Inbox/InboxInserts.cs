using System.Data.Common;
using System.Text;

namespace AccountCoachBot.Channels.Inbox;

/// <summary>
/// PostgreSQL: inserts a batch of requests into the inbox in one transaction, each key once. A key already recorded (a
/// platform's retry, or the same request recorded meanwhile by another instance) is skipped by the unique index
/// (<c>ON CONFLICT DO NOTHING</c>), so there is no read before the write and no race to recover from. Profiled under
/// a burst of acks, EF Core's query, change tracking and per-row insert were most of a batch's CPU. (SQLite records
/// into a file, <see cref="InboxArrivals"/>.)
/// </summary>
/// <remarks>
/// Bound to one connection, kept open by its one user (the inbox's writer). Every statement is a round trip to the
/// server, which costs more than its parsing there: one statement of the batch's own size, the last one kept, and the
/// writer's batches (at most <see cref="MaxRows"/>) go in without BEGIN and COMMIT.
/// </remarks>
public sealed class InboxInserts(DbConnection connection) : IDisposable
{
    private const int ParametersPerRow = 6;
    /// <summary>The largest statement, in rows (1,536 parameters: within PostgreSQL's limit).</summary>
    public const int MaxRows = 256;
    private DbCommand? _command;
    private int _rows;

    /// <summary>
    /// Gives each item recorded now its id (<see cref="InboxItem.Id"/>), in the items' order (ids order a
    /// conversation's turns); returns, item by item, the id, or null when its key was there already or earlier in
    /// the batch.
    /// </summary>
    public async Task<long?[]> InsertAsync(IReadOnlyList<InboxItem> items, CancellationToken ct)
    {
        // The first of a key goes in; the same key again in the batch is its retry.
        var fresh = items.Select((item, index) => (item, index)).DistinctBy(x => x.item.Key).ToList();
        var recorded = new Dictionary<string, long>(StringComparer.Ordinal);
        if (fresh.Count == 0) return new long?[items.Count];
        if (fresh.Count <= MaxRows)
        {
            // One statement is its own transaction: no BEGIN and COMMIT, one round trip to the server instead of two.
            await InsertRowsAsync(fresh.Select(x => x.item).ToList(), null, recorded, ct);
        }
        else
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            for (var start = 0; start < fresh.Count; start += MaxRows)
                await InsertRowsAsync(fresh.Skip(start).Take(MaxRows).Select(x => x.item).ToList(), transaction, recorded, ct);
            await transaction.CommitAsync(ct);
        }
        var ids = new long?[items.Count];
        foreach (var (item, index) in fresh)
        {
            if (!recorded.TryGetValue(item.Key, out var id)) continue;
            item.Id = id;
            ids[index] = id;
        }
        return ids;
    }

    private async Task InsertRowsAsync(List<InboxItem> rows, DbTransaction? transaction, Dictionary<string, long> recorded, CancellationToken ct)
    {
        var command = Command(rows.Count);
        command.Transaction = transaction;
        for (var row = 0; row < rows.Count; row++)
        {
            var item = rows[row];
            var p = row * ParametersPerRow;
            command.Parameters[p].Value = item.Transport;
            command.Parameters[p + 1].Value = item.Key;
            command.Parameters[p + 2].Value = item.Kind;
            command.Parameters[p + 3].Value = (object?)item.ConversationKey ?? DBNull.Value;
            command.Parameters[p + 4].Value = item.PayloadJson;
            command.Parameters[p + 5].Value = item.ReceivedUtc;
        }
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) recorded[reader.GetString(1)] = reader.GetInt64(0);
    }

    public void Dispose()
    {
        _command?.Dispose();
        _command = null;
    }

    /// <summary>The command for that many rows; any size may come, so only the last is kept.</summary>
    private DbCommand Command(int rows)
    {
        if (_command is not null && _rows == rows) return _command;
        Dispose();
        var command = connection.CreateCommand();
        var sql = new StringBuilder("""INSERT INTO "Inbox" ("Transport", "Key", "Kind", "ConversationKey", "PayloadJson", "ReceivedUtc", "Status", "Attempts") VALUES """);
        for (var row = 0; row < rows; row++)
        {
            var p = row * ParametersPerRow;
            sql.Append(row == 0 ? "" : ", ").Append($"(@p{p}, @p{p + 1}, @p{p + 2}, @p{p + 3}, @p{p + 4}, @p{p + 5}, 0, 0)");
            for (var column = 0; column < ParametersPerRow; column++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@p{p + column}";
                command.Parameters.Add(parameter);
            }
        }
        command.CommandText = sql.Append(""" ON CONFLICT ("Key") DO NOTHING RETURNING "Id", "Key" """).ToString();
        _rows = rows;
        return _command = command;
    }
}
