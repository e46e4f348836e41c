using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using AccountCoachBot.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AccountCoachBot.Scheduling;

/// <summary>
/// Claims due outbox rows atomically, asks the owning feature to render them, sends them through the
/// channel and records the outcome. Working hours, pauses, retries and stale addresses are handled here,
/// not in each feature. Only rows for transports this process can deliver are claimed. Several instances may run it on
/// one database: claims (<see cref="OutboxClaims"/>) and pacing (<see cref="ConversationPacing"/>) live in the database.
/// </summary>
public sealed class NudgeDispatcher(
    IServiceScopeFactory scopes,
    IEnumerable<INudgeSender> senders,
    IEnumerable<INudgePlanner> planners,
    TimeProvider time,
    IOptions<DispatcherOptions> options,
    ILogger<NudgeDispatcher> logger,
    CoachMetrics? metrics = null)
{
    private readonly Dictionary<string, INudgeSender> _senders = senders.ToDictionary(s => s.Transport);
    private readonly string _instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Plans what became due, then sends what is due now. Returns how many messages went out.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        foreach (var planner in planners)
            await planner.PlanAsync(ct);
        return await DispatchDueAsync(ct);
    }

    /// <summary>
    /// Sends what is due, batch after batch, until nothing due is left: a backlog bigger than one batch must not wait
    /// for the next run. Rows a batch defers (pace, Retry-After, working hours) get a later due time, so they end it.
    /// </summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct = default)
    {
        if (_senders.Count == 0) return 0;
        var seen = new HashSet<long>();
        var sent = 0;
        while (true)
        {
            var (batch, taken, fresh) = await DispatchBatchAsync(seen, ct);
            sent += batch;
            // A short batch was the last; one with nothing new (a row that stayed due) must not spin.
            if (taken < options.Value.BatchSize || fresh == 0) break;
        }
        if (Paced) await RescheduleHeldAsync(ct);
        return sent;
    }

    private bool Paced => options.Value.MinIntervalPerConversation > TimeSpan.Zero;

    /// <summary>Paced batches leave a busy conversation's later rows alone; they get the time it is free, as a deferral would.</summary>
    private async Task RescheduleHeldAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
        await ConversationPacing.RescheduleHeldAsync(db, _senders.Keys.ToArray(), time.GetUtcNow().UtcDateTime, ct);
    }

    private async Task<(int Sent, int Taken, int Fresh)> DispatchBatchAsync(HashSet<long> seen, CancellationToken ct)
    {
        var transports = _senders.Keys.ToArray();
        var now = time.GetUtcNow().UtcDateTime;
        var claim = new OutboxClaim(transports, now, now + options.Value.ClaimTimeout, _instance, options.Value.BatchSize, Paced);

        // PostgreSQL: one statement claims the batch, rows another instance holds are skipped, not waited for.
        // SQLite has one writer at a time: each due row is claimed just before it is sent.
        bool batchClaimed;
        List<long> ids;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
            batchClaimed = db.IsPostgres();
            ids = batchClaimed ? await OutboxClaims.ClaimBatchAsync(db, claim, ct) : await OutboxClaims.CandidatesAsync(db, claim, ct);
        }
        var fresh = ids.Count(seen.Add);

        var sent = 0;
        foreach (var id in ids)
        {
            ct.ThrowIfCancellationRequested();
            if (!batchClaimed && !await ClaimOneAsync(id, ct)) continue;
            if (await DispatchClaimedAsync(id, ct)) sent++;
        }
        return (sent, ids.Count, fresh);
    }

    private async Task<bool> ClaimOneAsync(long id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var now = time.GetUtcNow().UtcDateTime;
        var claim = new OutboxClaim([], now, now + options.Value.ClaimTimeout, _instance, 1);
        return await OutboxClaims.ClaimOneAsync(scope.ServiceProvider.GetRequiredService<CoachDbContext>(), id, claim, ct);
    }

    /// <summary>Renders and sends one row this instance has claimed, and records the outcome.</summary>
    private async Task<bool> DispatchClaimedAsync(long id, CancellationToken ct)
    {
        using var correlation = Correlation.Nudge(logger, id);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
        var now = time.GetUtcNow().UtcDateTime;

        var row = await db.Outbox.SingleAsync(o => o.Id == id, ct);
        // A claim that lapsed while this run worked through its batch may be another instance's by now: not ours to send.
        if (row.Status != OutboxStatus.Sending || row.ClaimedBy != _instance || row.ClaimedUntilUtc <= now) return false;
        var person = await db.People.SingleAsync(p => p.Id == row.PersonId, ct);

        if (person.Paused)
            return await FinishAsync(db, row, OutboxStatus.Skipped, "paused", ct);

        // Away: what came due is dropped, not queued; the day's overdue list or catch-up summary follows the return.
        var today = DateOnly.FromDateTime(TimeZones.ToLocal(now, person.Zone));
        foreach (var availability in scope.ServiceProvider.GetServices<IAvailability>())
            if (await availability.IsAwayAsync(db, person.Id, today, ct))
                return await FinishAsync(db, row, OutboxStatus.Skipped, "vacation", ct);

        if (!WorkingTime.IsWorkingTime(now, person.Zone, person.Hours))
        {
            row.Status = OutboxStatus.Pending;
            row.DueUtc = WorkingTime.NextWorkingInstant(now, person.Zone, person.Hours);
            row.Attempts--;
            await db.SaveChangesAsync(ct);
            metrics?.NudgeDeferred(row.Transport, "off_hours");
            return false;
        }

        var address = await db.Addresses.SingleAsync(a => a.Id == row.AddressId, ct);
        if (address.IsStale)
            return await FinishAsync(db, row, OutboxStatus.Stale, address.StaleReason ?? "address stale", ct);

        if (await ConversationPacing.TakeTurnAsync(db, address.Id, now, options.Value.MinIntervalPerConversation, ct) is { } next)
            return await DeferAsync(db, row, next, "pacing", ct);

        // The conversation's turn first, then the platform's shared budget: a row the conversation holds back spends none of it.
        var sender = _senders[row.Transport];
        var shared = sender.SharedLimitOf(address);
        if (shared is not null && await SharedBudget.TakeAsync(db, shared, now, ct) is { } free)
            return await DeferAsync(db, row, free, "shared_limit", ct);

        var renderer = scope.ServiceProvider.GetServices<INudgeRenderer>().FirstOrDefault(r => r.CanRender(row.Kind));
        if (renderer is null)
        {
            logger.LogError("No renderer for nudge kind {Kind}", row.Kind);
            return await FinishAsync(db, row, OutboxStatus.Failed, "no renderer", ct);
        }

        var reply = await renderer.RenderAsync(row, person, now, ct);
        if (reply is null)
            return await FinishAsync(db, row, OutboxStatus.Skipped, "nothing to say", ct);
        await db.SaveChangesAsync(ct); // what the renderer changed (e.g. the promise it reminded about)

        SendResult result;
        try
        {
            result = await sender.SendAsync(address, reply, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Sending nudge {Id} failed", row.Id);
            result = new SendResult(SendOutcome.Retry, null, e.GetType().Name);
        }

        switch (result.Outcome)
        {
            case SendOutcome.Sent:
                row.SentUtc = time.GetUtcNow().UtcDateTime;
                await ConversationPacing.SentAsync(db, address.Id, row.SentUtc.Value, options.Value.MinIntervalPerConversation, ct);
                return await FinishAsync(db, row, OutboxStatus.Sent, null, ct);
            case SendOutcome.Stale:
                address.IsStale = true;
                address.StaleReason = result.Error;
                logger.LogWarning("Address {AddressId} is stale: {Reason}", address.Id, result.Error);
                return await FinishAsync(db, row, OutboxStatus.Stale, result.Error, ct);
            case SendOutcome.Failed:
                return await FinishAsync(db, row, OutboxStatus.Failed, result.Error, ct);
            default:
                if (row.Attempts >= options.Value.MaxAttempts)
                    return await FinishAsync(db, row, OutboxStatus.Failed, result.Error, ct);
                row.Status = OutboxStatus.Pending;
                row.LastError = result.Error;
                row.DueUtc = now + (result.RetryAfter ?? Backoff(row.Attempts));
                await db.SaveChangesAsync(ct);
                // The platform asked for quiet in this conversation: its other nudges wait too, the rest go on.
                if (result.RetryAfter is { } quiet)
                    await ConversationPacing.HoldAsync(db, address.Id, now + quiet, ct);
                // A 429 does not say which limit it was (the thread's or the app's), so the shared one waits as well.
                if (result.Throttled && shared is not null)
                    await SharedBudget.HoldAsync(db, shared, now + (result.RetryAfter ?? SharedHoldWithoutRetryAfter), ct);
                metrics?.NudgeDeferred(row.Transport, "retry");
                return false;
        }
    }

    /// <summary>Teams' advice when a 429 names no interval: back off at least 2 s (rate-limit doc, "Handle HTTP 429 responses").</summary>
    private static readonly TimeSpan SharedHoldWithoutRetryAfter = TimeSpan.FromSeconds(2);

    /// <summary>Not now: the row waits until <paramref name="due"/> without spending an attempt.</summary>
    private async Task<bool> DeferAsync(CoachDbContext db, OutboxMessage row, DateTime due, string reason, CancellationToken ct)
    {
        row.Status = OutboxStatus.Pending;
        row.DueUtc = due;
        row.Attempts--;
        await db.SaveChangesAsync(ct);
        metrics?.NudgeDeferred(row.Transport, reason);
        return false;
    }

    private async Task<bool> FinishAsync(CoachDbContext db, OutboxMessage row, OutboxStatus status, string? note, CancellationToken ct)
    {
        row.Status = status;
        row.LastError = note;
        row.ClaimedUntilUtc = null;
        await db.SaveChangesAsync(ct);
        if (status == OutboxStatus.Sent) metrics?.NudgeSent(row.Transport);
        else if (status == OutboxStatus.Failed) metrics?.NudgeFailed(row.Transport, note ?? "failed");
        return status == OutboxStatus.Sent;
    }

    /// <summary>30 s, 1 min, 2 min... capped at an hour, ±20 % so retries from many rows don't arrive together.</summary>
    private static TimeSpan Backoff(int attempts)
    {
        var seconds = Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, attempts - 1)));
        return TimeSpan.FromSeconds(seconds * (0.8 + 0.4 * Random.Shared.NextDouble()));
    }
}
