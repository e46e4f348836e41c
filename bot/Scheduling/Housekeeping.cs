using AccountCoachBot.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Scheduling;

/// <summary>
/// Drops what only mattered for a while: handled delivery ids and inbox requests (Slack's, Bot Framework's) (redeliveries come within
/// minutes) and finished nudges (their dedupe keys only guard the near future). Hourly, on Hangfire.
/// </summary>
public sealed class Housekeeping(CoachDbContext db, TimeProvider time)
{
    public const string JobId = "housekeeping";
    public static readonly TimeSpan DeliveryRetention = TimeSpan.FromDays(7);
    public static readonly TimeSpan NudgeRetention = TimeSpan.FromDays(90);

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var deliveries = now - DeliveryRetention;
        var nudges = now - NudgeRetention;
        var removed = await db.ProcessedDeliveries.Where(d => d.AtUtc < deliveries).ExecuteDeleteAsync(ct);
        removed += await db.Inbox
            .Where(i => i.Status != Channels.Inbox.InboxStatus.Pending && i.ReceivedUtc < deliveries)
            .ExecuteDeleteAsync(ct);
        removed += await db.Outbox
            .Where(o => o.Status != OutboxStatus.Pending && o.Status != OutboxStatus.Sending && o.DueUtc < nudges)
            .ExecuteDeleteAsync(ct);
        return removed;
    }
}
