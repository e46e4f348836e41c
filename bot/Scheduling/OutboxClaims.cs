using AccountCoachBot.Data;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Scheduling;

/// <summary>What one dispatcher run may claim: due rows of its transports, held until <see cref="Until"/>.</summary>
/// <remarks>
/// <see cref="Paced"/>: conversations are paced (<see cref="ConversationPacing"/>), so a batch takes at most one row per
/// conversation, its earliest due, and none of a conversation still paced: every other row would only be put back.
/// </remarks>
public sealed record OutboxClaim(string[] Transports, DateTime Now, DateTime Until, string Instance, int BatchSize, bool Paced = false);

/// <summary>
/// How a dispatcher takes due outbox rows so that of several instances exactly one sends each row. A claim sets the row
/// to Sending with a deadline; a row whose claim lapsed (its sender died) is due again.
/// </summary>
public static class OutboxClaims
{
    /// <summary>
    /// One UPDATE claims up to a batch of due rows. PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c> lets instances claiming at
    /// the same moment take different rows instead of queueing behind each other's locks.
    /// </summary>
    public static Task<List<long>> ClaimBatchAsync(CoachDbContext db, OutboxClaim claim, CancellationToken ct)
    {
        if (!db.IsPostgres()) return ClaimBatchSqliteAsync(db, claim, ct);
        const int pending = (int)OutboxStatus.Pending, sending = (int)OutboxStatus.Sending;
        if (claim.Paced)
            // FOR UPDATE is not allowed beside DISTINCT ON: the inner query picks each free conversation's first row,
            // the outer one locks them, re-checking each row's claimability once its lock is held.
            return db.Database.SqlQuery<long>($"""
                UPDATE "Outbox" SET "Status" = {sending}, "ClaimedBy" = {claim.Instance}, "ClaimedUntilUtc" = {claim.Until}, "Attempts" = "Attempts" + 1
                WHERE "Id" IN (
                    SELECT "Id" FROM "Outbox"
                    WHERE "Id" IN (
                        SELECT DISTINCT ON (o."AddressId") o."Id" FROM "Outbox" o
                        WHERE o."Transport" = ANY({claim.Transports}) AND o."DueUtc" <= {claim.Now}
                          AND (o."Status" = {pending} OR (o."Status" = {sending} AND o."ClaimedUntilUtc" < {claim.Now}))
                          AND NOT EXISTS (SELECT 1 FROM "Addresses" a WHERE a."Id" = o."AddressId" AND a."PacedUntilUtc" > {claim.Now})
                        ORDER BY o."AddressId", o."DueUtc", o."Id")
                      AND ("Status" = {pending} OR ("Status" = {sending} AND "ClaimedUntilUtc" < {claim.Now}))
                    ORDER BY "DueUtc", "Id"
                    LIMIT {claim.BatchSize}
                    FOR UPDATE SKIP LOCKED)
                RETURNING "Id" AS "Value"
                """).ToListAsync(ct);
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

    /// <summary>
    /// SQLite: one UPDATE claims the batch (paced: each free conversation's earliest row). SQLite runs one writer at a
    /// time, so the statement is atomic against another dispatcher on the same file without row locks.
    /// </summary>
    private static Task<List<long>> ClaimBatchSqliteAsync(CoachDbContext db, OutboxClaim claim, CancellationToken ct)
    {
        const int pending = (int)OutboxStatus.Pending, sending = (int)OutboxStatus.Sending;
        var transports = JsonSerializer.Serialize(claim.Transports);
        if (claim.Paced)
            return db.Database.SqlQuery<long>($"""
                UPDATE "Outbox" SET "Status" = {sending}, "ClaimedBy" = {claim.Instance}, "ClaimedUntilUtc" = {claim.Until}, "Attempts" = "Attempts" + 1
                WHERE "Id" IN (
                    SELECT "Id" FROM (
                        SELECT o."Id", o."DueUtc", ROW_NUMBER() OVER (PARTITION BY o."AddressId" ORDER BY o."DueUtc", o."Id") AS "Turn"
                        FROM "Outbox" o
                        WHERE o."Transport" IN (SELECT value FROM json_each({transports})) AND o."DueUtc" <= {claim.Now}
                          AND (o."Status" = {pending} OR (o."Status" = {sending} AND o."ClaimedUntilUtc" < {claim.Now}))
                          AND NOT EXISTS (SELECT 1 FROM "Addresses" a WHERE a."Id" = o."AddressId" AND a."PacedUntilUtc" > {claim.Now}))
                    WHERE "Turn" = 1
                    ORDER BY "DueUtc", "Id"
                    LIMIT {claim.BatchSize})
                RETURNING "Id" AS "Value"
                """).ToListAsync(ct);
        return db.Database.SqlQuery<long>($"""
            UPDATE "Outbox" SET "Status" = {sending}, "ClaimedBy" = {claim.Instance}, "ClaimedUntilUtc" = {claim.Until}, "Attempts" = "Attempts" + 1
            WHERE "Id" IN (
                SELECT "Id" FROM "Outbox"
                WHERE "Transport" IN (SELECT value FROM json_each({transports})) AND "DueUtc" <= {claim.Now}
                  AND ("Status" = {pending} OR ("Status" = {sending} AND "ClaimedUntilUtc" < {claim.Now}))
                ORDER BY "DueUtc", "Id"
                LIMIT {claim.BatchSize})
            RETURNING "Id" AS "Value"
            """).ToListAsync(ct);
    }
}
