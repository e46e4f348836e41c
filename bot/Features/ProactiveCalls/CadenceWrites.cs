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
/// Writes a planning pass's cadence changes (a morning changes about ten thousand): on SQLite one prepared
/// <c>UPDATE</c> run for each row (<see cref="SqliteRows"/>), on PostgreSQL one <c>UPDATE … FROM</c> a JSON list per
/// <paramref name="rowsPerStatement"/> rows (<see cref="JsonRows"/>).
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
        if (!db.IsPostgres()) return await SqliteRows.ExecuteAsync(db, SqliteUpdate, Names, changes.Select(Values), ct);
        var written = 0;
        foreach (var chunk in changes.Chunk(rowsPerStatement))
            written += await db.Database.ExecuteSqlRawAsync(PostgresUpdate, [JsonRows.Write(Names, chunk.Select(Values))], ct);
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

    private static readonly string[] Names = Columns.Select(c => c.Name).ToArray();
    private static readonly string SqliteUpdate = Update(postgres: false);
    private static readonly string PostgresUpdate = Update(postgres: true);

    private static object?[] Values((AccountCadence Cadence, CadenceSnapshot Read) r) =>
    [
        r.Cadence.AccountId,
        r.Cadence.Cycle, r.Cadence.DeferredUntilUtc, r.Cadence.AnnouncedCycleKey, r.Cadence.AnnouncedByKey,
        r.Cadence.AnnouncedUtc, r.Cadence.NextCheckUtc, r.Cadence.ChannelWarnedUtc,
        r.Read.Cycle, r.Read.LastContactUtc, r.Read.DeferredUntilUtc, r.Read.CadenceDays,
        (int)r.Read.Tier, r.Read.ChannelAddressId, r.Read.AnnouncedCycleKey, r.Read.AnnouncedByKey,
        r.Read.AnnouncedUtc, r.Read.NextCheckUtc, r.Read.ChannelWarnedUtc,
    ];

    /// <summary>PostgreSQL: from the JSON list in <c>{0}</c>, named <c>v</c>; SQLite: from the row's parameters.</summary>
    private static string Update(bool postgres)
    {
        string V(string name) => postgres ? $"v.{name}" : $"${name}";
        var same = postgres ? "IS NOT DISTINCT FROM" : "IS";
        var sql = new StringBuilder();
        if (postgres)
            sql.Append("WITH v AS (SELECT * FROM jsonb_to_recordset(CAST({0} AS jsonb)) AS r(")
                .AppendJoin(", ", Columns.Select(c => $"{c.Name} {c.Type}")).Append(")) ");
        sql.Append($"UPDATE \"AccountCadences\" AS c SET \"Cycle\" = {V("cycle")}, \"DeferredUntilUtc\" = {V("deferred")}, ")
            .Append($"\"AnnouncedCycleKey\" = {V("cycle_key")}, \"AnnouncedByKey\" = {V("by_key")}, \"AnnouncedUtc\" = {V("announced")}, ")
            .Append($"\"NextCheckUtc\" = {V("next_check")}, \"ChannelWarnedUtc\" = {V("warned")}")
            .Append(postgres ? " FROM v WHERE c.\"AccountId\" = v.id" : " WHERE c.\"AccountId\" = $id")
            .Append($" AND c.\"Cycle\" = {V("o_cycle")} AND c.\"Tier\" = {V("o_tier")} AND c.\"NextCheckUtc\" = {V("o_next_check")}")
            .Append($" AND c.\"LastContactUtc\" {same} {V("o_contact")} AND c.\"DeferredUntilUtc\" {same} {V("o_deferred")}")
            .Append($" AND c.\"CadenceDays\" {same} {V("o_days")} AND c.\"ChannelAddressId\" {same} {V("o_channel")}")
            .Append($" AND c.\"AnnouncedCycleKey\" {same} {V("o_cycle_key")} AND c.\"AnnouncedByKey\" {same} {V("o_by_key")}")
            .Append($" AND c.\"AnnouncedUtc\" {same} {V("o_announced")} AND c.\"ChannelWarnedUtc\" {same} {V("o_warned")}");
        return sql.ToString();
    }
}
