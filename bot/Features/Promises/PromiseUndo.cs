using AccountCoachBot.Conversation;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.ProactiveCalls;
using AccountCoachBot.Features.Undo;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.Promises;

/// <summary>
/// What undo needs to put a promise back: the history event the change added (undo removes it, so the digest counts
/// no change that was taken back), the due time and on-track flag before it, and for Done the contact it logged.
/// </summary>
public sealed record PromiseUndoState(int PromiseId, int EventId, DateTime DueUtc, bool OnTrack, string TimeZoneId)
{
    public ContactUndo? Contact { get; init; }
}

/// <summary>The promise before a change: its nudges and the fields a change may touch.</summary>
public sealed record PromiseUndoCapture(UndoCapture Nudges, DateTime DueUtc, bool OnTrack, string TimeZoneId);

/// <summary>Undo of done, cancel, move (and a date changed) and snooze.</summary>
public sealed class PromiseUndo : IUndoable
{
    public const string Done = "promise.done";
    public const string Cancelled = "promise.cancelled";
    public const string Moved = "promise.moved";
    public const string Snoozed = "promise.snoozed";

    public bool Handles(string kind) => kind is Done or Cancelled or Moved or Snoozed;

    public static async Task<PromiseUndoCapture> CaptureAsync(CoachDbContext db, Promise promise, CancellationToken ct) =>
        new(await UndoLog.CaptureAsync(db, [PromiseScheduler.SubjectId(promise), CallActions.Subject(promise.AccountId)], ct),
            promise.DueUtc, promise.OnTrack, promise.TimeZoneId);

    public static Task<UndoEntry> RecordAsync(CoachDbContext db, PromiseUndoCapture capture, Promise promise, string kind, PromiseActor actor,
        PromiseEvent change, CancellationToken ct, Func<ContactUndo?>? contact = null) =>
        UndoLog.RecordAsync(db, capture.Nudges, actor.Person.Id, kind, PromiseScheduler.SubjectId(promise),
            () => new PromiseUndoState(promise.Id, change.Id, capture.DueUtc, capture.OnTrack, capture.TimeZoneId) { Contact = contact?.Invoke() },
            actor.NowUtc, ct);

    public async Task<UndoOutcome> RevertAsync(CoachDbContext db, UndoEntry entry, Person person, DateTime nowUtc, CancellationToken ct)
    {
        var state = entry.StateAs<PromiseUndoState>();
        var l = person.Language;
        var promise = await db.Promises.Include(p => p.Account).Include(p => p.History)
            .FirstOrDefaultAsync(p => p.Id == state.PromiseId && p.OwnerId == person.Id, ct);
        if (promise is null) return UndoOutcome.Changed(PromiseTexts.NotFoundButton[l]);
        var change = promise.History.FirstOrDefault(h => h.Id == state.EventId);
        var expected = entry.Kind switch
        {
            Done => PromiseStatus.Done,
            Cancelled => PromiseStatus.Cancelled,
            _ => PromiseStatus.Open,
        };
        // Changed again since (reopened, moved once more): the recorded state is no longer the one to go back to.
        if (change is null || promise.Status != expected || (entry.Kind == Moved && promise.DueUtc != change.NewDueUtc))
            return UndoOutcome.Changed(PromiseTexts.UndoChangedSince.Format(l, promise.Number));

        promise.History.Remove(change);
        db.PromiseEvents.Remove(change);
        promise.Status = PromiseStatus.Open;
        promise.ClosedUtc = null;
        if (entry.Kind == Moved)
        {
            promise.DueUtc = state.DueUtc;
            promise.OnTrack = state.OnTrack;
            promise.TimeZoneId = state.TimeZoneId;
        }
        if (state.Contact is { } contact) await contact.TakeBackAsync(db, ct);

        var subject = PromiseTexts.Subject(promise);
        var due = Formats.Day(promise.DueUtc, person.Zone, l);
        var text = entry.Kind switch
        {
            Moved => PromiseTexts.UndoMoved.Format(l, promise.Number, subject, due),
            Snoozed => PromiseTexts.UndoSnoozed.Format(l, promise.Number, subject, due),
            _ => PromiseTexts.UndoReopened.Format(l, promise.Number, subject, due),
        };
        return UndoOutcome.Done(text);
    }
}
