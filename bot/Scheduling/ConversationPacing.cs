using AccountCoachBot.Data;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Scheduling;

/// <summary>
/// The least time between two nudges to one conversation (<see cref="DispatcherOptions.MinIntervalPerConversation"/>),
/// kept on the conversation's address in the database so that instances sharing it keep one pace.
/// </summary>
public static class ConversationPacing
{
    /// <summary>
    /// Takes the conversation's next turn at <paramref name="now"/>: one conditional UPDATE, so of two instances only one
    /// gets it. Returns null when taken, else when the conversation is free again (the nudge is rescheduled, never waited for).
    /// </summary>
    public static async Task<DateTime?> TakeTurnAsync(CoachDbContext db, int addressId, DateTime now, TimeSpan interval, CancellationToken ct)
    {
        if (interval <= TimeSpan.Zero) return null;
        var until = now + interval;
        var taken = await db.Addresses
            .Where(a => a.Id == addressId && (a.PacedUntilUtc == null || a.PacedUntilUtc <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.PacedUntilUtc, until), ct);
        if (taken == 1) return null;
        return await db.Addresses.Where(a => a.Id == addressId).Select(a => a.PacedUntilUtc).SingleAsync(ct) ?? now;
    }

    /// <summary>
    /// <see cref="TakeTurnAsync"/> for a batch's conversations in one UPDATE. Returns the conversations whose turn was not
    /// free, each with when it is free again; the others' turns are taken.
    /// </summary>
    public static async Task<Dictionary<int, DateTime>> TakeTurnsAsync(CoachDbContext db, IReadOnlyCollection<int> addressIds, DateTime now, TimeSpan interval, CancellationToken ct)
    {
        if (interval <= TimeSpan.Zero || addressIds.Count == 0) return [];
        var until = now + interval;
        var ids = addressIds.ToArray();
        var taken = db.IsPostgres()
            ? await db.Database.SqlQuery<int>($"""
                UPDATE "Addresses" SET "PacedUntilUtc" = {until}
                WHERE "Id" = ANY({ids}) AND ("PacedUntilUtc" IS NULL OR "PacedUntilUtc" <= {now})
                RETURNING "Id" AS "Value"
                """).ToListAsync(ct)
            : await db.Database.SqlQuery<int>($"""
                UPDATE "Addresses" SET "PacedUntilUtc" = {until}
                WHERE "Id" IN (SELECT value FROM json_each({JsonSerializer.Serialize(ids)})) AND ("PacedUntilUtc" IS NULL OR "PacedUntilUtc" <= {now})
                RETURNING "Id" AS "Value"
                """).ToListAsync(ct);
        if (taken.Count == ids.Length) return [];
        var busy = ids.Except(taken).ToList();
        var free = await db.Addresses.AsNoTracking().Where(a => busy.Contains(a.Id)).Select(a => new { a.Id, a.PacedUntilUtc }).ToListAsync(ct);
        return free.ToDictionary(a => a.Id, a => a.PacedUntilUtc ?? now);
    }

    /// <summary>
    /// Renews a turn taken by <see cref="TakeTurnsAsync"/> (which set it to end at <paramref name="takenUntil"/>) from
    /// <paramref name="now"/>, right before its message goes: a batch that took longer than the interval would otherwise
    /// send after its turn lapsed, beside another instance's message. Null when renewed; else when the conversation is
    /// free again (another instance took the turn, or a platform asked for quiet).
    /// </summary>
    public static async Task<DateTime?> RenewTurnAsync(CoachDbContext db, int addressId, DateTime takenUntil, DateTime now, TimeSpan interval, CancellationToken ct)
    {
        if (interval <= TimeSpan.Zero) return null;
        var until = now + interval;
        // "Not later than ours": whoever took it since set a later time; PostgreSQL keeps microseconds, so not "equal".
        // Raw SQL, as it runs before every nudge (SharedBudget.TakeAsync says why).
        var renewed = await db.Database.ExecuteSqlAsync($"""
            UPDATE "Addresses" SET "PacedUntilUtc" = {until} WHERE "Id" = {addressId} AND ("PacedUntilUtc" IS NULL OR "PacedUntilUtc" <= {takenUntil})
            """, ct);
        if (renewed == 1) return null;
        return await db.Addresses.Where(a => a.Id == addressId).Select(a => a.PacedUntilUtc).SingleAsync(ct) ?? now;
    }

    /// <summary>Keeps the conversation quiet until <paramref name="until"/> (a platform's Retry-After), never shortening a hold.</summary>
    public static Task HoldAsync(CoachDbContext db, int addressId, DateTime until, CancellationToken ct) =>
        db.Addresses
            .Where(a => a.Id == addressId && (a.PacedUntilUtc == null || a.PacedUntilUtc < until))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.PacedUntilUtc, until), ct);

    /// <summary>
    /// Gives the due rows a batch did not take because their conversation is paced the time it is free again, in one
    /// statement: the outbox shows when each will go, and the next run's clock need not guess.
    /// </summary>
    public static Task<int> RescheduleHeldAsync(CoachDbContext db, string[] transports, DateTime now, CancellationToken ct) =>
        db.Outbox
            .Where(o => transports.Contains(o.Transport) && o.Status == OutboxStatus.Pending && o.DueUtc <= now
                && db.Addresses.Any(a => a.Id == o.AddressId && a.PacedUntilUtc > now))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.DueUtc,
                o => db.Addresses.Where(a => a.Id == o.AddressId).Select(a => a.PacedUntilUtc!.Value).First()), ct);
}
