using AccountCoachBot.Data;
using AccountCoachBot.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>Records touches: the history row, the last-contact date, and the call nudge it makes unnecessary.</summary>
public sealed class AccountTouchRecorder : IAccountTouchRecorder
{
    public Task<Touch?> RecordAsync(CoachDbContext db, int accountId, TouchKind kind, DateTime atUtc, int? byPersonId, string? note, string? source, CancellationToken ct) =>
        RecordTouchAsync(db, accountId, kind, atUtc, byPersonId, note, source, ct);

    public static async Task<Touch?> RecordTouchAsync(CoachDbContext db, int accountId, TouchKind kind, DateTime atUtc, int? byPersonId, string? note, string? source, CancellationToken ct)
    {
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null) return null;
        var touch = new Touch { AccountId = accountId, PersonId = byPersonId, Kind = kind, AtUtc = atUtc, Note = Trim(note), Source = source };
        db.Set<Touch>().Add(touch);
        if (!Touch.IsContact(kind)) return touch;

        var cadence = await CallStore.EnsureCadenceAsync(db, account, ct);
        if (cadence.LastContactUtc is null || atUtc > cadence.LastContactUtc)
        {
            cadence.LastContactUtc = atUtc;
            cadence.ResetCycle();
            var owner = await db.People.SingleAsync(p => p.Id == account.OwnerId, ct);
            CallStore.Refresh(cadence, owner, atUtc);
            // The nudge for the old cycle has nothing left to say.
            await Outbox.SkipPendingAsync(db, CallActions.Subject(accountId), CallNudgeKinds.AccountKinds, "contact", ct);
        }
        return touch;
    }

    private static string? Trim(string? note)
    {
        note = note?.Trim();
        if (string.IsNullOrEmpty(note)) return null;
        return note.Length <= 1000 ? note : note[..999] + "…";
    }
}
