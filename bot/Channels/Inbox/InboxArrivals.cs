using AccountCoachBot.Data;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Channels.Inbox;

/// <summary>
/// SQLite: where a request is recorded before its ack. The table has no index but its rowid, so a commit appends to one
/// or two pages; into the inbox, a row was also written into each of its three indexes, a page per row for the key's
/// and the conversation's (measured: a commit took twice as long, bench/README.md). The processor moves rows into the
/// inbox just before it claims them, in arrival order and keeping their ids (ids order a conversation's turns); there
/// the key's unique index drops a platform's retry of what is recorded already. PostgreSQL records into the inbox itself.
/// </summary>
/// <remarks>
/// <c>AUTOINCREMENT</c>: the table is emptied by each move, and an id must never come again. Its sequence starts where
/// the inbox's ids were when the table was made (the migration <c>InboxArrivals</c>); nothing else adds inbox rows.
/// </remarks>
public static class InboxArrivals
{
    public const string Table = "InboxArrivals";
    /// <summary>What a request is recorded with, here and (on PostgreSQL) in the inbox.</summary>
    public const string Columns = "\"Transport\", \"Key\", \"Kind\", \"ConversationKey\", \"PayloadJson\", \"ReceivedUtc\"";

    /// <summary>
    /// Moves every row up to <paramref name="upTo"/> into the inbox, in one transaction; the caller is in the write
    /// gate. Returns the ids not moved: retries of a key the inbox holds (no turn will come for them).
    /// </summary>
    public static async Task<List<long>> MoveAsync(CoachDbContext db, long upTo, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // WHERE before ON CONFLICT: SQLite would otherwise read ON as a join's ("parsing ambiguity", sqlite.org/lang_upsert.html).
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Inbox" ("Id", "Transport", "Key", "Kind", "ConversationKey", "PayloadJson", "Status", "Attempts", "ReceivedUtc")
            SELECT "Id", "Transport", "Key", "Kind", "ConversationKey", "PayloadJson", 0, 0, "ReceivedUtc"
            FROM "InboxArrivals" WHERE "Id" <= {upTo} ORDER BY "Id"
            ON CONFLICT ("Key") DO NOTHING
            """, ct);
        var dropped = await db.Database.SqlQuery<long>($"""
            SELECT a."Id" AS "Value" FROM "InboxArrivals" a
            WHERE a."Id" <= {upTo} AND NOT EXISTS (SELECT 1 FROM "Inbox" i WHERE i."Id" = a."Id")
            """).ToListAsync(ct);
        await db.Database.ExecuteSqlAsync($"""DELETE FROM "InboxArrivals" WHERE "Id" <= {upTo}""", ct);
        await transaction.CommitAsync(ct);
        return dropped;
    }

    /// <summary>Whether the row is still waiting to be moved.</summary>
    public static async Task<bool> HoldsAsync(CoachDbContext db, long id, CancellationToken ct) =>
        await db.Database.SqlQuery<long>($"""SELECT "Id" AS "Value" FROM "InboxArrivals" WHERE "Id" = {id}""").AnyAsync(ct);

    /// <summary>Requests recorded and not yet run (of one transport, or all): pending in the inbox, or still arriving.</summary>
    public static Task<int> PendingAsync(CoachDbContext db, string? transport, CancellationToken ct) =>
        db.IsPostgres()
            ? db.Inbox.CountAsync(i => i.Status == InboxStatus.Pending && (transport == null || i.Transport == transport), ct)
            // One statement, one snapshot: counted apart, a row moving between the two counts would be in neither.
            : db.Database.SqlQuery<int>($"""
                SELECT (SELECT COUNT(*) FROM "InboxArrivals" WHERE {transport} IS NULL OR "Transport" = {transport})
                     + (SELECT COUNT(*) FROM "Inbox" WHERE "Status" = {(int)InboxStatus.Pending} AND ({transport} IS NULL OR "Transport" = {transport})) AS "Value"
                """).SingleAsync(ct);
}
