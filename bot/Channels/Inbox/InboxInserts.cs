using System.Data.Common;
using System.Text;
using AccountCoachBot.Data;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Channels.Inbox;

/// <summary>
/// Inserts a batch of requests in one statement, in one transaction, each new key once. A key already recorded (a
/// platform's retry, or the same request recorded meanwhile by another instance) is skipped by the unique index
/// (<c>ON CONFLICT DO NOTHING</c>, SQLite and PostgreSQL alike), so there is no read before the write and no race
/// to recover from. Profiled under a burst of acks, EF Core's query, change tracking and per-row insert were most of
/// a batch's CPU.
/// </summary>
public static class InboxInserts
{
    private const string Columns = "\"Transport\", \"Key\", \"Kind\", \"ConversationKey\", \"PayloadJson\", \"Status\", \"Attempts\", \"ReceivedUtc\"";
    private const int ParametersPerRow = 6;
    private static readonly Dictionary<int, string> Statements = new();

    /// <summary>
    /// Gives each item recorded now its id (<see cref="InboxItem.Id"/>), in the items' order (ids order a
    /// conversation's turns); returns, item by item, the id, or null when its key was there already.
    /// </summary>
    public static async Task<long?[]> InsertAsync(CoachDbContext db, IReadOnlyList<InboxItem> items, CancellationToken ct)
    {
        // The first of a key goes in; the same key again in the batch is its retry.
        var fresh = items.Select((item, index) => (item, index)).DistinctBy(x => x.item.Key).ToList();
        var ids = new long?[items.Count];
        await db.Database.OpenConnectionAsync(ct); // through EF Core: its interceptors set the connection up
        try
        {
            var connection = db.Database.GetDbConnection();
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Statement(fresh.Count);
            for (var row = 0; row < fresh.Count; row++)
            {
                var item = fresh[row].item;
                Add(command, row, 0, item.Transport);
                Add(command, row, 1, item.Key);
                Add(command, row, 2, item.Kind);
                Add(command, row, 3, item.ConversationKey);
                Add(command, row, 4, item.PayloadJson);
                Add(command, row, 5, item.ReceivedUtc);
            }
            var recorded = new Dictionary<string, long>(StringComparer.Ordinal);
            await using (var reader = await command.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) recorded[reader.GetString(1)] = reader.GetInt64(0);
            await transaction.CommitAsync(ct);
            foreach (var (item, index) in fresh)
            {
                if (!recorded.TryGetValue(item.Key, out var id)) continue;
                item.Id = id;
                ids[index] = id;
            }
            return ids;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Add(DbCommand command, int row, int column, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = $"@p{row * ParametersPerRow + column}";
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>The statement for a batch of that many rows, built once (a burst asks for the same few sizes).</summary>
    private static string Statement(int rows)
    {
        lock (Statements)
        {
            if (Statements.TryGetValue(rows, out var cached)) return cached;
            var sql = new StringBuilder($"INSERT INTO \"Inbox\" ({Columns}) VALUES ");
            for (var row = 0; row < rows; row++)
            {
                var p = row * ParametersPerRow;
                sql.Append(row == 0 ? "" : ", ").Append($"(@p{p}, @p{p + 1}, @p{p + 2}, @p{p + 3}, @p{p + 4}, 0, 0, @p{p + 5})");
            }
            sql.Append(" ON CONFLICT (\"Key\") DO NOTHING RETURNING \"Id\", \"Key\"");
            return Statements[rows] = sql.ToString();
        }
    }
}
