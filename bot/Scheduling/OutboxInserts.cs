using System.Data.Common;
using AccountCoachBot.Data;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Scheduling;

/// <summary>
/// Writes new outbox rows set-based: one <c>INSERT … SELECT</c> from a JSON list per <see cref="RowsPerStatement"/>
/// rows. EF Core's SQLite provider inserts one row per statement, and a morning's planning writes thousands.
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

    public static async Task InsertAsync(CoachDbContext db, IReadOnlyList<OutboxMessage> rows, CancellationToken ct)
    {
        var postgres = db.IsPostgres();
        var values = postgres
            ? $"SELECT {string.Join(", ", Columns.Select(c => c.Name))}, 0 FROM jsonb_to_recordset(CAST({{0}} AS jsonb))"
                + $" AS r({string.Join(", ", Columns.Select(c => $"{c.Name} {c.Type}"))})"
            : $"SELECT {string.Join(", ", Columns.Select(c => $"json_extract(value, '$.{c.Name}')"))}, 0 FROM json_each({{0}})";
        var sql = "INSERT INTO \"Outbox\" (\"Kind\", \"PersonId\", \"SubjectId\", \"DueUtc\", \"AddressId\", \"Transport\", \"DedupeKey\","
            + " \"Status\", \"CreatedUtc\", \"Attempts\") " + values;
        var names = Columns.Select(c => c.Name).ToList();
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            var json = JsonRows.Write(names, chunk.Select(o => new object?[]
            {
                o.Kind, o.PersonId, o.SubjectId, o.DueUtc, o.AddressId, o.Transport, o.DedupeKey, (int)o.Status, o.CreatedUtc,
            }), postgres);
            try
            {
                await db.Database.ExecuteSqlRawAsync(sql, [json], ct);
            }
            catch (DbException e)
            {
                throw new DbUpdateException("Writing the outbox rows failed (a dedupe key written meanwhile?).", e);
            }
        }
    }
}
