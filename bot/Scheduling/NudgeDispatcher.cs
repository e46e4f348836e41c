using AccountCoachBot.Data;
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
            await PlanAsync(planner, ct);
        return await DispatchDueAsync(ct);
    }

    /// <summary>
    /// One planner failing (a row it cannot read, a bug) must not hold back what the others plan, or what is due
    /// already: it is logged, counted, and runs again on the next run.
    /// </summary>
    private async Task PlanAsync(INudgePlanner planner, CancellationToken ct)
    {
        try
        {
            await planner.PlanAsync(ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            var name = planner.GetType().Name;
            logger.LogError(e, "Planner {Planner} failed; the other planners and the dispatch go on, and it runs again next time", name);
            metrics?.PlanningFailed(name);
        }
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
            var (batch, last) = await DispatchBatchAsync(seen, ct);
            sent += batch;
            if (last) break;
        }
        return sent;
    }

    private bool Paced => options.Value.MinIntervalPerConversation > TimeSpan.Zero;

    /// <summary>One batch; <c>Last</c>: the run ends with it.</summary>
    private async Task<(int Sent, bool Last)> DispatchBatchAsync(HashSet<long> seen, CancellationToken ct)
    {
        var transports = _senders.Keys.ToArray();
        var now = time.GetUtcNow().UtcDateTime;
        var claim = new OutboxClaim(transports, now, now + options.Value.ClaimTimeout, _instance, options.Value.BatchSize, Paced,
            options.Value.BudgetWait);

        // One scope and context for the whole batch: one UPDATE claims it (rows another instance holds are skipped, not
        // waited for), and what the rows need (people, addresses, vacations) is read once for all of them.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
        // One connection for the batch's statements, closed with the scope. EF Core would open it around each one (9 times
        // for a batch of three): a round of the pool each, and on SQLite four pragmas and the provider's functions again.
        await db.Database.OpenConnectionAsync(ct);
        var ids = await OutboxClaims.ClaimBatchAsync(db, claim, ct);
        var fresh = ids.Count(seen.Add);
        var (sent, waited) = ids.Count == 0 ? (0, false)
            : await new DispatchBatch(db, scope.ServiceProvider, _senders, _instance, time, options.Value, logger, metrics).SendAsync(ids, ct);
        // A short batch was the last, unless its budgets cut it short (the claim takes what they can send within the wait)
        // and it waited for them: they have room again, for what they held back. One with nothing new (a row that stayed
        // due) must not spin.
        var last = fresh == 0 || (ids.Count < options.Value.BatchSize && !waited);
        // Paced batches leave a busy conversation's later rows alone; they get the time it is free, as a deferral would.
        // Once a run, on the last batch's connection.
        if (last && Paced) await ConversationPacing.RescheduleHeldAsync(db, transports, time.GetUtcNow().UtcDateTime, ct);
        return (sent, last);
    }
}
