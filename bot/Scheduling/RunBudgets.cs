using AccountCoachBot.Data;

namespace AccountCoachBot.Scheduling;

/// <summary>
/// One dispatcher run's dealings with the platforms' shared budgets (<see cref="SharedBudget"/>): it takes a send from
/// each budget a row names, and when one refuses, the row either waits for a turn in the run (while its batch may still
/// wait: <see cref="DispatcherOptions.WaitForBudget"/>; <see cref="WaitingRoom"/>) or gets its place in the budget's line
/// in the database. The run's batches share the turns, so rows of two batches never wait for the same one.
/// Waiting lets one run send a backlog at the budget's own rate, however often runs come; a run that only put rows off
/// would send about a budget's burst a run, and claim each row at least twice (bench/README.md, "Dispatch at the
/// platforms' limits").
/// </summary>
internal sealed class RunBudgets
{
    /// <summary>The budgets that refused a row of this run, each with when it said it is free again.</summary>
    private readonly Dictionary<string, DateTime> _freeAt = new(StringComparer.Ordinal);

    /// <summary>The last turn given to a row waiting on each budget: the next waits an interval more, as in its line.</summary>
    private readonly Dictionary<string, DateTime> _lastTurn = new(StringComparer.Ordinal);

    /// <summary>What a refusal means for the row: wait in this run until <c>At</c>, or be put off until <c>At</c>.</summary>
    public readonly record struct Refusal(bool Wait, DateTime At);

    /// <summary>
    /// Takes one send from each of <paramref name="limits"/>, widest first. Null: all took it. A refused row may wait
    /// for a turn up to <paramref name="waitUntil"/> (its batch's claims must outlast the wait).
    /// </summary>
    public async Task<Refusal?> TakeAsync(CoachDbContext db, IReadOnlyList<SharedRateLimit> limits, DateTime now, DateTime waitUntil, CancellationToken ct)
    {
        foreach (var limit in limits)
        {
            // A budget that refused a row a moment ago refuses the next too, until it said it is free.
            if (!(_freeAt.TryGetValue(limit.Key, out var free) && free > now))
            {
                if (await SharedBudget.TakeAsync(db, limit, now, ct) is not { } next) continue;
                _freeAt[limit.Key] = free = next;
            }
            var turn = TurnAfter(limit, free);
            if (turn <= waitUntil)
            {
                _lastTurn[limit.Key] = turn;
                return new Refusal(true, turn);
            }
            // In line after the turns given in this run too: the budget knows of no turn before it is taken.
            return new Refusal(false, await SharedBudget.PlaceInLineAsync(db, limit, turn, ct));
        }
        return null;
    }

    /// <summary>The next turn under <paramref name="limit"/>: when it is free, or an interval after the last turn given.</summary>
    private DateTime TurnAfter(SharedRateLimit limit, DateTime free) =>
        _lastTurn.TryGetValue(limit.Key, out var last) && last + limit.Interval > free ? last + limit.Interval : free;
}
