using AccountCoachBot.Conversation;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Undo;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>
/// What a contact (a call logged, a promise kept) changed on its account: the touch it wrote and the cadence state
/// it reset. Putting it back lets the cold-account nudge come again as if the contact had not been logged.
/// </summary>
public sealed record ContactUndo(int AccountId, long TouchId, DateTime? LastContactUtc, int Cycle, DateTime? DeferredUntilUtc,
    string? AnnouncedCycleKey, string? AnnouncedByKey, DateTime? AnnouncedUtc, DateTime NextCheckUtc)
{
    /// <summary>The account's cadence before a contact is recorded (no touch yet: <see cref="TouchId"/> is set once it is saved).</summary>
    public static async Task<ContactUndo> BeforeAsync(CoachDbContext db, int accountId, CancellationToken ct)
    {
        var c = db.Cadences().Local.FirstOrDefault(x => x.AccountId == accountId) ?? await db.Cadences().FirstOrDefaultAsync(x => x.AccountId == accountId, ct);
        return c is null ? new ContactUndo(accountId, 0, null, 0, null, null, null, null, DateTime.MinValue)
            : new ContactUndo(accountId, 0, c.LastContactUtc, c.Cycle, c.DeferredUntilUtc, c.AnnouncedCycleKey, c.AnnouncedByKey, c.AnnouncedUtc, c.NextCheckUtc);
    }

    /// <summary>Removes the touch and puts the cadence back; false when the touch is gone already.</summary>
    public async Task<bool> TakeBackAsync(CoachDbContext db, CancellationToken ct)
    {
        var touch = await db.Set<Touch>().FirstOrDefaultAsync(t => t.Id == TouchId && t.AccountId == AccountId, ct);
        if (touch is null) return false;
        db.Remove(touch);
        var cadence = await db.Cadences().FirstOrDefaultAsync(c => c.AccountId == AccountId, ct);
        // A later contact (a meeting, another promise kept) keeps the account's date where it is.
        if (cadence is null || cadence.LastContactUtc != touch.AtUtc) return true;
        cadence.LastContactUtc = LastContactUtc;
        cadence.Cycle = Cycle;
        cadence.DeferredUntilUtc = DeferredUntilUtc;
        cadence.AnnouncedCycleKey = AnnouncedCycleKey;
        cadence.AnnouncedByKey = AnnouncedByKey;
        cadence.AnnouncedUtc = AnnouncedUtc;
        cadence.NextCheckUtc = NextCheckUtc == DateTime.MinValue ? touch.AtUtc : NextCheckUtc;
        return true;
    }
}

/// <summary>Undo of a call logged (`called Acme: …`, the Called button).</summary>
public sealed class CallUndo : IUndoable
{
    public const string CallLogged = "call.logged";

    private static readonly Text Undone = new("Call with {0} taken off the log; I'll remind you to call as before.",
        "Звонок клиенту {0} убран из журнала; напомню позвонить, как раньше.");
    private static readonly Text Gone = new("That call with {0} is no longer in the log; nothing changed.",
        "Этого звонка клиенту {0} уже нет в журнале; ничего не изменил.");

    public bool Handles(string kind) => kind == CallLogged;

    public async Task<UndoOutcome> RevertAsync(CoachDbContext db, UndoEntry entry, Person person, DateTime nowUtc, CancellationToken ct)
    {
        var contact = entry.StateAs<ContactUndo>();
        var name = await db.Accounts.Where(a => a.Id == contact.AccountId).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? "?";
        return await contact.TakeBackAsync(db, ct)
            ? UndoOutcome.Done(Undone.Format(person.Language, name))
            : UndoOutcome.Changed(Gone.Format(person.Language, name));
    }

    /// <summary>Before a call is logged: what undo needs, captured; <see cref="RecordAsync"/> after it is.</summary>
    public static async Task<(UndoCapture Capture, ContactUndo Before)> CaptureAsync(CoachDbContext db, int accountId, CancellationToken ct) =>
        (await UndoLog.CaptureAsync(db, [CallActions.Subject(accountId)], ct), await ContactUndo.BeforeAsync(db, accountId, ct));

    public static Task<UndoEntry> RecordAsync(CoachDbContext db, (UndoCapture Capture, ContactUndo Before) captured, Touch touch, int personId, DateTime nowUtc, CancellationToken ct) =>
        UndoLog.RecordAsync(db, captured.Capture, personId, CallLogged, CallActions.Subject(touch.AccountId),
            () => captured.Before with { TouchId = touch.Id }, nowUtc, ct);
}
