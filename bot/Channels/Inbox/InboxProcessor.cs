using System.Collections.Concurrent;
using System.Diagnostics;
using AccountCoachBot.Data;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Channels.Inbox;

/// <summary>
/// Works through recorded requests off the request path: each conversation's one after another in arrival order,
/// different conversations side by side. On start, and every half minute, it also takes what no live instance holds:
/// rows a dead or restarted instance recorded or claimed but did not finish, and retries.
/// </summary>
public sealed class InboxProcessor(
    IServiceScopeFactory scopes, InboxSignal signal, InboxWriter writer, InboxArrivals arrivals, WriteGate writes, TimeProvider time,
    ILogger<InboxProcessor> logger)
    : BackgroundService
{
    public const int MaxAttempts = 5;
    /// <summary>How long a claim holds: longer than any turn (model calls, connector retries), short enough to recover soon.</summary>
    public static readonly TimeSpan ClaimLapse = TimeSpan.FromMinutes(2);
    /// <summary>Handled requests are kept a week (for diagnosing), without what the person wrote.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);
    private static readonly TimeSpan Sweep = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan SweepSoon = TimeSpan.FromSeconds(1);
    public const int SweepBatch = 200;
    /// <summary>The longest a turn stands aside for acks under a burst, so that a flood of requests cannot stall it.</summary>
    public static readonly TimeSpan YieldAtMost = TimeSpan.FromMilliseconds(250);
    /// <summary>How long the acks must have been quiet for a turn to start before <see cref="YieldAtMost"/>.</summary>
    public static readonly TimeSpan QuietGap = TimeSpan.FromMilliseconds(5);

    private readonly string _instance = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    // Each lane's rows waiting behind the one running; a lane is here while it has a runner. Ids in a queue, not a chain
    // of tasks or an object per row: a burst leaves tens of thousands waiting, and every object among them survived each
    // collection of the burst, which copied them and paused the acks the longer (measured: bench/README.md).
    private readonly Dictionary<string, Queue<(long Id, bool Claimed)>> _lanes = new();
    private readonly HashSet<long> _queued = new(); // under the lock of _lanes
    private readonly ConcurrentDictionary<long, TaskCompletionSource> _watched = new();
    // Turns of different conversations overlap, a few at a time: they mostly wait on the connector and the model.
    private readonly SemaphoreSlim _turns = new(4);
    // One of them at a time waits for the acks to go quiet, the others behind it: under a burst a turn starts every
    // YieldAtMost, not four, and one timer looks for the quiet, not four.
    private readonly SemaphoreSlim _yielding = new(1);
    private CancellationToken _stopping;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        var (swept, next) = (Stopwatch.GetTimestamp(), await SweepAsync(stoppingToken) == SweepBatch ? SweepSoon : Sweep);
        while (!stoppingToken.IsCancellationRequested)
        {
            // What a burst signalled is taken as it is, without a timer for each row: under a burst of acks, a timer
            // (and its token source) per recorded request was a share of the allocations, and so of the collections.
            while (signal.Reader.TryRead(out var entry)) Enqueue(entry, claimed: false);
            var left = next - Stopwatch.GetElapsedTime(swept);
            if (left <= TimeSpan.Zero && next == SweepSoon && Queued >= SweepBatch)
                (swept, left) = (Stopwatch.GetTimestamp(), SweepSoon); // the last batch is still being run: not yet
            if (left <= TimeSpan.Zero)
            {
                // Retries, and what other instances left behind; on its own time, however busy the requests keep it.
                // A full batch means more wait (a restart after a burst): the next comes soon.
                (swept, next) = (Stopwatch.GetTimestamp(), await SweepAsync(stoppingToken) == SweepBatch ? SweepSoon : Sweep);
                continue;
            }
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            wait.CancelAfter(left);
            try
            {
                await signal.Reader.WaitToReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
            }
        }
    }

    /// <summary>A stopping instance lets go of what it did not finish, so the next one need not wait for the lapse.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
            await using (await writes.EnterAsync(db, cancellationToken))
                await db.Inbox.Where(i => i.ClaimedBy == _instance && i.Status == InboxStatus.Pending)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.ClaimedUntilUtc, (DateTime?)null), cancellationToken);
        }
        catch (Exception e)
        {
            logger.LogWarning("Could not release this instance's inbox claims: {Error}", e.Message);
        }
    }

    /// <summary>
    /// Takes free rows, <see cref="SweepBatch"/> at most: at start, periodically, and in tests after a simulated instance
    /// death. Returns how many it found.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
            var now = time.GetUtcNow().UtcDateTime;
            var claim = new InboxClaim(_instance, now, now + ClaimLapse, MaxAttempts);
            List<InboxEntry> entries;
            await using (await writes.EnterAsync(db, ct))
            {
                var cutoff = now - Retention;
                await db.Inbox.Where(i => i.Status != InboxStatus.Pending && i.ReceivedUtc < cutoff).ExecuteDeleteAsync(ct);
                // Its last attempt died with its instance: given up, so the conversation's later requests can go on.
                await db.Inbox.Where(i => i.Status == InboxStatus.Pending && i.Attempts >= MaxAttempts && (i.ClaimedUntilUtc == null || i.ClaimedUntilUtc < now))
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InboxStatus.Failed).SetProperty(i => i.PayloadJson, "{}"), ct);
                await MoveArrivalsAsync(db, upTo: null, ct);
                entries = db.IsPostgres()
                    ? await InboxClaims.ClaimBatchAsync(db, claim, SweepBatch, ct)
                    : await InboxClaims.CandidatesAsync(db, claim, SweepBatch, ct);
            }
            foreach (var entry in entries) Enqueue(entry, claimed: db.IsPostgres());
            return entries.Count;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Inbox sweep failed");
            return 0;
        }
    }

    /// <summary>Completes once an attempt at the row ended (handled, or failed and left for a retry).</summary>
    public async Task WhenAttemptedAsync(long id, CancellationToken ct)
    {
        var watch = _watched.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
            // The arrivals first: a request only ever leaves them, for the inbox or (a retry) for nowhere.
            if (!arrivals.Holds(id))
            {
                var row = await db.Inbox.Where(i => i.Id == id).Select(i => new { i.ProcessedUtc }).SingleOrDefaultAsync(ct);
                if (row is null || row.ProcessedUtc is not null) watch.TrySetResult(); // dropped as a retry, or attempted
            }
        }
        try
        {
            await watch.Task.WaitAsync(ct);
        }
        finally
        {
            _watched.TryRemove(id, out _);
        }
    }

    private int Queued
    {
        get
        {
            lock (_lanes) return _queued.Count;
        }
    }

    /// <summary>Queues the row behind the earlier ones of its lane (once, however often it is found).</summary>
    private void Enqueue(InboxEntry entry, bool claimed)
    {
        lock (_lanes)
        {
            if (!_queued.Add(entry.Id)) return;
            if (_lanes.TryGetValue(entry.Lane, out var waiting))
            {
                waiting.Enqueue((entry.Id, claimed));
                return;
            }
            _lanes[entry.Lane] = new Queue<(long, bool)>();
        }
        _ = Task.Run(() => RunLaneAsync(entry, claimed), CancellationToken.None);
    }

    /// <summary>Runs a lane's rows one after another until its queue is empty; a stopping instance leaves the rest.</summary>
    private async Task RunLaneAsync(InboxEntry entry, bool claimed)
    {
        while (true)
        {
            await RunOneAsync(entry, claimed);
            lock (_lanes)
            {
                _queued.Remove(entry.Id);
                var waiting = _lanes[entry.Lane];
                if (_stopping.IsCancellationRequested || !waiting.TryDequeue(out var next))
                {
                    foreach (var (left, _) in waiting) _queued.Remove(left); // still in the inbox, for the next start
                    _lanes.Remove(entry.Lane);
                    return;
                }
                (entry, claimed) = (new InboxEntry(next.Id, entry.Lane), next.Claimed);
            }
        }
    }

    private async Task RunOneAsync(InboxEntry entry, bool claimed)
    {
        try
        {
            await _turns.WaitAsync(_stopping);
            try
            {
                await _yielding.WaitAsync(_stopping);
                try
                {
                    await YieldToAcksAsync();
                }
                finally
                {
                    _yielding.Release();
                }
                await ProcessAsync(entry, claimed, _stopping);
            }
            finally
            {
                _turns.Release();
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Inbox row {Id} could not be processed", entry.Id);
        }
    }

    /// <summary>
    /// Profiled under a burst, the turns running beside the acks took the cores and the write lock the acks needed. An
    /// ack is what the platform waits for (Slack gives up after 3 s and sends again); a turn's reply can come a moment
    /// later. So a turn starts once the acks have been quiet for <see cref="QuietGap"/>, or after
    /// <see cref="YieldAtMost"/>; a lane's order is kept either way. Measured: a turn that started whenever no request
    /// was waiting at that instant (between two commits of a burst) still ran beside it, and the Slack ack's p99 and
    /// throughput were those of a machine shared with the turns.
    /// </summary>
    /// <remarks>On the real clock: it shares out the cores, and a test's fake clock would hold turns back for good.</remarks>
    private async Task YieldToAcksAsync()
    {
        var started = Stopwatch.GetTimestamp();
        while (!writer.QuietFor(QuietGap))
        {
            var left = YieldAtMost - Stopwatch.GetElapsedTime(started);
            if (left <= TimeSpan.Zero) return;
            await Task.Delay(left < QuietGap ? left : QuietGap, _stopping); // a gap is needed anyway: look again then
        }
    }

    /// <summary>
    /// SQLite: brings the requests recorded up to <paramref name="upTo"/> (this one, and the earlier ones of its
    /// conversation) from <see cref="InboxArrivals"/> into the inbox, inside the write gate. Under a burst a turn moves
    /// the few it is behind; the rest wait for the acks to go quiet, when the turns catch up. No id: the sweep's,
    /// what no turn will move (<see cref="InboxArrivals.OrphanedUpTo"/>).
    /// </summary>
    private async Task<InboxArrivals.Moved> MoveArrivalsAsync(CoachDbContext db, long? upTo, CancellationToken ct)
    {
        if (db.IsPostgres()) return InboxArrivals.Moved.Nothing;
        var moved = upTo is { } last ? await arrivals.MoveAsync(db, last, ct) : await arrivals.MoveOrphansAsync(db, ct);
        foreach (var id in moved.Dropped)
            if (_watched.TryGetValue(id, out var watch)) watch.TrySetResult(); // a retry: no turn will come for it
        return moved;
    }

    private async Task ProcessAsync(InboxEntry entry, bool claimed, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
        if (!claimed)
        {
            var now = time.GetUtcNow().UtcDateTime;
            InboxArrivals.Moved moved;
            try
            {
                // Its writes queue with the turns' (WriteGate) rather than sleeping in SQLite's busy handler.
                await using (await writes.EnterAsync(db, ct))
                {
                    moved = await MoveArrivalsAsync(db, entry.Id, ct);
                    claimed = await InboxClaims.ClaimOneAsync(db, entry.Id, new InboxClaim(_instance, now, now + ClaimLapse, MaxAttempts), ct);
                }
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                // Safe in the arrivals, its turn waits: a later move brings it in (the next request's, or the sweep).
                arrivals.Orphan(entry.Id);
                if (DatabaseOutage.Is(e)) await arrivals.ApologiseAsync(entry.Id, ct);
                throw;
            }
            // Brought in with it: requests whose own turn met the database away, and ran no further then.
            foreach (var brought in moved.Entries) Enqueue(brought, claimed: false);
            // Held by another instance, done already, or behind an earlier request of its conversation that is
            // still running elsewhere: whoever finishes that one takes this one next.
            if (!claimed) return;
        }
        var item = await db.Inbox.SingleAsync(i => i.Id == entry.Id, ct);

        try
        {
            await using (var work = scopes.CreateAsyncScope())
            {
                var handler = work.ServiceProvider.GetServices<IInboxHandler>().FirstOrDefault(h => h.Transport == item.Transport)
                    ?? throw new InvalidOperationException($"No inbox handler for '{item.Transport}'");
                await handler.RunAsync(item, ct);
            }
            item.Status = InboxStatus.Done;
            // Only the key is needed from now on (to spot the platforms' retries); what the person typed may hold a
            // secret, such as a calendar's private address, and is not kept once handled.
            item.PayloadJson = "{}";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Inbox request {Key} failed (attempt {Attempt})", item.Key, item.Attempts);
            item.LastError = e.GetType().Name;
            if (item.Attempts >= MaxAttempts)
            {
                item.Status = InboxStatus.Failed;
                item.PayloadJson = "{}";
            }
        }
        item.ProcessedUtc = time.GetUtcNow().UtcDateTime;
        item.ClaimedUntilUtc = null; // a retry need not wait for the lapse
        await using (await writes.EnterAsync(db, ct))
            await db.SaveChangesAsync(ct);
        if (_watched.TryGetValue(item.Id, out var watch)) watch.TrySetResult();

        // A later request of this conversation may have been recorded by another instance, or found blocked by this one.
        if (item.Status != InboxStatus.Pending && item.ConversationKey is { } conversation
            && await InboxClaims.NextInConversationAsync(db, conversation, item.Id, ct) is { } next)
            Enqueue(next, claimed: false);
    }
}
