using System.Threading.Channels;
using AccountCoachBot.Conversation;
using AccountCoachBot.Data;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Channels.Slack;

/// <summary>Wakes the inbox processor when a request was recorded.</summary>
public sealed class SlackInboxSignal
{
    private readonly Channel<long> _ids = Channel.CreateUnbounded<long>();

    public void Notify(long id) => _ids.Writer.TryWrite(id);

    public ChannelReader<long> Reader => _ids.Reader;
}

/// <summary>
/// Works through recorded Slack requests off the request path. On start it picks up whatever a previous
/// process recorded but did not finish, so an ack followed by a restart loses nothing.
/// </summary>
public sealed class SlackInboxProcessor(IServiceScopeFactory scopes, SlackInboxSignal signal, WriteGate writes, TimeProvider time, ILogger<SlackInboxProcessor> logger) : BackgroundService
{
    private const int MaxAttempts = 5;
    private static readonly TimeSpan Sweep = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await SurviveOutageAsync(ProcessPendingAsync, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            wait.CancelAfter(Sweep);
            try
            {
                var id = await signal.Reader.ReadAsync(wait.Token);
                await SurviveOutageAsync(ct => ProcessAsync(id, ct), stoppingToken);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                await SurviveOutageAsync(ProcessPendingAsync, stoppingToken); // the periodic sweep: retries and anything missed
            }
        }
    }

    /// <summary>The database away for a while must not end the processor (and with it the host): the sweep retries.</summary>
    private async Task SurviveOutageAsync(Func<CancellationToken, Task> work, CancellationToken ct)
    {
        try
        {
            await work(ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && DatabaseOutage.Is(e))
        {
            logger.LogWarning("Slack requests wait for the database: {Error}", e.Message);
        }
    }

    /// <summary>Handled requests are kept a week (for diagnosing), then dropped: they hold people's words.</summary>
    private static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    private async Task ProcessPendingAsync(CancellationToken ct)
    {
        List<long> ids;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
            var cutoff = time.GetUtcNow().UtcDateTime - Retention;
            await db.SlackInbox.Where(i => i.Status != InboxStatus.Pending && i.ReceivedUtc < cutoff).ExecuteDeleteAsync(ct);
            ids = await db.SlackInbox.Where(i => i.Status == InboxStatus.Pending && i.Attempts < MaxAttempts)
                .OrderBy(i => i.Id).Select(i => i.Id).Take(200).ToListAsync(ct);
        }
        foreach (var id in ids) await ProcessAsync(id, ct);
    }

    public async Task ProcessAsync(long id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
        int claimed;
        // Its writes queue with the turns' (WriteGate) rather than sleeping in SQLite's busy handler.
        await using (await writes.EnterAsync(db, ct))
            claimed = await db.SlackInbox.Where(i => i.Id == id && i.Status == InboxStatus.Pending && i.Attempts < MaxAttempts)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Attempts, i => i.Attempts + 1), ct);
        if (claimed == 0) return;
        var item = await db.SlackInbox.SingleAsync(i => i.Id == id, ct);

        try
        {
            await using (var work = scopes.CreateAsyncScope())
                await work.ServiceProvider.GetRequiredService<SlackTurnRunner>().RunAsync(item, ct);
            item.Status = InboxStatus.Done;
            // Only the key is needed from now on (to spot Slack's retries); what the person typed may hold a secret,
            // such as a calendar's private address, and is not kept once handled.
            item.PayloadJson = "{}";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Slack request {Key} failed (attempt {Attempt})", item.Key, item.Attempts);
            item.LastError = e.GetType().Name;
            if (item.Attempts >= MaxAttempts) item.Status = InboxStatus.Failed;
        }
        item.ProcessedUtc = time.GetUtcNow().UtcDateTime;
        await using (await writes.EnterAsync(db, ct))
            await db.SaveChangesAsync(ct);
    }
}
