using AccountCoachBot.Data;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Scheduling;

/// <summary>What one dispatcher run may claim: due rows of its transports, held until <see cref="Until"/>.</summary>
public sealed record OutboxClaim(string[] Transports, DateTime Now, DateTime Until, string Instance, int BatchSize);

/// <summary>
/// How a dispatcher takes due outbox rows so that of several instances exactly one sends each row. A claim sets the row
/// to Sending with a deadline; a row whose claim lapsed (its sender died) is due again.
/// </summary>
public static class OutboxClaims
{
    /// <summary>
    /// PostgreSQL: one UPDATE claims up to a batch of due rows. <c>FOR UPDATE SKIP LOCKED</c> lets instances claiming at
    /// the same moment take different rows instead of queueing behind each other's locks.
    /// </summary>
    public static Task<List<long>> ClaimBatchAsync(CoachDbContext db, OutboxClaim claim, CancellationToken ct)
    {
        const int pending = (int)OutboxStatus.Pending, sending = (int)OutboxStatus.Sending;
        return db.Database.SqlQuery<long>($"""
            UPDATE "Outbox" SET "Status" = {sending}, "ClaimedBy" = {claim.Instance}, "ClaimedUntilUtc" = {claim.Until}, "Attempts" = "Attempts" + 1
            WHERE "Id" IN (
                SELECT "Id" FROM "Outbox"
                WHERE "Transport" = ANY({claim.Transports}) AND "DueUtc" <= {claim.Now}
                  AND ("Status" = {pending} OR ("Status" = {sending} AND "ClaimedUntilUtc" < {claim.Now}))
                ORDER BY "DueUtc"
                LIMIT {claim.BatchSize}
                FOR UPDATE SKIP LOCKED)
            RETURNING "Id" AS "Value"
            """).ToListAsync(ct);
    }

    /// <summary>SQLite: the due rows, oldest first, each to be claimed with <see cref="ClaimOneAsync"/> just before sending.</summary>
    public static Task<List<long>> CandidatesAsync(CoachDbContext db, OutboxClaim claim, CancellationToken ct) =>
        db.Outbox
            .Where(o => claim.Transports.Contains(o.Transport) && o.DueUtc <= claim.Now
                && (o.Status == OutboxStatus.Pending || (o.Status == OutboxStatus.Sending && o.ClaimedUntilUtc < claim.Now)))
            .OrderBy(o => o.DueUtc)
            .Select(o => o.Id)
            .Take(claim.BatchSize)
            .ToListAsync(ct);

    /// <summary>One conditional UPDATE: of two dispatchers racing for a row, exactly one wins it.</summary>
    public static async Task<bool> ClaimOneAsync(CoachDbContext db, long id, OutboxClaim claim, CancellationToken ct) =>
        await db.Outbox
            .Where(o => o.Id == id && (o.Status == OutboxStatus.Pending || (o.Status == OutboxStatus.Sending && o.ClaimedUntilUtc < claim.Now)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.Status, OutboxStatus.Sending)
                .SetProperty(o => o.ClaimedBy, claim.Instance)
                .SetProperty(o => o.ClaimedUntilUtc, claim.Until)
                .SetProperty(o => o.Attempts, o => o.Attempts + 1), ct) == 1;
}
