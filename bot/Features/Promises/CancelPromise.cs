using AccountCoachBot.Data;

namespace AccountCoachBot.Features.Promises;

public sealed record CancelPromise(int PromiseId, string Reason);

/// <summary>Closes a promise that will not be kept, with the reason; its reminders are withdrawn.</summary>
public sealed class CancelPromiseHandler(CoachDbContext db)
{
    public async Task<PromiseChangeResult> HandleAsync(PromiseActor actor, CancelPromise command, CancellationToken ct)
    {
        var promise = await actor.OwnAsync(db, command.PromiseId, ct);
        if (promise is null) return PromiseChangeResult.NotFound;
        if (promise.Status != PromiseStatus.Open) return PromiseChangeResult.Closed(promise);

        var undo = await PromiseUndo.CaptureAsync(db, promise, ct);
        promise.Status = PromiseStatus.Cancelled;
        promise.ClosedUtc = actor.NowUtc;
        var cancelled = new PromiseEvent { Kind = PromiseEventKind.Cancelled, AtUtc = actor.NowUtc, Reason = command.Reason };
        promise.History.Add(cancelled);
        await PromiseScheduler.WithdrawAllAsync(db, promise, "cancelled", ct);
        var entry = await PromiseUndo.RecordAsync(db, undo, promise, PromiseUndo.Cancelled, actor, cancelled, ct);
        return new PromiseChangeResult(PromiseChangeStatus.Changed, promise, entry);
    }
}
