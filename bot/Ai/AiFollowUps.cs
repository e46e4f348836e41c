using System.Collections.Concurrent;
using AccountCoachBot.Conversation;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using AccountCoachBot.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Ai;

/// <summary>What a follow-up works with: a fresh scope, and the person and conversation reloaded in it.</summary>
public sealed record FollowUpContext(IServiceProvider Services, CoachDbContext Db, Person Person, ConversationAddress Address, DateTime NowUtc);

/// <summary>
/// Model work off the request path. A turn answers at once ("One moment…") and hands the slow part here; the answer
/// follows as a message of its own through the channel's sender, the one the outbox uses. Whatever the model does,
/// the work returns replies (its offline answer when the model failed), so nobody is left without one.
/// </summary>
public sealed class AiFollowUps(IServiceScopeFactory scopes, IEnumerable<INudgeSender> senders, TimeProvider time, ILogger<AiFollowUps> logger)
{
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private readonly Dictionary<string, INudgeSender> _senders = senders.GroupBy(s => s.Transport).ToDictionary(g => g.Key, g => g.Last());
    private readonly CancellationTokenSource _stopping = new();

    public void Start(int personId, int addressId, string what, Func<FollowUpContext, CancellationToken, Task<IReadOnlyList<Reply>>> work)
    {
        var task = Task.Run(() => RunAsync(personId, addressId, what, work, _stopping.Token));
        _running.TryAdd(task, 0);
        task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
    }

    /// <summary>Completes when every follow-up started so far has sent its answer (tests, and a graceful stop).</summary>
    public async Task WhenIdleAsync()
    {
        while (!_running.IsEmpty) await Task.WhenAll(_running.Keys.ToList());
    }

    public void Stop() => _stopping.Cancel();

    private async Task RunAsync(int personId, int addressId, string what, Func<FollowUpContext, CancellationToken, Task<IReadOnlyList<Reply>>> work, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
            var person = await db.People.SingleAsync(p => p.Id == personId, ct);
            var address = await db.Addresses.SingleAsync(a => a.Id == addressId, ct);
            var replies = await work(new FollowUpContext(scope.ServiceProvider, db, person, address, time.GetUtcNow().UtcDateTime), ct);
            await db.SaveChangesAsync(ct);
            if (!_senders.TryGetValue(address.Transport, out var sender))
            {
                logger.LogWarning("No sender for {Transport}: the {What} follow-up was not delivered", address.Transport, what);
                return;
            }
            foreach (var reply in replies)
            {
                var result = await sender.SendAsync(address, reply, ct);
                if (result.Outcome != SendOutcome.Sent)
                    logger.LogWarning("The {What} follow-up was not delivered: {Outcome} {Error}", what, result.Outcome, result.Error);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "The {What} follow-up failed", what);
        }
    }
}

/// <summary>On shutdown: no new model work starts, and what runs is given the host's grace period to send its answer.</summary>
internal sealed class AiFollowUpsShutdown(AiFollowUps followUps) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await followUps.WhenIdleAsync().WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            followUps.Stop();
        }
    }
}

