using AccountCoachBot.Features.Promises;

namespace AccountCoachBot.Features.Digests;

/// <summary>A promise as the digest reads it: no text, only its owner, account, dates and status.</summary>
public readonly record struct PromiseRow(int Id, int OwnerId, int AccountId, DateTime CreatedUtc, DateTime DueUtc, PromiseStatus Status, DateTime? ClosedUtc);

/// <summary>
/// A change of a promise's due time from its history: a move (with a reason, told to the client) or a correction.
/// <paramref name="EventId"/> orders changes made at the same instant (the history's own order).
/// </summary>
public readonly record struct DueChange(int PromiseId, PromiseEventKind Kind, DateTime AtUtc, DateTime? OldDueUtc, DateTime? NewDueUtc, int EventId = 0);

/// <summary>One due time a promise had, and when it was moved away from it (null for the one it has now).</summary>
public readonly record struct Deadline(DateTime DueUtc, DateTime? MovedAtUtc);

public enum PromiseOutcome
{
    KeptOnTime = 0,
    KeptLate = 1,
    MovedBeforeDue = 2,
    MovedAfterDue = 3,
    Cancelled = 4,
    StillOpen = 5,
    NotYetDue = 6,
}

/// <summary>
/// How a promise's history becomes one outcome in a period.
/// A promise has a chain of deadlines: the due time it was made with, then each one a `move` set (a date correction,
/// `Edited`, replaces the deadline it corrects rather than adding one). It is <b>due in a period</b> when any of its
/// deadlines falls inside it, and counts once, by the <b>last</b> of those deadlines — where it stood when the
/// period's business with it ended:
/// moved away from it at or before that time → moved before due (told in time); after it → moved after due;
/// otherwise it is the deadline it has now: done at or before it → kept on time, done after → kept late,
/// cancelled → cancelled, still open → still open (overdue) once the time has passed, else not yet due.
/// So a promise moved in time from Monday to Wednesday and done on Wednesday is kept on time that week; moved from
/// Friday to next Tuesday it is "moved before due" this week and due again next week.
/// </summary>
public static class PromiseOutcomes
{
    /// <summary>
    /// Each promise's changes, oldest first. Two changes can carry the same instant (made within one tick, or within one
    /// microsecond once PostgreSQL has rounded them, or by a clock that stood still): the history's order decides, never
    /// the order the database happened to return them in — which differs between SQLite and PostgreSQL.
    /// </summary>
    public static Dictionary<int, DueChange[]> ByPromise(IEnumerable<DueChange> changes) =>
        changes.GroupBy(c => c.PromiseId).ToDictionary(g => g.Key, g => g.OrderBy(c => c.AtUtc).ThenBy(c => c.EventId).ToArray());

    /// <summary>The deadlines in order; <paramref name="changes"/> are this promise's, oldest first.</summary>
    public static List<Deadline> Deadlines(in PromiseRow promise, ReadOnlySpan<DueChange> changes)
    {
        var list = new List<Deadline>(changes.Length + 1);
        var current = changes.Length > 0 && changes[0].OldDueUtc is { } first ? first : promise.DueUtc;
        foreach (var change in changes)
        {
            if (change.Kind == PromiseEventKind.Moved) list.Add(new Deadline(current, change.AtUtc));
            if (change.NewDueUtc is { } next) current = next;
        }
        list.Add(new Deadline(promise.DueUtc, null));
        return list;
    }

    /// <summary>The promise's outcome in [<paramref name="startUtc"/>, <paramref name="endUtc"/>), or null when it was not due then.</summary>
    public static PromiseOutcome? In(in PromiseRow promise, List<Deadline> deadlines, DateTime startUtc, DateTime endUtc, DateTime nowUtc)
    {
        for (var i = deadlines.Count - 1; i >= 0; i--)
        {
            var d = deadlines[i];
            if (d.DueUtc < startUtc || d.DueUtc >= endUtc) continue;
            if (d.MovedAtUtc is { } moved) return moved <= d.DueUtc ? PromiseOutcome.MovedBeforeDue : PromiseOutcome.MovedAfterDue;
            return promise.Status switch
            {
                PromiseStatus.Done => promise.ClosedUtc is { } closed && closed > d.DueUtc ? PromiseOutcome.KeptLate : PromiseOutcome.KeptOnTime,
                PromiseStatus.Cancelled => PromiseOutcome.Cancelled,
                _ => d.DueUtc < nowUtc ? PromiseOutcome.StillOpen : PromiseOutcome.NotYetDue,
            };
        }
        return null;
    }

    /// <summary>
    /// Counts in each of several back-to-back periods (oldest first) in one pass: a promise is read only in the periods
    /// its creation and its deadlines fall in.
    /// </summary>
    public static PromiseCounts[] CountEach(IEnumerable<(PromiseRow Row, List<Deadline> Deadlines)> promises, IReadOnlyList<DigestPeriod> periods, DateTime nowUtc)
    {
        var n = periods.Count;
        var counts = new int[n, 9];
        Span<bool> touched = stackalloc bool[n];
        foreach (var (row, deadlines) in promises)
        {
            if (IndexOf(periods, row.CreatedUtc) is { } made) counts[made, 0]++;
            touched.Clear();
            foreach (var d in deadlines)
                if (IndexOf(periods, d.DueUtc) is { } at) touched[at] = true;
            for (var p = 0; p < n; p++)
            {
                if (!touched[p] || In(row, deadlines, periods[p].StartUtc, periods[p].EndUtc, nowUtc) is not { } outcome) continue;
                counts[p, 1]++;
                counts[p, 2 + (int)outcome]++;
            }
        }
        var result = new PromiseCounts[n];
        for (var p = 0; p < n; p++)
            result[p] = new PromiseCounts(counts[p, 0], counts[p, 1], counts[p, 2], counts[p, 3], counts[p, 4], counts[p, 5], counts[p, 6], counts[p, 7], counts[p, 8]);
        return result;
    }

    private static int? IndexOf(IReadOnlyList<DigestPeriod> periods, DateTime utc)
    {
        if (utc < periods[0].StartUtc || utc >= periods[^1].EndUtc) return null;
        for (var p = periods.Count - 1; p >= 0; p--)
            if (utc >= periods[p].StartUtc) return utc < periods[p].EndUtc ? p : null;
        return null;
    }
}
