using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>A call made to an account, with an optional note; <see cref="Source"/> says where it was logged ("chat", "button").</summary>
public sealed record LogCall(int AccountId, string? Note, string Source);

/// <summary>
/// <see cref="Touch"/> is null when a call was already logged today and this one has no note (a double tap: nothing
/// changes). <see cref="Before"/> and <see cref="After"/> are the cadence around the call.
/// </summary>
public sealed record CallLogged(Account Account, Touch? Touch, bool AlreadyLoggedToday, CallStatus Before, CallStatus After);

public static class LogCallHandler
{
    /// <summary>Null when the account is not the person's own.</summary>
    public static async Task<CallLogged?> HandleAsync(CoachDbContext db, Person person, LogCall command, DateTime nowUtc, CancellationToken ct)
    {
        var account = await db.Accounts.FindAsync([command.AccountId], ct);
        if (account is null || account.OwnerId != person.Id) return null;
        var cadence = await CallStore.EnsureCadenceAsync(db, account, ct);
        var before = CallCadence.Evaluate(cadence, person, nowUtc);
        var dayStart = TimeZones.ToUtc(TimeZones.ToLocal(nowUtc, person.Zone).Date, person.Zone);
        if (string.IsNullOrWhiteSpace(command.Note)
            && await db.Set<Touch>().AnyAsync(t => t.AccountId == account.Id && t.Kind == TouchKind.Call && t.AtUtc >= dayStart, ct))
            return new CallLogged(account, null, true, before, before);

        var undo = await CallUndo.CaptureAsync(db, account.Id, ct);
        var touch = await AccountTouchRecorder.RecordTouchAsync(db, account.Id, TouchKind.Call, nowUtc, person.Id, command.Note, command.Source, ct);
        await db.SaveChangesAsync(ct);
        // `undo` within ten minutes takes the call back, with the nudges it withdrew.
        if (touch is not null) await CallUndo.RecordAsync(db, undo, touch, person.Id, nowUtc, ct);
        return new CallLogged(account, touch, false, before, CallCadence.Evaluate(cadence, person, nowUtc));
    }
}
