using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.ProactiveCalls;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.Promises;

public sealed record MarkPromiseDone(int PromiseId);

/// <summary>Done, and this week's record for the recognition line: <paramref name="KeptThisWeek"/> of <paramref name="DoneThisWeek"/> on time.</summary>
public sealed record MarkPromiseDoneResult(PromiseChangeResult Change, bool OnTime = false, int KeptThisWeek = 0, int DoneThisWeek = 0);

/// <summary>Closes a promise as kept: withdraws its reminders and counts it as a contact with the client.</summary>
public sealed class MarkPromiseDoneHandler(CoachDbContext db, IEnumerable<IAccountTouchRecorder> touches)
{
    public async Task<MarkPromiseDoneResult> HandleAsync(PromiseActor actor, MarkPromiseDone command, CancellationToken ct)
    {
        var promise = await actor.OwnAsync(db, command.PromiseId, ct);
        if (promise is null) return new(PromiseChangeResult.NotFound);
        if (promise.Status != PromiseStatus.Open) return new(PromiseChangeResult.Closed(promise));

        var now = actor.NowUtc;
        var undo = await PromiseUndo.CaptureAsync(db, promise, ct);
        var contactBefore = await ContactUndo.BeforeAsync(db, promise.AccountId, ct);
        var onTime = now <= promise.DueUtc;
        promise.Status = PromiseStatus.Done;
        promise.ClosedUtc = now;
        var done = new PromiseEvent { Kind = PromiseEventKind.Done, AtUtc = now };
        promise.History.Add(done);
        await PromiseScheduler.WithdrawAllAsync(db, promise, "done", ct);
        // A kept promise is a contact with the client: it moves the account's last-contact date.
        Touch? touch = null;
        foreach (var recorder in touches)
            touch ??= await recorder.RecordAsync(db, promise.AccountId, TouchKind.PromiseDone, now, actor.Person.Id, null, PromiseScheduler.SubjectId(promise), ct);
        var entry = await PromiseUndo.RecordAsync(db, undo, promise, PromiseUndo.Done, actor, done, ct,
            () => touch is null ? null : contactBefore with { TouchId = touch.Id });

        // Recognition right away, in one line: this week's on-time record.
        var weekStartLocal = TimeZones.ToLocal(now, actor.Person.Zone).Date;
        while (weekStartLocal.DayOfWeek != DayOfWeek.Monday) weekStartLocal = weekStartLocal.AddDays(-1);
        var weekStart = TimeZones.ToUtc(weekStartLocal, actor.Person.Zone);
        var doneThisWeek = await db.Promises
            .Where(p => p.OwnerId == actor.Person.Id && p.Status == PromiseStatus.Done && p.ClosedUtc >= weekStart)
            .Select(p => new { p.ClosedUtc, p.DueUtc }).ToListAsync(ct);
        var kept = doneThisWeek.Count(p => p.ClosedUtc <= p.DueUtc);
        return new(new PromiseChangeResult(PromiseChangeStatus.Changed, promise, entry), onTime, kept, doneThisWeek.Count);
    }
}
