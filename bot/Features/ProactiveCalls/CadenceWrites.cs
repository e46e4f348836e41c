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
        var postgres = db.IsPostgres();
        foreach (var chunk in changes.Chunk(rowsPerStatement))
        {
            var (sql, parameters) = Statement(db, chunk, postgres);
            written += await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
        }
        return written;
    }

    // The values' columns: name, and SQL type for PostgreSQL. "o_": as read, compared with what is stored.
    private static readonly (string Name, string Type)[] Columns =
    [
        ("id", "integer"),
        ("cycle", "integer"), ("deferred", "timestamptz"), ("cycle_key", "text"), ("by_key", "text"),
        ("announced", "timestamptz"), ("next_check", "timestamptz"), ("warned", "timestamptz"),
        ("o_cycle", "integer"), ("o_contact", "timestamptz"), ("o_deferred", "timestamptz"), ("o_days", "integer"),
        ("o_tier", "integer"), ("o_channel", "integer"), ("o_cycle_key", "text"), ("o_by_key", "text"),
        ("o_announced", "timestamptz"), ("o_next_check", "timestamptz"), ("o_warned", "timestamptz"),
    ];

    /// <summary>The rows go as one JSON parameter (<see cref="JsonRows"/>).</summary>
    private static (string Sql, object[] Parameters) Statement(CoachDbContext db, (AccountCadence Cadence, CadenceSnapshot Read)[] rows, bool postgres)
    {
        var rowsJson = JsonRows.Write(Columns.Select(c => c.Name).ToList(), rows.Select(r => new object?[]
        {
            r.Cadence.AccountId,
            r.Cadence.Cycle, r.Cadence.DeferredUntilUtc, r.Cadence.AnnouncedCycleKey, r.Cadence.AnnouncedByKey,
            r.Cadence.AnnouncedUtc, r.Cadence.NextCheckUtc, r.Cadence.ChannelWarnedUtc,
            r.Read.Cycle, r.Read.LastContactUtc, r.Read.DeferredUntilUtc, r.Read.CadenceDays,
            (int)r.Read.Tier, r.Read.ChannelAddressId, r.Read.AnnouncedCycleKey, r.Read.AnnouncedByKey,
            r.Read.AnnouncedUtc, r.Read.NextCheckUtc, r.Read.ChannelWarnedUtc,
        }), postgres);

        var sql = new StringBuilder();
        if (postgres)
            sql.Append("WITH v AS (SELECT * FROM jsonb_to_recordset(CAST({0} AS jsonb)) AS r(")
                .AppendJoin(", ", Columns.Select(c => $"{c.Name} {c.Type}")).Append("))");
        else
            sql.Append("WITH v AS (SELECT ").AppendJoin(", ", Columns.Select(c => $"json_extract(value, '$.{c.Name}') AS {c.Name}"))
                .Append(" FROM json_each({0}))");
        var same = postgres ? "IS NOT DISTINCT FROM" : "IS";
        sql.Append(" UPDATE \"AccountCadences\" AS c SET \"Cycle\" = v.cycle, \"DeferredUntilUtc\" = v.deferred, ")
            .Append("\"AnnouncedCycleKey\" = v.cycle_key, \"AnnouncedByKey\" = v.by_key, \"AnnouncedUtc\" = v.announced, ")
            .Append("\"NextCheckUtc\" = v.next_check, \"ChannelWarnedUtc\" = v.warned FROM v WHERE c.\"AccountId\" = v.id")
            .Append(" AND c.\"Cycle\" = v.o_cycle AND c.\"Tier\" = v.o_tier AND c.\"NextCheckUtc\" = v.o_next_check")
            .Append($" AND c.\"LastContactUtc\" {same} v.o_contact AND c.\"DeferredUntilUtc\" {same} v.o_deferred")
            .Append($" AND c.\"CadenceDays\" {same} v.o_days AND c.\"ChannelAddressId\" {same} v.o_channel")
            .Append($" AND c.\"AnnouncedCycleKey\" {same} v.o_cycle_key AND c.\"AnnouncedByKey\" {same} v.o_by_key")
            .Append($" AND c.\"AnnouncedUtc\" {same} v.o_announced AND c.\"ChannelWarnedUtc\" {same} v.o_warned");
        return (sql.ToString(), [rowsJson]);
    }
}
