using AccountCoachBot.Data;
using AccountCoachBot.Scheduling;

namespace AccountCoachBot.Features.Promises;

public sealed record SnoozePromise(int PromiseId);

public sealed record SnoozePromiseResult(PromiseChangeResult Change, DateTime UntilUtc = default);

/// <summary>Quiet until the next working morning: the early reminders give way to one then.</summary>
public sealed class SnoozePromiseHandler(CoachDbContext db)
{
    public async Task<SnoozePromiseResult> HandleAsync(PromiseActor actor, SnoozePromise command, CancellationToken ct)
    {
        var promise = await actor.OwnAsync(db, command.PromiseId, ct);
        if (promise is null) return new(PromiseChangeResult.NotFound);
        if (promise.Status != PromiseStatus.Open) return new(PromiseChangeResult.Closed(promise));

        var undo = await PromiseUndo.CaptureAsync(db, promise, ct);
        var until = WorkingTime.NextWorkingMorning(actor.NowUtc, actor.Person.Zone, actor.Person.Hours);
        var snoozed = new PromiseEvent { Kind = PromiseEventKind.Snoozed, AtUtc = actor.NowUtc, NewDueUtc = until };
        promise.History.Add(snoozed);
        await PromiseScheduler.SnoozeAsync(db, promise, actor.Person, actor.Address, until, actor.NowUtc, ct);
        var entry = await PromiseUndo.RecordAsync(db, undo, promise, PromiseUndo.Snoozed, actor, snoozed, ct);
        return new(new PromiseChangeResult(PromiseChangeStatus.Changed, promise, entry), until);
    }
}
