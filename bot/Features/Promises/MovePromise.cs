using AccountCoachBot.Data;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.Promises;

/// <summary>
/// A new due time. <paramref name="Renegotiated"/>: moved with the client (the reason is for them, and counts as a
/// renegotiation); otherwise a date corrected right after capture.
/// </summary>
public sealed record MovePromise(int PromiseId, DateTime NewDueUtc, string? Reason, bool Renegotiated);

public sealed record MovePromiseResult(PromiseChangeResult Change, DateTime OldDueUtc = default);

/// <summary>Moves a promise: the old date's reminders are withdrawn, the new date's planned.</summary>
public sealed class MovePromiseHandler(CoachDbContext db)
{
    public async Task<MovePromiseResult> HandleAsync(PromiseActor actor, MovePromise command, CancellationToken ct)
    {
        var promise = await actor.OwnAsync(db, command.PromiseId, ct);
        if (promise is null) return new(PromiseChangeResult.NotFound);
        if (promise.Status != PromiseStatus.Open) return new(PromiseChangeResult.Closed(promise));
        if (command.NewDueUtc <= actor.NowUtc) return new(new PromiseChangeResult(PromiseChangeStatus.DueInPast, promise));

        var undo = await PromiseUndo.CaptureAsync(db, promise, ct);
        var oldDue = promise.DueUtc;
        await PromiseScheduler.WithdrawAllAsync(db, promise, "moved", ct);
        promise.DueUtc = command.NewDueUtc;
        promise.OnTrack = false;
        promise.TimeZoneId = actor.Person.TimeZoneId;
        var moved = new PromiseEvent
        {
            Kind = command.Renegotiated ? PromiseEventKind.Moved : PromiseEventKind.Edited,
            AtUtc = actor.NowUtc, OldDueUtc = oldDue, NewDueUtc = command.NewDueUtc, Reason = command.Reason,
        };
        promise.History.Add(moved);
        await db.SaveChangesAsync(ct);
        var address = await db.Addresses.FirstOrDefaultAsync(a => a.Id == promise.AddressId, ct) ?? actor.Address;
        await PromiseScheduler.PlanAsync(db, promise, actor.Person, address, actor.NowUtc, ct);
        var entry = await PromiseUndo.RecordAsync(db, undo, promise, PromiseUndo.Moved, actor, moved, ct);
        return new(new PromiseChangeResult(PromiseChangeStatus.Changed, promise, entry), oldDue);
    }
}
