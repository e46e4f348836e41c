using System.Collections.Concurrent;
using AccountCoachBot.Data;

namespace AccountCoachBot.Channels.Inbox;

/// <summary>
/// The inbox rows an instance has claimed and not yet finished, and their renewal while it lives: a claim then lasts as
/// long as its turn, however long that is (an answer from the model, a platform's retries), while a dead instance's
/// lapses after <see cref="InboxProcessor.ClaimLapse"/>.
/// </summary>
public sealed class HeldClaims(IServiceScopeFactory scopes, WriteGate writes, TimeProvider time, ILogger logger)
{
    private readonly ConcurrentDictionary<long, byte> _ids = new();

    public void Hold(long id) => _ids[id] = 0;

    public void Let(long id) => _ids.TryRemove(id, out _);

    /// <summary>
    /// Extends the claims every <see cref="InboxProcessor.RenewEvery"/> until <paramref name="ct"/> ends. A renewal that
    /// fails (the database away) is tried again at the next tick; the claims lapse only if the failures outlast them.
    /// </summary>
    public async Task RenewAsync(string instance, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(InboxProcessor.RenewEvery, time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                if (_ids.IsEmpty) continue;
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
                    var until = time.GetUtcNow().UtcDateTime + InboxProcessor.ClaimLapse;
                    await using (await writes.EnterAsync(db, ct))
                        await InboxClaims.RenewAsync(db, instance, [.. _ids.Keys], until, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning("Could not renew this instance's inbox claims: {Error}", e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }
}
