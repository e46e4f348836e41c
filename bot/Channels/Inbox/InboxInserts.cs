using System.Data.Common;
using System.Text;

namespace AccountCoachBot.Channels.Inbox;

/// <summary>
/// Inserts a batch of requests in one transaction, each key once. On PostgreSQL into the inbox, where a key already
/// recorded (a platform's retry, or the same request recorded meanwhile by another instance) is skipped by the unique
/// index (<c>ON CONFLICT DO NOTHING</c>), so there is no read before the write and no race to recover from. On SQLite
/// into <see cref="InboxArrivals"/>, which has no index to write; a retry is dropped when the rows move to the inbox.
/// Profiled under a burst of acks, EF Core's query, change tracking and per-row insert were most of a batch's CPU.
/// </summary>
/// <remarks>
/// Bound to one connection, kept open by its one user (the inbox's writer), and its statements with it. On SQLite a
/// batch goes in as a few multi-row statements whose sizes are powers of two, each compiled once per connection:
/// compiling a new statement for each batch (16 rows: 96 parameters) was, after the commit itself, the largest part of
/// a batch. On PostgreSQL every statement is a round trip to the server, which costs more than its parsing there: one
/// statement of the batch's own size.
/// </remarks>
public sealed class InboxInserts(DbConnection connection, bool postgres) : IDisposable
{
    private const int ParametersPerRow = 6;
    /// <summary>The largest statement, in rows (1,536 parameters: within SQLite's and PostgreSQL's limits).</summary>
    public const int MaxRows = 256;
    private readonly Dictionary<int, DbCommand> _commands = new();
    private DbCommand? _begin, _commit, _rollback;

    /// <summary>
    /// Gives each item recorded now its id (<see cref="InboxItem.Id"/>), in the items' order (ids order a
    /// conversation's turns); returns, item by item, the id, or null when its key was there already (PostgreSQL) or
    /// earlier in the batch.
    /// </summary>
    public async Task<long?[]> InsertAsync(IReadOnlyList<InboxItem> items, CancellationToken ct)
    {
        // The first of a key goes in; the same key again in the batch is its retry.
        var fresh = items.Select((item, index) => (item, index)).DistinctBy(x => x.item.Key).ToList();
        var recorded = new Dictionary<string, long>(StringComparer.Ordinal);
        if (postgres)
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await InsertRowsAsync(fresh, transaction, recorded, ct);
            await transaction.CommitAsync(ct);
        }
        else
        {
            // BEGIN and COMMIT as statements kept like the inserts: a transaction object compiles both anew each time.
            await Kept(ref _begin, "BEGIN IMMEDIATE").ExecuteNonQueryAsync(ct);
            try
            {
                await InsertRowsAsync(fresh, null, recorded, ct);
                await Kept(ref _commit, "COMMIT").ExecuteNonQueryAsync(ct);
            }
            catch
            {
                try
                {
                    await Kept(ref _rollback, "ROLLBACK").ExecuteNonQueryAsync(CancellationToken.None);
                }
                catch (Exception)
                {
                    // No transaction left to undo, or the connection itself failed: the batch's own error is the one to
                    // report, and its user drops the connection with it.
                }
                throw;
            }
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

    private async Task InsertRowsAsync(
        List<(InboxItem item, int index)> fresh, DbTransaction? transaction, Dictionary<string, long> recorded, CancellationToken ct)
    {
        for (var start = 0; start < fresh.Count;)
        {
            var left = fresh.Count - start;
            var rows = Math.Min(MaxRows, postgres ? left : 1 << (31 - int.LeadingZeroCount(left))); // or the largest power of two that fits
            var command = Command(rows);
            command.Transaction = transaction;
            for (var row = 0; row < rows; row++)
            {
                var item = fresh[start + row].item;
                var p = row * ParametersPerRow;
                command.Parameters[p].Value = item.Transport;
                command.Parameters[p + 1].Value = item.Key;
                command.Parameters[p + 2].Value = item.Kind;
                command.Parameters[p + 3].Value = (object?)item.ConversationKey ?? DBNull.Value;
                command.Parameters[p + 4].Value = item.PayloadJson;
                command.Parameters[p + 5].Value = item.ReceivedUtc;
            }
            await using (var reader = await command.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) recorded[reader.GetString(1)] = reader.GetInt64(0);
            start += rows;
        }
    }

    private DbCommand Kept(ref DbCommand? command, string sql)
    {
        if (command is null)
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
        }
        return command;
    }

    public void Dispose()
    {
        _begin?.Dispose();
        _commit?.Dispose();
        _rollback?.Dispose();
        _begin = _commit = _rollback = null;
        foreach (var command in _commands.Values) command.Dispose();
        _commands.Clear();
    }

    /// <summary>The command for that many rows, made once: its statement is compiled on first use and kept.</summary>
    private DbCommand Command(int rows)
    {
        if (_commands.TryGetValue(rows, out var cached)) return cached;
        if (postgres) Dispose(); // any size may come: keep only the last, not up to 256 of them
        var command = connection.CreateCommand();
        var sql = new StringBuilder(postgres
            ? $"INSERT INTO \"Inbox\" ({InboxArrivals.Columns}, \"Status\", \"Attempts\") VALUES "
            : $"INSERT INTO \"{InboxArrivals.Table}\" ({InboxArrivals.Columns}) VALUES ");
        for (var row = 0; row < rows; row++)
        {
            var p = row * ParametersPerRow;
            sql.Append(row == 0 ? "" : ", ").Append($"(@p{p}, @p{p + 1}, @p{p + 2}, @p{p + 3}, @p{p + 4}, @p{p + 5}{(postgres ? ", 0, 0" : "")})");
            for (var column = 0; column < ParametersPerRow; column++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@p{p + column}";
                command.Parameters.Add(parameter);
            }
        }
        command.CommandText = sql.Append(postgres ? " ON CONFLICT (\"Key\") DO NOTHING" : "").Append(" RETURNING \"Id\", \"Key\"").ToString();
        return _commands[rows] = command;
    }
}
