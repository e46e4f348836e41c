using System.Data.Common;
using System.Text;
using AccountCoachBot.Data;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>The planner-visible state of a cadence as read: what a pass changed, and whether anyone else changed it since.</summary>
internal readonly record struct CadenceSnapshot(
    int Cycle, DateTime? LastContactUtc, DateTime? DeferredUntilUtc, int? CadenceDays, AccountTier Tier, int? ChannelAddressId,
    string? AnnouncedCycleKey, string? AnnouncedByKey, DateTime? AnnouncedUtc, DateTime NextCheckUtc, DateTime? ChannelWarnedUtc)
{
    public static CadenceSnapshot Of(AccountCadence c) => new(c.Cycle, c.LastContactUtc, c.DeferredUntilUtc, c.CadenceDays, c.Tier,
        c.ChannelAddressId, c.AnnouncedCycleKey, c.AnnouncedByKey, c.AnnouncedUtc, c.NextCheckUtc, c.ChannelWarnedUtc);
}

/// <summary>
/// Writes a planning pass's cadence changes set-based: one <c>UPDATE … FROM</c> a list of values per
/// <paramref name="rowsPerStatement"/> rows, instead of one <c>UPDATE</c> a row (a morning changes about ten thousand).
/// </summary>
/// <remarks>
/// A row is written only while it still holds what the pass read: an account called, snoozed, re-tiered or moved to a
/// channel meanwhile keeps the owner's change, and its nudge (already in the outbox) is dropped at send time because the
/// cadence no longer names it (<see cref="CallNudgeRenderer"/>). The planner writes only the columns it owns.
/// </remarks>
internal static class CadenceWrites
{
    public const int RowsPerStatement = 250;

    /// <summary>Returns how many rows were written (fewer than given when some were changed concurrently).</summary>
    public static async Task<int> WriteAsync(CoachDbContext db, IReadOnlyList<(AccountCadence Cadence, CadenceSnapshot Read)> changes,
        CancellationToken ct, int rowsPerStatement = RowsPerStatement)
    {
        var written = 0;
        var postgres = !db.Database.IsSqlite();
        foreach (var chunk in changes.Chunk(rowsPerStatement))
        {
            var (sql, parameters) = Statement(db, chunk, postgres);
            written += await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
        }
        return written;
    }

    // Each value's column: (name in the list, SQL type for PostgreSQL, how it is compared to the stored value).
    private static readonly (string Name, string Type)[] Columns =
    [
        ("id", "integer"),
        ("cycle", "integer"), ("deferred", "timestamp with time zone"), ("cycle_key", "text"), ("by_key", "text"),
        ("announced", "timestamp with time zone"), ("next_check", "timestamp with time zone"), ("warned", "timestamp with time zone"),
        ("o_cycle", "integer"), ("o_contact", "timestamp with time zone"), ("o_deferred", "timestamp with time zone"), ("o_days", "integer"),
        ("o_tier", "integer"), ("o_channel", "integer"), ("o_cycle_key", "text"), ("o_by_key", "text"),
        ("o_announced", "timestamp with time zone"), ("o_next_check", "timestamp with time zone"), ("o_warned", "timestamp with time zone"),
    ];

    private static (string Sql, DbParameter[] Parameters) Statement(CoachDbContext db, (AccountCadence Cadence, CadenceSnapshot Read)[] rows, bool postgres)
    {
        using var command = db.Database.GetDbConnection().CreateCommand();
        var parameters = new List<DbParameter>(rows.Length * Columns.Length);
        var sql = new StringBuilder("WITH v(").AppendJoin(", ", Columns.Select(c => c.Name)).Append(") AS (VALUES ");
        foreach (var (cadence, read) in rows)
        {
            if (parameters.Count > 0) sql.Append(", ");
            sql.Append('(');
            object?[] values =
            [
                cadence.AccountId,
                cadence.Cycle, Utc(cadence.DeferredUntilUtc), cadence.AnnouncedCycleKey, cadence.AnnouncedByKey,
                Utc(cadence.AnnouncedUtc), Utc(cadence.NextCheckUtc), Utc(cadence.ChannelWarnedUtc),
                read.Cycle, Utc(read.LastContactUtc), Utc(read.DeferredUntilUtc), read.CadenceDays,
                (int)read.Tier, read.ChannelAddressId, read.AnnouncedCycleKey, read.AnnouncedByKey,
                Utc(read.AnnouncedUtc), Utc(read.NextCheckUtc), Utc(read.ChannelWarnedUtc),
            ];
            for (var i = 0; i < values.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@p{parameters.Count}";
                parameter.Value = values[i] ?? DBNull.Value;
                parameters.Add(parameter);
                if (i > 0) sql.Append(", ");
                // PostgreSQL needs the types of a VALUES list (a null says nothing); SQLite compares what it is given.
                sql.Append(postgres ? $"CAST({parameter.ParameterName} AS {Columns[i].Type})" : parameter.ParameterName);
            }
            sql.Append(')');
        }
        var same = postgres ? "IS NOT DISTINCT FROM" : "IS";
        sql.Append(") UPDATE \"AccountCadences\" AS c SET \"Cycle\" = v.cycle, \"DeferredUntilUtc\" = v.deferred, ")
            .Append("\"AnnouncedCycleKey\" = v.cycle_key, \"AnnouncedByKey\" = v.by_key, \"AnnouncedUtc\" = v.announced, ")
            .Append("\"NextCheckUtc\" = v.next_check, \"ChannelWarnedUtc\" = v.warned FROM v WHERE c.\"AccountId\" = v.id")
            .Append(" AND c.\"Cycle\" = v.o_cycle AND c.\"Tier\" = v.o_tier AND c.\"NextCheckUtc\" = v.o_next_check")
            .Append($" AND c.\"LastContactUtc\" {same} v.o_contact AND c.\"DeferredUntilUtc\" {same} v.o_deferred")
            .Append($" AND c.\"CadenceDays\" {same} v.o_days AND c.\"ChannelAddressId\" {same} v.o_channel")
            .Append($" AND c.\"AnnouncedCycleKey\" {same} v.o_cycle_key AND c.\"AnnouncedByKey\" {same} v.o_by_key")
            .Append($" AND c.\"AnnouncedUtc\" {same} v.o_announced AND c.\"ChannelWarnedUtc\" {same} v.o_warned");
        return (sql.ToString(), parameters.ToArray());
    }

    /// <summary>As the model's converter stores it (<see cref="UtcDateTimeConverter"/>): Npgsql refuses other kinds for timestamptz.</summary>
    private static DateTime? Utc(DateTime? value) => value is not { } v ? null : v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime();
}
