using AccountCoachBot.Data;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Scheduling;

/// <summary>What one dispatcher run may claim: due rows of its transports, held until <see cref="Until"/>.</summary>
/// <remarks>
/// <see cref="Paced"/>: conversations are paced (<see cref="ConversationPacing"/>), so a batch takes at most one row per
/// conversation, its earliest due, and none of a conversation still paced: every other row would only be put back.
/// <see cref="BudgetWindow"/>: of the conversations sharing a platform budget (<see cref="Features.People.ConversationAddress.BudgetKey"/>)
/// a batch takes as many as the budget can send within this long, the time a batch may wait for a budget: the rest
/// would only wait in the batch behind them, or be put off.
/// </remarks>
public sealed record OutboxClaim(string[] Transports, DateTime Now, DateTime Until, string Instance, int BatchSize, bool Paced = false,
    TimeSpan BudgetWindow = default);

/// <summary>
/// How a dispatcher takes due outbox rows so that of several instances exactly one sends each row. A claim sets the row
/// to Sending with a deadline; a row whose claim lapsed (its sender died) is due again.
/// </summary>
/// <remarks>
/// Both providers' statements pick the same rows: the due ones; if paced, each free conversation's first; of those, by
/// their budget, the first as many as the budget has room for (<c>Place</c>, by due time, against what its row in
/// <c>RateBudgets</c> allows by the end of the window; a budget never taken yet, or a conversation whose budget is not
/// known yet, is not limited); then the batch, soonest due first.
/// </remarks>
public static class OutboxClaims
{
    /// <summary>
    /// One UPDATE claims up to a batch of due rows. PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c> lets instances claiming at
    /// the same moment take different rows instead of queueing behind each other's locks; it is not allowed beside window
    /// functions, so the inner query picks the rows and the outer one locks them, re-checking each once its lock is held.
    /// </summary>
    public static Task<List<long>> ClaimBatchAsync(CoachDbContext db, OutboxClaim claim, CancellationToken ct)
    {
        if (!db.IsPostgres()) return ClaimBatchSqliteAsync(db, claim, ct);
        const int pending = (int)OutboxStatus.Pending, sending = (int)OutboxStatus.Sending;
        var (now, end, paced) = (claim.Now.Ticks, (claim.Now + claim.BudgetWindow).Ticks, claim.Paced ? 1 : 0);
        return db.Database.SqlQuery<long>($"""
            UPDATE "Outbox" SET "Status" = {sending}, "ClaimedBy" = {claim.Instance}, "ClaimedUntilUtc" = {claim.Until}, "Attempts" = "Attempts" + 1
            WHERE "Id" IN (
                SELECT "Id" FROM "Outbox"
                WHERE "Id" IN (
                    SELECT c."Id" FROM (
                        SELECT f."Id", f."BudgetKey", ROW_NUMBER() OVER (PARTITION BY f."BudgetKey" ORDER BY f."DueUtc", f."Id") AS "Place"
                        FROM (
                            SELECT o."Id", o."DueUtc", a."BudgetKey", ROW_NUMBER() OVER (PARTITION BY o."AddressId" ORDER BY o."DueUtc", o."Id") AS "Turn"
                            FROM "Outbox" o LEFT JOIN "Addresses" a ON a."Id" = o."AddressId"
                            WHERE o."Transport" = ANY({claim.Transports}) AND o."DueUtc" <= {claim.Now}
                              AND o."Status" IN ({pending}, {sending}) AND (o."Status" = {pending} OR o."ClaimedUntilUtc" < {claim.Now})
                              AND (a."PacedUntilUtc" IS NULL OR a."PacedUntilUtc" <= {claim.Now})) f
                        WHERE {paced} = 0 OR f."Turn" = 1) c
                    LEFT JOIN "RateBudgets" b ON b."Key" = c."BudgetKey"
                    WHERE b."Key" IS NULL OR b."StepTicks" <= 0
                       OR c."Place" <= ({end} + b."ToleranceTicks" - (CASE WHEN b."NextTicks" > {now} THEN b."NextTicks" ELSE {now} END)) / b."StepTicks"
                          + (CASE WHEN {end} + b."ToleranceTicks" >= (CASE WHEN b."NextTicks" > {now} THEN b."NextTicks" ELSE {now} END) THEN 1 ELSE 0 END))
                  AND ("Status" = {pending} OR ("Status" = {sending} AND "ClaimedUntilUtc" < {claim.Now}))
                ORDER BY "DueUtc", "Id"
                LIMIT {claim.BatchSize}
                FOR UPDATE SKIP LOCKED)
            RETURNING "Id" AS "Value"
            """).ToListAsync(ct);
    }

    /// <summary>
    /// SQLite: one UPDATE claims the batch. SQLite runs one writer at a time, so the statement is atomic against another
    /// dispatcher on the same file without row locks. Paced, each conversation's earliest row is a MIN by conversation:
    /// SQLite takes a MIN's other columns from the row it found (sqlite.org/lang_select.html, "bare columns"), and this
    /// costs half the window PostgreSQL uses, over every due row, each claim (a backlog stays due while it waits).
    /// </summary>
    private static Task<List<long>> ClaimBatchSqliteAsync(CoachDbContext db, OutboxClaim claim, CancellationToken ct)
    {
        const int pending = (int)OutboxStatus.Pending, sending = (int)OutboxStatus.Sending;
        var transports = JsonSerializer.Serialize(claim.Transports);
        var (now, end, paced) = (claim.Now.Ticks, (claim.Now + claim.BudgetWindow).Ticks, claim.Paced ? 1 : 0);
        return db.Database.SqlQuery<long>($"""
            UPDATE "Outbox" SET "Status" = {sending}, "ClaimedBy" = {claim.Instance}, "ClaimedUntilUtc" = {claim.Until}, "Attempts" = "Attempts" + 1
            WHERE "Id" IN (
                SELECT c."Id" FROM (
                    SELECT f."Id", f."DueUtc", f."BudgetKey", ROW_NUMBER() OVER (PARTITION BY f."BudgetKey" ORDER BY f."DueUtc", f."Id") AS "Place"
                    FROM (
                        SELECT o."Id", MIN(o."DueUtc") AS "DueUtc", a."BudgetKey"
                        FROM "Outbox" o LEFT JOIN "Addresses" a ON a."Id" = o."AddressId"
                        WHERE o."Transport" IN (SELECT value FROM json_each({transports})) AND o."DueUtc" <= {claim.Now}
                          AND o."Status" IN ({pending}, {sending}) AND (o."Status" = {pending} OR o."ClaimedUntilUtc" < {claim.Now})
                          AND (a."PacedUntilUtc" IS NULL OR a."PacedUntilUtc" <= {claim.Now})
                        GROUP BY CASE WHEN {paced} = 1 THEN o."AddressId" ELSE o."Id" END) f) c
                LEFT JOIN "RateBudgets" b ON b."Key" = c."BudgetKey"
                WHERE b."Key" IS NULL OR b."StepTicks" <= 0
                   OR c."Place" <= ({end} + b."ToleranceTicks" - MAX(b."NextTicks", {now})) / b."StepTicks"
                      + (CASE WHEN {end} + b."ToleranceTicks" >= MAX(b."NextTicks", {now}) THEN 1 ELSE 0 END)
                ORDER BY c."DueUtc", c."Id"
                LIMIT {claim.BatchSize})
            RETURNING "Id" AS "Value"
            """).ToListAsync(ct);
    }
}
