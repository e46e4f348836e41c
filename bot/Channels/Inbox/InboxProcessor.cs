using System.Collections.Concurrent;
using System.Diagnostics;
using AccountCoachBot.Data;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Channels.Inbox;

/// <summary>
/// Works through recorded requests off the request path: each conversation's one after another in arrival order,
/// different conversations side by side. On start, and every half minute, it also takes what no live instance holds:
/// rows a dead or restarted instance recorded or claimed but did not finish, and retries. While it lives it renews its
/// claims, so a claim lasts as long as its turn however long that is, and a dead instance's lapses within seconds.
/// </summary>
public sealed class InboxProcessor(
    IServiceScopeFactory scopes, InboxSignal signal, InboxWriter writer, InboxArrivals arrivals, WriteGate writes, TimeProvider time,
    ILogger<InboxProcessor> logger)
    : BackgroundService
{
    public const int MaxAttempts = 5;
    /// <summary>
    /// How long a claim holds unless renewed: a dead instance's turn, and the later requests of its conversation behind
    /// it, wait this long (and for the next sweep) before another instance runs them. On SQLite a new process frees a
    /// dead one's claims at once (<see cref="InboxArrivals"/>).
    /// </summary>
    public static readonly TimeSpan ClaimLapse = TimeSpan.FromSeconds(30);
    /// <summary>How often a live instance renews its claims: a third of the lapse, so one late renewal loses nothing.</summary>
    public static readonly TimeSpan RenewEvery = ClaimLapse / 3;
    /// <summary>Handled requests are kept a week (for diagnosing), without what the person wrote.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);
    private static readonly TimeSpan Sweep = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan SweepSoon = TimeSpan.FromSeconds(1);
    public const int SweepBatch = 200;

    private readonly string _instance = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private readonly InboxLanes _lanes = new();
    private readonly TurnSlots _slots = new(writer);
    private readonly HeldClaims _held = new(scopes, writes, time, logger);
    private readonly ConcurrentDictionary<long, TaskCompletionSource> _watched = new();
    private CancellationToken _stopping;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        var renewing = _held.RenewAsync(_instance, stoppingToken);
        var (swept, next) = (Stopwatch.GetTimestamp(), await SweepAsync(stoppingToken) == SweepBatch ? SweepSoon : Sweep);
        while (!stoppingToken.IsCancellationRequested)
        {
            // What a burst signalled is taken as it is, without a timer for each row: under a burst of acks, a timer
            // (and its token source) per recorded request was a share of the allocations, and so of the collections.
            while (signal.Reader.TryRead(out var entry)) Enqueue(entry, claimed: false);
            var left = next - Stopwatch.GetElapsedTime(swept);
            if (left <= TimeSpan.Zero && next == SweepSoon && _lanes.Queued >= SweepBatch)
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
        await renewing;
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
            foreach (var entry in entries)
            {
                if (db.IsPostgres()) _held.Hold(entry.Id);
                Enqueue(entry, claimed: db.IsPostgres());
            }
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

    /// <summary>Queues the row behind the earlier ones of its lane; an idle lane starts running.</summary>
    private void Enqueue(InboxEntry entry, bool claimed)
    {
        if (_lanes.Add(entry, claimed)) _ = Task.Run(() => RunLaneAsync(entry, claimed), CancellationToken.None);
    }

    /// <summary>Runs a lane's rows one after another until its queue is empty; a stopping instance leaves the rest.</summary>
    private async Task RunLaneAsync(InboxEntry entry, bool claimed)
    {
        while (true)
        {
            await RunOneAsync(entry, claimed);
            if (_lanes.Next(entry, _stopping.IsCancellationRequested) is not { } next) return;
            (entry, claimed) = next;
        }
    }

    private async Task RunOneAsync(InboxEntry entry, bool claimed)
    {
        try
        {
            using (await _slots.EnterAsync(_stopping))
                await ProcessAsync(entry, claimed, _stopping);
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
            _held.Hold(entry.Id);
        }
        try
        {
            await RunClaimedAsync(db, entry, ct);
        }
        finally
        {
            _held.Let(entry.Id);
        }
    }

    private async Task RunClaimedAsync(CoachDbContext db, InboxEntry entry, CancellationToken ct)
    {
        var item = await db.Inbox.SingleAsync(i => i.Id == entry.Id, ct);
        // Claimed by a sweep while its lane ran it: that run was the one.
        if (item.Status != InboxStatus.Pending || item.ClaimedBy != _instance) return;

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
