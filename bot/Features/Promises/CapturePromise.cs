using AccountCoachBot.Data;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.Promises;

/// <summary>A promise to save: for which client, what, by when. <paramref name="AddAccount"/>: a client never seen before may be added.</summary>
public sealed record CapturePromise(string AccountName, string What, DateTime DueUtc, bool AddAccount, string? Contact = null);

public enum CaptureStatus
{
    Saved = 0,
    DueInPast = 1,

    /// <summary>The client is new and <see cref="CapturePromise.AddAccount"/> was false: ask before adding it.</summary>
    UnknownAccount = 2,
}

public sealed record CaptureResult(CaptureStatus Status, Promise? Promise = null);

/// <summary>Saves a promise and plans its reminders.</summary>
public sealed class CapturePromiseHandler(CoachDbContext db)
{
    public async Task<CaptureResult> HandleAsync(PromiseActor actor, CapturePromise command, CancellationToken ct)
    {
        if (command.DueUtc <= actor.NowUtc) return new CaptureResult(CaptureStatus.DueInPast);
        var account = await ClientAccounts.FindAsync(db, actor.Person.Id, command.AccountName, ct);
        if (account is null)
        {
            if (!command.AddAccount) return new CaptureResult(CaptureStatus.UnknownAccount);
            (account, _) = await ClientAccounts.FindOrAddAsync(db, actor.Person.Id, command.AccountName, actor.NowUtc, ct);
        }

        var promise = new Promise
        {
            OwnerId = actor.Person.Id,
            Account = account,
            What = command.What,
            Contact = command.Contact,
            DueUtc = command.DueUtc,
            TimeZoneId = actor.Person.TimeZoneId,
            AddressId = actor.Address.Id,
            CreatedUtc = actor.NowUtc,
            History = [new PromiseEvent { Kind = PromiseEventKind.Created, AtUtc = actor.NowUtc, NewDueUtc = command.DueUtc }],
        };
        db.Promises.Add(promise);
        await db.SaveChangesAsync(ct);
        await PromiseScheduler.PlanAsync(db, promise, actor.Person, actor.Address, actor.NowUtc, ct);
        return new CaptureResult(CaptureStatus.Saved, promise);
    }
}
