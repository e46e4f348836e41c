using AccountCoachBot.Data;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Scheduling;

/// <summary>
/// A rate limit many conversations share, kept in the database so that every instance draws on one budget.
/// A token bucket in its one-number form (the "theoretical arrival time" of the cell-rate algorithm): each send moves
/// <see cref="RateBudget.NextTicks"/> one interval on; a send is allowed while it runs no further than the burst ahead of
/// the clock. One conditional UPDATE takes a send, so of two instances racing for the last one only one gets it.
/// </summary>
public static class SharedBudget
{
    /// <summary>Takes one send at <paramref name="now"/>. Returns null when taken, else when the next one is free (reschedule, never wait).</summary>
    public static async Task<DateTime?> TakeAsync(CoachDbContext db, SharedRateLimit limit, DateTime now, CancellationToken ct)
    {
        var nowTicks = now.Ticks;
        var step = limit.Interval.Ticks;
        var tolerance = limit.Tolerance.Ticks;
        var latest = nowTicks + tolerance;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            // Raw SQL: this runs before every nudge, and a LINQ update costs more in building its query than in the call.
            // The rate goes with it, for the claims to read (a changed setting takes effect at the next send).
            var taken = await db.Database.ExecuteSqlAsync($"""
                UPDATE "RateBudgets" SET "NextTicks" = (CASE WHEN "NextTicks" < {nowTicks} THEN {nowTicks} ELSE "NextTicks" END) + {step},
                    "StepTicks" = {step}, "ToleranceTicks" = {tolerance}
                WHERE "Key" = {limit.Key} AND "NextTicks" <= {latest}
                """, ct);
            if (taken == 1) return null;
            var next = await db.Set<RateBudget>().Where(b => b.Key == limit.Key).Select(b => (long?)b.NextTicks).SingleOrDefaultAsync(ct);
            if (next is { } ticks) return new DateTime(Math.Max(nowTicks, ticks - limit.Tolerance.Ticks), DateTimeKind.Utc);
            await EnsureAsync(db, limit, nowTicks, ct);
        }
        return now + limit.Interval;
    }

    /// <summary>Nothing under this budget goes before <paramref name="until"/> (the platform's Retry-After); never shortens a hold.</summary>
    public static async Task HoldAsync(CoachDbContext db, SharedRateLimit limit, DateTime until, CancellationToken ct)
    {
        // Held until then, and empty at then: sends resume at the sustained rate, not in a burst.
        var ticks = until.Ticks + limit.Tolerance.Ticks;
        await EnsureAsync(db, limit, ticks, ct);
        await db.Set<RateBudget>()
            .Where(b => b.Key == limit.Key && b.NextTicks < ticks)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.NextTicks, ticks), ct);
    }

    /// <summary>
    /// Spends one send at <paramref name="now"/> whatever the budget holds (a reply that will go anyway), so what can
    /// wait (nudges) waits for it. Returns the earliest instant the send keeps within the limit: at or before
    /// <paramref name="now"/> when it does; a caller that may wait waits until then (a send of another instance between
    /// the two statements only makes that later, never sooner).
    /// </summary>
    public static async Task<DateTime> SpendAsync(CoachDbContext db, SharedRateLimit limit, DateTime now, CancellationToken ct)
    {
        var nowTicks = now.Ticks;
        var step = limit.Interval.Ticks;
        await EnsureAsync(db, limit, nowTicks, ct);
        await db.Set<RateBudget>()
            .Where(b => b.Key == limit.Key)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.NextTicks, b => (b.NextTicks < nowTicks ? nowTicks : b.NextTicks) + step), ct);
        var next = await db.Set<RateBudget>().Where(b => b.Key == limit.Key).Select(b => b.NextTicks).SingleAsync(ct);
        return new DateTime(Math.Max(0, next - step - limit.Tolerance.Ticks), DateTimeKind.Utc);
    }

    /// <summary>
    /// A place in the line for a send the budget refused, given to the row that waits for it: the first after
    /// <paramref name="free"/>, one interval after the place given before it, across instances (its own row,
    /// <c>&lt;key&gt;:line</c>, taken in one statement). Every refused row put off to the budget's next free instant would
    /// come due with all the others and be refused again, all but one, pass after pass: a backlog of thousands behind a
    /// budget of a few a second cost dozens of updates a nudge.
    /// </summary>
    public static async Task<DateTime> PlaceInLineAsync(CoachDbContext db, SharedRateLimit limit, DateTime free, CancellationToken ct)
    {
        var key = limit.Key + ":line";
        var freeTicks = free.Ticks;
        var step = limit.Interval.Ticks;
        // One statement whether or not the line has its row yet (SQLite and PostgreSQL read the upsert alike).
        var next = await db.Database.SqlQuery<long>($"""
            INSERT INTO "RateBudgets" ("Key", "NextTicks") VALUES ({key}, {freeTicks + step})
            ON CONFLICT ("Key") DO UPDATE SET "NextTicks" =
                (CASE WHEN "RateBudgets"."NextTicks" < {freeTicks} THEN {freeTicks} ELSE "RateBudgets"."NextTicks" END) + {step}
            RETURNING "NextTicks"
            """).ToListAsync(ct);
        return new DateTime(next.Single() - step, DateTimeKind.Utc);
    }

    /// <summary>Until when a hold (<see cref="HoldAsync"/>) keeps this budget's sends back, or null when none does now.</summary>
    public static async Task<DateTime?> HeldUntilAsync(CoachDbContext db, SharedRateLimit limit, DateTime now, CancellationToken ct)
    {
        var next = await db.Set<RateBudget>().Where(b => b.Key == limit.Key).Select(b => (long?)b.NextTicks).SingleOrDefaultAsync(ct);
        return next is { } ticks && ticks - limit.Tolerance.Ticks > now.Ticks ? new DateTime(ticks - limit.Tolerance.Ticks, DateTimeKind.Utc) : null;
    }

    /// <summary>The budget's row, created full when first needed; a row another instance created first is kept.</summary>
    private static Task EnsureAsync(CoachDbContext db, SharedRateLimit limit, long nextTicks, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "RateBudgets" ("Key", "NextTicks", "StepTicks", "ToleranceTicks")
            VALUES ({limit.Key}, {nextTicks}, {limit.Interval.Ticks}, {limit.Tolerance.Ticks}) ON CONFLICT DO NOTHING
            """, ct);
}
