using AccountCoachBot.Data;

namespace AccountCoachBot.Features.Promises;

/// <summary>New words for what was promised (the date stays).</summary>
public sealed record EditPromise(int PromiseId, string What);

public sealed class EditPromiseHandler(CoachDbContext db)
{
    public async Task<PromiseChangeResult> HandleAsync(PromiseActor actor, EditPromise command, CancellationToken ct)
    {
        var promise = await actor.OwnAsync(db, command.PromiseId, ct);
        if (promise is null) return PromiseChangeResult.NotFound;
        if (promise.Status != PromiseStatus.Open) return PromiseChangeResult.Closed(promise);

        promise.What = command.What;
        promise.History.Add(new PromiseEvent { Kind = PromiseEventKind.Edited, AtUtc = actor.NowUtc });
        return new PromiseChangeResult(PromiseChangeStatus.Changed, promise);
    }
}
