using AccountCoachBot.Data;

namespace AccountCoachBot.Scheduling;

/// <summary>
/// One batch's dealings with the platforms' shared budgets (<see cref="SharedBudget"/>): it takes a send from each
/// budget a row names, and when one refuses, the row either waits for a turn within this batch (while the batch may
/// still wait: <see cref="DispatcherOptions.WaitForBudget"/>) or gets its place in the budget's line in the database.
/// Waiting lets one run send a backlog at the budget's own rate, however often runs come; a run that only put rows off
/// would send about a budget's burst a run, and claim each row at least twice (bench/JOURNAL.md, "Dispatch at the
/// platforms' limits").
/// </summary>
internal sealed class BatchBudgets(CoachDbContext db, DateTime waitUntil)
{
    /// <summary>The budgets that refused a row of this batch, each with when it said it is free again.</summary>
    private readonly Dictionary<string, DateTime> _freeAt = new(StringComparer.Ordinal);

    /// <summary>The last turn given to a row waiting on each budget: the next waits an interval more, as in its line.</summary>
    private readonly Dictionary<string, DateTime> _lastTurn = new(StringComparer.Ordinal);

    /// <summary>What a refusal means for the row: wait in this batch until <c>At</c>, or be put off until <c>At</c>.</summary>
    public readonly record struct Refusal(bool Wait, DateTime At);

    /// <summary>Takes one send from each of <paramref name="limits"/>, widest first. Null: all took it.</summary>
    public async Task<Refusal?> TakeAsync(IReadOnlyList<SharedRateLimit> limits, DateTime now, CancellationToken ct)
    {
        foreach (var limit in limits)
        {
            // A budget that refused a row a moment ago refuses the next too, until it said it is free.
            if (!(_freeAt.TryGetValue(limit.Key, out var free) && free > now))
            {
                if (await SharedBudget.TakeAsync(db, limit, now, ct) is not { } next) continue;
                _freeAt[limit.Key] = free = next;
            }
            var turn = _lastTurn.TryGetValue(limit.Key, out var last) && last + limit.Interval > free ? last + limit.Interval : free;
            if (turn <= waitUntil)
            {
                _lastTurn[limit.Key] = turn;
                return new Refusal(true, turn);
            }
            return new Refusal(false, await SharedBudget.PlaceInLineAsync(db, limit, free, ct));
        }
        return null;
    }
}
