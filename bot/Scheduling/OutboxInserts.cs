using System.Data.Common;
using AccountCoachBot.Data;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Scheduling;

/// <summary>
/// Writes new outbox rows, a morning's planning thousands: on SQLite one prepared <c>INSERT</c> run for each row
/// (<see cref="SqliteRows"/>), on PostgreSQL one <c>INSERT … SELECT</c> from a JSON list per <see cref="RowsPerStatement"/>
/// rows (<see cref="JsonRows"/>). EF Core would send one statement a row, and make each a round trip on PostgreSQL.
/// </summary>
/// <remarks>
/// For rows from <see cref="Outbox.SortAsync"/>, inside the caller's transaction. The generated ids are not read back.
/// A dedupe key written meanwhile by another instance fails the statement on the unique index; that comes out as a
/// <see cref="DbUpdateException"/>, as from <c>SaveChanges</c>, so the caller's race handling is the same either way.
/// </remarks>
public static class OutboxInserts
{
    public const int RowsPerStatement = 500;

    // The values' names, and their SQL types for PostgreSQL's record.
    private static readonly (string Name, string Type)[] Columns =
    [
        ("kind", "text"), ("person", "integer"), ("subject", "text"), ("due", "timestamptz"), ("address", "integer"),
        ("transport", "text"), ("dedupe", "text"), ("status", "integer"), ("created", "timestamptz"),
    ];

    private static readonly string[] Names = Columns.Select(c => c.Name).ToArray();

    private const string Insert = "INSERT INTO \"Outbox\" (\"Kind\", \"PersonId\", \"SubjectId\", \"DueUtc\", \"AddressId\", \"Transport\","
        + " \"DedupeKey\", \"Status\", \"CreatedUtc\", \"Attempts\") ";

    private static readonly string SqliteInsert = Insert + $"VALUES ({string.Join(", ", Names.Select(n => "$" + n))}, 0)";

    private static readonly string PostgresInsert = Insert + $"SELECT {string.Join(", ", Names)}, 0 FROM jsonb_to_recordset(CAST({{0}} AS jsonb))"
        + $" AS r({string.Join(", ", Columns.Select(c => $"{c.Name} {c.Type}"))})";

    public static async Task InsertAsync(CoachDbContext db, IReadOnlyList<OutboxMessage> rows, CancellationToken ct)
    {
        try
        {
            if (!db.IsPostgres())
                await SqliteRows.ExecuteAsync(db, SqliteInsert, Names, rows.Select(Values), ct);
            else
                foreach (var chunk in rows.Chunk(RowsPerStatement))
                    await db.Database.ExecuteSqlRawAsync(PostgresInsert, [JsonRows.Write(Names, chunk.Select(Values))], ct);
        }
        catch (DbException e)
        {
            throw new DbUpdateException("Writing the outbox rows failed (a dedupe key written meanwhile?).", e);
        }
    }

    private static object?[] Values(OutboxMessage o) =>
        [o.Kind, o.PersonId, o.SubjectId, o.DueUtc, o.AddressId, o.Transport, o.DedupeKey, (int)o.Status, o.CreatedUtc];
}
