using AccountCoachBot.Data;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Channels.Inbox;

/// <summary>What a processor may take: a row nobody holds, or one whose holder's claim lapsed (it died).</summary>
public sealed record InboxClaim(string Instance, DateTime Now, DateTime Until, int MaxAttempts);

/// <summary>
/// How an instance takes a recorded request so that exactly one runs it, and a conversation's requests run in
/// arrival order: a row is free only when no earlier row of its conversation is still pending, whoever holds it.
/// </summary>
public static class InboxClaims
{
    /// <summary>
    /// One conditional UPDATE: of two instances racing for a row, exactly one wins it. A row this instance holds already
    /// is its own to run: the sweep may claim a row that waits, unclaimed, in one of this instance's lanes (on
    /// PostgreSQL), and the lane then runs it without counting a second attempt. Written as SQL once rather than as
    /// LINQ: every turn runs it, and EF built and looked up its expression tree each time (bench/JOURNAL.md, 5 Dec).
    /// </summary>
    public static async Task<bool> ClaimOneAsync(CoachDbContext db, long id, InboxClaim claim, CancellationToken ct)
    {
        const int pending = (int)InboxStatus.Pending;
        return await db.Database.ExecuteSqlAsync($"""
            UPDATE "Inbox" SET "ClaimedBy" = {claim.Instance}, "ClaimedUntilUtc" = {claim.Until},
                "Attempts" = "Attempts" + CASE WHEN "ClaimedBy" = {claim.Instance} AND "ClaimedUntilUtc" >= {claim.Now} THEN 0 ELSE 1 END
            WHERE "Id" = {id} AND "Status" = {pending}
              AND ("ClaimedUntilUtc" IS NULL OR "ClaimedUntilUtc" < {claim.Now} OR "ClaimedBy" = {claim.Instance})
              AND ("Attempts" < {claim.MaxAttempts} OR ("ClaimedBy" = {claim.Instance} AND "ClaimedUntilUtc" >= {claim.Now}))
              AND NOT EXISTS (SELECT 1 FROM "Inbox" e
                              WHERE e."ConversationKey" = "Inbox"."ConversationKey" AND e."Id" < {id} AND e."Status" = {pending})
            """, ct) == 1;
    }

    /// <summary>SQLite: free rows, oldest first, each claimed with <see cref="ClaimOneAsync"/> just before it runs.</summary>
    public static Task<List<InboxEntry>> CandidatesAsync(CoachDbContext db, InboxClaim claim, int batch, CancellationToken ct) =>
        db.Inbox
            .Where(i => i.Status == InboxStatus.Pending && i.Attempts < claim.MaxAttempts && (i.ClaimedUntilUtc == null || i.ClaimedUntilUtc < claim.Now))
            .OrderBy(i => i.Id)
            .Take(batch)
            .Select(i => new InboxEntry(i.Id, i.ConversationKey ?? i.Transport))
            .ToListAsync(ct);

    /// <summary>
    /// PostgreSQL: one UPDATE claims a batch of free rows. <c>FOR UPDATE SKIP LOCKED</c> lets instances sweeping at the
    /// same moment take different rows instead of queueing behind each other's locks.
    /// </summary>
    public static async Task<List<InboxEntry>> ClaimBatchAsync(CoachDbContext db, InboxClaim claim, int batch, CancellationToken ct)
    {
        const int pending = (int)InboxStatus.Pending;
        var ids = await db.Database.SqlQuery<long>($"""
            UPDATE "Inbox" SET "ClaimedBy" = {claim.Instance}, "ClaimedUntilUtc" = {claim.Until}, "Attempts" = "Attempts" + 1
            WHERE "Id" IN (
                SELECT i."Id" FROM "Inbox" i
                WHERE i."Status" = {pending} AND i."Attempts" < {claim.MaxAttempts}
                  AND (i."ClaimedUntilUtc" IS NULL OR i."ClaimedUntilUtc" < {claim.Now})
                  AND NOT EXISTS (SELECT 1 FROM "Inbox" e
                                  WHERE e."ConversationKey" = i."ConversationKey" AND e."Id" < i."Id" AND e."Status" = {pending})
                ORDER BY i."Id"
                LIMIT {batch}
                FOR UPDATE OF i SKIP LOCKED)
            RETURNING "Id" AS "Value"
            """).ToListAsync(ct);
        return await db.Inbox.Where(i => ids.Contains(i.Id)).OrderBy(i => i.Id)
            .Select(i => new InboxEntry(i.Id, i.ConversationKey ?? i.Transport)).ToListAsync(ct);
    }

    /// <summary>Moves the claims <paramref name="instance"/> still holds on <paramref name="ids"/> to <paramref name="until"/>.</summary>
    public static Task<int> RenewAsync(CoachDbContext db, string instance, long[] ids, DateTime until, CancellationToken ct) =>
        db.Inbox
            .Where(i => ids.Contains(i.Id) && i.ClaimedBy == instance && i.Status == InboxStatus.Pending && i.ClaimedUntilUtc != null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ClaimedUntilUtc, until), ct);

    /// <summary>The next pending row of a conversation after <paramref name="id"/>, if any.</summary>
    public static Task<InboxEntry?> NextInConversationAsync(CoachDbContext db, string conversationKey, long id, CancellationToken ct) =>
        NextInConversation.For(db)(db, conversationKey, id, ct);

    // Compiled once (for each provider's model): every turn asks it (see ClaimOneAsync).
    private static readonly PerModel<Func<CoachDbContext, string, long, CancellationToken, Task<InboxEntry?>>> NextInConversation = new(() =>
        EF.CompileAsyncQuery((CoachDbContext db, string conversationKey, long id, CancellationToken ct) =>
            db.Inbox
                .Where(i => i.ConversationKey == conversationKey && i.Id > id && i.Status == InboxStatus.Pending)
                .OrderBy(i => i.Id)
                .Select(i => new InboxEntry(i.Id, conversationKey))
                .FirstOrDefault()));
}

/// <summary>A recorded request as the processor queues it: its row and its lane (<see cref="InboxItem.Lane"/>).</summary>
public sealed record InboxEntry(long Id, string Lane);
