namespace AccountCoachBot.Channels.Inbox;

/// <summary>
/// The rows waiting behind the one running, lane by lane (a lane is a conversation): a row is queued once however often
/// it is found, and a lane is here while something runs it. Ids in a queue, not a chain of tasks or an object per row:
/// a burst leaves tens of thousands waiting, and every object among them survived each collection of the burst, which
/// copied them and paused the acks the longer (measured: bench/JOURNAL.md).
/// </summary>
public sealed class InboxLanes
{
    private readonly Dictionary<string, Queue<(long Id, bool Claimed)>> _lanes = new();
    private readonly HashSet<long> _queued = new(); // under the lock of _lanes

    /// <summary>How many rows are queued or running.</summary>
    public int Queued
    {
        get
        {
            lock (_lanes) return _queued.Count;
        }
    }

    /// <summary>
    /// Queues the row behind the earlier ones of its lane. True when the lane was idle: the caller runs it now, and asks
    /// <see cref="Next"/> for what follows.
    /// </summary>
    public bool Add(InboxEntry entry, bool claimed)
    {
        lock (_lanes)
        {
            if (!_queued.Add(entry.Id)) return false;
            if (_lanes.TryGetValue(entry.Lane, out var waiting))
            {
                waiting.Enqueue((entry.Id, claimed));
                return false;
            }
            _lanes[entry.Lane] = new Queue<(long, bool)>();
            return true;
        }
    }

    /// <summary>
    /// The lane's next row after <paramref name="done"/>, or null when it is empty, or when <paramref name="stopping"/>:
    /// then what waited stays in the inbox, for the next start.
    /// </summary>
    public (InboxEntry Entry, bool Claimed)? Next(InboxEntry done, bool stopping)
    {
        lock (_lanes)
        {
            _queued.Remove(done.Id);
            var waiting = _lanes[done.Lane];
            if (!stopping && waiting.TryDequeue(out var next)) return (new InboxEntry(next.Id, done.Lane), next.Claimed);
            foreach (var (left, _) in waiting) _queued.Remove(left);
            _lanes.Remove(done.Lane);
            return null;
        }
    }
}
