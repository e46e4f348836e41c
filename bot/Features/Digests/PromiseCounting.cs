using System.Linq.Expressions;
using AccountCoachBot.Data;
using AccountCoachBot.Features.Promises;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.Digests;

/// <summary>
/// The trend's promise figures (<see cref="PromiseOutcomes"/>) counted mostly in the database, so that a team's
/// tens of thousands of promises are never read one by one. It rests on what a promise's deadlines are: each move
/// leaves the due time it moved away from (its <c>OldDueUtc</c>: <see cref="MovePromiseHandler"/> records the due
/// time the promise had) and the last deadline is the due time it has now. So in each period:
/// <list type="bullet">
/// <item>a promise whose due time now falls in it counts by its status — its current deadline is its last one there,
/// moved or not: counted in SQL, grouped by owner, period and status;</item>
/// <item>a promise with a move away from a due time in it, and whose due time now is elsewhere, counts by the last
/// such move (by time, then the history's order): those moves are read, through the index on (Kind, OldDueUtc);</item>
/// <item>"made" counts promises by their creation time, in SQL.</item>
/// </list>
/// The periods' bounding instants come from C# (<see cref="DigestPeriod"/>: time zones stay here). The tests check
/// this against the row-by-row definition (<see cref="PromiseOutcomes.CountEach"/>) at every boundary.
/// </summary>
internal static class PromiseCounting
{
    private static readonly PromiseStatus[] AnyStatus = Enum.GetValues<PromiseStatus>();

    /// <summary>Each owner's counts in each of <paramref name="periods"/> (back to back, oldest first); owners with none are absent.</summary>
    public static async Task<Dictionary<int, PromiseCounts[]>> CountAsync(DigestReaders reads, List<int> ids, IReadOnlyList<DigestPeriod> periods,
        DateTime nowUtc, CancellationToken ct)
    {
        var n = periods.Count;
        var bounds = new Bounds(periods.Select(p => p.StartUtc).Append(periods[^1].EndUtc).ToArray());
        var since = bounds.At[0];
        var end = bounds.At[n];

        // Three reads side by side (DigestReaders): what was made, what is due, the moves away from a due time.
        var madeRead = reads.RunAsync(db => db.Promises.AsNoTracking()
            .Where(p => ids.Contains(p.OwnerId) && p.CreatedUtc >= since && p.CreatedUtc < end)
            .GroupBy(bounds.Keyed((Promise p) => new { p.OwnerId, Period = Period(p.CreatedUtc) }))
            .Select(g => new { g.Key.OwnerId, g.Key.Period, Count = g.Count() })
            .ToListAsync(ct), ct);
        // Every status, so that the (OwnerId, Status, DueUtc) index reads a range of due times per owner and status.
        var dueRead = reads.RunAsync(db => db.Promises.AsNoTracking()
            .Where(p => ids.Contains(p.OwnerId) && AnyStatus.Contains(p.Status) && p.DueUtc >= since && p.DueUtc < end)
            .GroupBy(bounds.Keyed((Promise p) => new { p.OwnerId, p.Status, Period = Period(p.DueUtc) }))
            .Select(g => new
            {
                g.Key.OwnerId, g.Key.Status, g.Key.Period, Count = g.Count(),
                Late = g.Count(p => p.ClosedUtc > p.DueUtc), Past = g.Count(p => p.DueUtc < nowUtc),
            })
            .ToListAsync(ct), ct);
        var movesRead = reads.RunAsync(db => MovesAsync(db, ids, since, end, ct), ct);
        await Task.WhenAll(madeRead, dueRead, movesRead);

        var counts = new Dictionary<int, int[,]>();
        int[,] Of(int owner) => counts.TryGetValue(owner, out var c) ? c : counts[owner] = new int[n, 9];
        foreach (var m in madeRead.Result) Of(m.OwnerId)[m.Period, 0] += m.Count;
        foreach (var d in dueRead.Result)
        {
            var c = Of(d.OwnerId);
            c[d.Period, 1] += d.Count;
            switch (d.Status)
            {
                case PromiseStatus.Done:
                    c[d.Period, Column(PromiseOutcome.KeptOnTime)] += d.Count - d.Late;
                    c[d.Period, Column(PromiseOutcome.KeptLate)] += d.Late;
                    break;
                case PromiseStatus.Cancelled:
                    c[d.Period, Column(PromiseOutcome.Cancelled)] += d.Count;
                    break;
                default:
                    c[d.Period, Column(PromiseOutcome.StillOpen)] += d.Past;
                    c[d.Period, Column(PromiseOutcome.NotYetDue)] += d.Count - d.Past;
                    break;
            }
        }

        foreach (var move in LastMoveEach(movesRead.Result, periods))
        {
            var c = Of(move.OwnerId);
            c[move.Period, 1]++;
            c[move.Period, Column(move.AtUtc <= move.OldDueUtc ? PromiseOutcome.MovedBeforeDue : PromiseOutcome.MovedAfterDue)]++;
        }

        return counts.ToDictionary(c => c.Key, c => Enumerable.Range(0, n).Select(p => new PromiseCounts(c.Value[p, 0], c.Value[p, 1], c.Value[p, 2],
            c.Value[p, 3], c.Value[p, 4], c.Value[p, 5], c.Value[p, 6], c.Value[p, 7], c.Value[p, 8])).ToArray());
    }

    /// <summary>A move away from a due time in the trend, with its promise's owner and due time now.</summary>
    internal readonly record struct Move(int PromiseId, int OwnerId, DateTime DueUtc, DateTime AtUtc, DateTime OldDueUtc, int EventId, int Period = 0);

    /// <summary>
    /// The team's moves away from a due time in [<paramref name="since"/>, <paramref name="end"/>). Only of promises due
    /// since the trend began or made since then, as the row-by-row reads have it (<see cref="DigestReads.PromisesAsync"/>).
    /// </summary>
    private static Task<List<Move>> MovesAsync(CoachDbContext db, List<int> ids, DateTime since, DateTime end, CancellationToken ct) =>
        DigestRows.ReadAsync(db, db.PromiseEvents.AsNoTracking()
                .Where(e => e.Kind == PromiseEventKind.Moved && e.OldDueUtc >= since && e.OldDueUtc < end)
                .Join(db.Promises.Where(p => ids.Contains(p.OwnerId) && (p.DueUtc >= since || p.CreatedUtc >= since)), e => e.PromiseId, p => p.Id,
                    (e, p) => new { e.PromiseId, p.OwnerId, p.DueUtc, e.AtUtc, e.OldDueUtc, e.Id }), 6,
            r => new Move(r.Int(0), r.Int(1), r.Utc(2), r.Utc(3), r.Utc(4), r.Int(5)), ct);

    /// <summary>
    /// Per promise and period, the move that decides the promise's outcome there: the last one (by time, then the
    /// history's order) — unless the promise is due in that period now, when its status decides (counted in SQL).
    /// </summary>
    internal static IEnumerable<Move> LastMoveEach(List<Move> moves, IReadOnlyList<DigestPeriod> periods)
    {
        var last = new Dictionary<(int PromiseId, int Period), Move>();
        foreach (var move in moves)
        {
            if (IndexOf(periods, move.OldDueUtc) is not { } period || IndexOf(periods, move.DueUtc) == period) continue;
            var key = (move.PromiseId, period);
            if (!last.TryGetValue(key, out var kept) || (move.AtUtc, move.EventId).CompareTo((kept.AtUtc, kept.EventId)) > 0)
                last[key] = move with { Period = period };
        }
        return last.Values;
    }

    private static int? IndexOf(IReadOnlyList<DigestPeriod> periods, DateTime utc)
    {
        for (var p = 0; p < periods.Count; p++)
            if (periods[p].Contains(utc)) return p;
        return null;
    }

    private static int Column(PromiseOutcome outcome) => 2 + (int)outcome;

    /// <summary>A marker for <see cref="Bounds.Keyed{TKey}"/>: stands for the period an instant falls in; never called.</summary>
    private static int Period(DateTime utc) => throw new InvalidOperationException("Only inside a query: " + utc);

    /// <summary>
    /// The periods' bounding instants, as query parameters: turns <see cref="Period"/> in a grouping key into
    /// <c>CASE WHEN t &lt; @b1 THEN 0 WHEN t &lt; @b2 THEN 1 … END</c> (the query has already kept t within the bounds).
    /// </summary>
    private sealed class Bounds(DateTime[] at) : ExpressionVisitor
    {
        public DateTime[] At { get; } = at;

        public Expression<Func<T, TKey>> Keyed<T, TKey>(Expression<Func<T, TKey>> key) => (Expression<Func<T, TKey>>)Visit(key);

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.Name != nameof(Period) || node.Method.DeclaringType != typeof(PromiseCounting)) return base.VisitMethodCall(node);
            var utc = Visit(node.Arguments[0]);
            var at = Expression.Property(Expression.Constant(this), nameof(At));
            Expression period = Expression.Constant(At.Length - 2);
            for (var i = At.Length - 3; i >= 0; i--)
                period = Expression.Condition(Expression.LessThan(utc, Expression.ArrayIndex(at, Expression.Constant(i + 1))), Expression.Constant(i), period);
            return period;
        }
    }
}
