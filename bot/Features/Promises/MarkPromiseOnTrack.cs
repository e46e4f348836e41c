using AccountCoachBot.Data;

namespace AccountCoachBot.Features.Promises;

public sealed record MarkPromiseOnTrack(int PromiseId);

/// <summary>"On track": no more reminders before the due time; the one at the due time stays.</summary>
public sealed class MarkPromiseOnTrackHandler(CoachDbContext db)
{
    public async Task<PromiseChangeResult> HandleAsync(PromiseActor actor, MarkPromiseOnTrack command, CancellationToken ct)
    {
        var promise = await actor.OwnAsync(db, command.PromiseId, ct);
        if (promise is null) return PromiseChangeResult.NotFound;
        if (promise.Status != PromiseStatus.Open) return PromiseChangeResult.Closed(promise);

        promise.OnTrack = true;
        promise.History.Add(new PromiseEvent { Kind = PromiseEventKind.OnTrack, AtUtc = actor.NowUtc });
        await PromiseScheduler.WithdrawEarlyAsync(db, promise, "on track", ct);
        return new PromiseChangeResult(PromiseChangeStatus.Changed, promise);
    }
}
