using AccountCoachBot.Conversation;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using AccountCoachBot.Operations;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Scheduling;

/// <summary>
/// One batch of outbox rows this instance has just claimed, in one scope and one context: the rows, their people,
/// addresses and vacations are read once, the conversations' turns taken in one UPDATE, every row that will not go now
/// (paused, away, off hours, stale, paced, nothing to say) recorded in one save. Then the rest go one by one, each
/// recorded as sent as soon as its platform call succeeded and before the next is sent: an instance killed mid-batch
/// leaves at most the one in flight to be sent again, and the rows it never reached are due again when their claims lapse.
/// A row a platform's shared budget has no room for waits for its turn in the batch, if that comes soon (<see cref="BatchBudgets"/>).
/// </summary>
internal sealed partial class DispatchBatch(
    CoachDbContext db,
    IServiceProvider services,
    IReadOnlyDictionary<string, INudgeSender> senders,
    string instance,
    TimeProvider time,
    DispatcherOptions options,
    ILogger logger,
    CoachMetrics? metrics)
{
    private TimeSpan Interval => options.MinIntervalPerConversation;

    /// <summary>Teams' advice when a 429 names no interval: back off at least 2 s (rate-limit doc, "Handle HTTP 429 responses").</summary>
    private static readonly TimeSpan SharedHoldWithoutRetryAfter = TimeSpan.FromSeconds(2);

    /// <summary>Sends what it can of the claimed rows. <c>Waited</c>: it waited for a budget, so time has passed since its claim.</summary>
    public async Task<(int Sent, bool Waited)> SendAsync(List<long> ids, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var rows = (await db.Outbox.Where(o => ids.Contains(o.Id)).ToListAsync(ct))
            .Where(r => r.Status == OutboxStatus.Sending && r.ClaimedBy == instance)
            .OrderBy(r => r.DueUtc).ThenBy(r => r.Id).ToList();
        var personIds = rows.Select(r => r.PersonId).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct); // read only
        var addressIds = rows.Select(r => r.AddressId).Distinct().ToList();
        var addresses = await db.Addresses.Where(a => addressIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var away = await AwayAsync(people.Values, now, ct);

        var ready = new List<OutboxMessage>();
        foreach (var row in rows)
        {
            if (!people.TryGetValue(row.PersonId, out var person) || !addresses.TryGetValue(row.AddressId, out var address))
                Finish(row, OutboxStatus.Failed, "person or address gone");
            else if (person.Paused)
                Finish(row, OutboxStatus.Skipped, "paused");
            // Away: what came due is dropped, not queued; the day's overdue list or catch-up summary follows the return.
            else if (away.Contains(person.Id))
                Finish(row, OutboxStatus.Skipped, "vacation");
            else if (!WorkingTime.IsWorkingTime(now, person.Zone, person.Hours))
                Defer(row, WorkingTime.NextWorkingInstant(now, person.Zone, person.Hours), "off_hours");
            else if (address.IsStale)
                Finish(row, OutboxStatus.Stale, address.StaleReason ?? "address stale");
            else
                ready.Add(row);
        }

        // The conversations' turns in one UPDATE; a conversation busy elsewhere (another instance) waits until it is free.
        var busy = await ConversationPacing.TakeTurnsAsync(db, ready.Select(r => r.AddressId).Distinct().ToList(), now, Interval, ct);
        var turns = new HashSet<int>();
        var going = new List<(OutboxMessage Row, Reply Reply)>();
        var turned = new List<OutboxMessage>();
        foreach (var row in ready)
        {
            if (busy.TryGetValue(row.AddressId, out var free))
                Defer(row, free, "pacing");
            // One turn per conversation per batch (a paced claim takes one row each anyway).
            else if (Interval > TimeSpan.Zero && !turns.Add(row.AddressId))
                Defer(row, now + Interval, "pacing");
            else
                turned.Add(row);
        }

        var renderers = services.GetServices<INudgeRenderer>().ToList();
        foreach (var renderer in renderers)
            await renderer.PrepareAsync(turned.Where(r => renderer.CanRender(r.Kind)).ToList(), ct);
        foreach (var row in turned)
        {
            using var correlation = Correlation.Nudge(logger, row.Id);
            var renderer = renderers.FirstOrDefault(r => r.CanRender(row.Kind));
            if (renderer is null)
            {
                logger.LogError("No renderer for nudge kind {Kind}", row.Kind);
                Finish(row, OutboxStatus.Failed, "no renderer");
            }
            else if (await renderer.RenderAsync(row, people[row.PersonId], now, ct) is { } reply)
                going.Add((row, reply));
            else
                Finish(row, OutboxStatus.Skipped, "nothing to say");
        }
        // Everything that will not go now, and whatever the renderers changed, in one save before anything is sent.
        await db.SaveChangesAsync(ct);

        // Rows a shared budget refused wait here for their turns, soonest first, while the claims leave time to.
        var budgets = new BatchBudgets(db, now + options.BudgetWait);
        var waiting = new PriorityQueue<(OutboxMessage Row, Reply Reply), DateTime>();
        var sent = 0;
        var waited = false;
        foreach (var (row, reply) in going)
            await SendAsync(row, reply);
        while (waiting.TryDequeue(out var next, out var turn))
        {
            var wait = turn - time.GetUtcNow().UtcDateTime;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, ct);
                waited = true;
            }
            await SendAsync(next.Row, next.Reply);
        }
        // The deferrals since the last write; a batch cut short leaves them claimed, and due again when the claims lapse.
        await db.SaveChangesAsync(ct);
        return (sent, waited);

        async Task SendAsync(OutboxMessage row, Reply reply)
        {
            ct.ThrowIfCancellationRequested();
            using var correlation = Correlation.Nudge(logger, row.Id);
            var (wasSent, waitUntil) = await SendOneAsync(row, addresses[row.AddressId], reply, now + Interval, budgets, ct);
            if (wasSent) sent++;
            if (waitUntil is { } at) waiting.Enqueue((row, reply), at);
        }
    }

    private async Task<HashSet<int>> AwayAsync(IEnumerable<Person> people, DateTime now, CancellationToken ct)
    {
        var days = people.ToDictionary(p => p.Id, p => DateOnly.FromDateTime(TimeZones.ToLocal(now, p.Zone)));
        var away = new HashSet<int>();
        foreach (var availability in services.GetServices<IAvailability>())
            away.UnionWith(await availability.AwayAsync(db, days, ct));
        return away;
    }

    /// <summary>Sends one row, or records why not. <c>WaitUntil</c>: a shared budget gave it a turn later in this batch.</summary>
    private async Task<(bool Sent, DateTime? WaitUntil)> SendOneAsync(OutboxMessage row, ConversationAddress address, Reply reply, DateTime turnUntil,
        BatchBudgets budgets, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // A claim that lapsed while this batch worked through its rows may be another instance's by now: not ours to send.
        if (row.ClaimedUntilUtc <= now)
        {
            db.Entry(row).State = EntityState.Detached;
            return (false, null);
        }

        // An earlier row of this batch found the conversation gone.
        if (address.IsStale)
        {
            Finish(row, OutboxStatus.Stale, address.StaleReason ?? "address stale");
            await db.SaveChangesAsync(ct);
            return (false, null);
        }

        // The conversation's turn first, then the platform's shared budgets, taken just before the call they pay for.
        // Deferrals are saved with the batch's next write (each send is recorded at once; these need not be).
        var sender = senders[row.Transport];
        var sharedLimits = sender.SharedLimitsOf(address);
        // The claims limit a batch by the widest budget, read off the address (saved with the batch's next write).
        address.BudgetKey = sharedLimits.Count > 0 ? sharedLimits[0].Key : null;
        if (await budgets.TakeAsync(sharedLimits, now, ct) is { } refusal)
        {
            if (refusal.Wait) return (false, refusal.At);
            Defer(row, refusal.At, "shared_limit");
            return (false, null);
        }

        // The turn was taken when the batch began; the rows before this one may have outlasted it.
        if (await ConversationPacing.RenewTurnAsync(db, address.Id, turnUntil, now, Interval, ct) is { } paced)
        {
            Defer(row, paced, "pacing");
            return (false, null);
        }

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
                await RecordSentAsync(row, address, time.GetUtcNow().UtcDateTime, ct);
                return (true, null);
            case SendOutcome.Stale:
                address.IsStale = true;
                address.StaleReason = result.Error;
                logger.LogWarning("Address {AddressId} is stale: {Reason}", address.Id, result.Error);
                Finish(row, OutboxStatus.Stale, result.Error);
                break;
            case SendOutcome.Failed:
                Finish(row, OutboxStatus.Failed, result.Error);
                break;
            default:
                // A platform's wait counts from its answer, which a slow call makes later than the send began.
                var answered = time.GetUtcNow().UtcDateTime;
                // The conversation's other nudges wait for the quiet the platform asked for, and a refused call spends
                // the conversation's pace as a sent one does (platforms count calls); the rest go on.
                var quiet = result.RetryAfter is { } retryAfter && retryAfter > Interval ? retryAfter : Interval;
                if (quiet > TimeSpan.Zero)
                    await ConversationPacing.HoldAsync(db, address.Id, answered + quiet, ct);
                // A 429 does not say which limit it was (the thread's or the app's), so the shared ones wait as well.
                if (result.Throttled)
                    foreach (var shared in sharedLimits)
                        await SharedBudget.HoldAsync(db, shared, answered + (result.RetryAfter ?? SharedHoldWithoutRetryAfter), ct);
                if (row.Attempts >= options.MaxAttempts)
                {
                    Finish(row, OutboxStatus.Failed, result.Error);
                    break;
                }
                row.Status = OutboxStatus.Pending;
                row.LastError = result.Error;
                row.DueUtc = answered + (result.RetryAfter ?? Backoff(options.RetryBackoff, row.Attempts));
                await db.SaveChangesAsync(ct);
                metrics?.NudgeDeferred(row.Transport, "retry");
                return (false, null);
        }
        await db.SaveChangesAsync(ct);
        return (false, null);
    }

    /// <summary>The first wait (30 s by default), then 1 min, 2 min... capped at an hour, ±20 % so retries from many rows don't arrive together.</summary>
    private static TimeSpan Backoff(TimeSpan first, int attempts)
    {
        var seconds = Math.Min(3600, first.TotalSeconds * Math.Pow(2, Math.Max(0, attempts - 1)));
        return TimeSpan.FromSeconds(seconds * (0.8 + 0.4 * Random.Shared.NextDouble()));
    }
}
