using AccountCoachBot.Data;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>No call this cycle, for a reason: the next one is a full cadence away.</summary>
public sealed record SkipCall(Account Account, string? CycleKey, string Reason);

public static class SkipCallHandler
{
    /// <summary>When the account is due next, or null when the nudge's cycle is over.</summary>
    public static async Task<DateTime?> HandleAsync(CoachDbContext db, Person person, SkipCall command, DateTime nowUtc, CancellationToken ct)
    {
        if (await CallCycles.OpenAsync(db, command.Account, person, command.CycleKey, nowUtc, ct) is not { } cadence) return null;
        await AccountTouchRecorder.RecordTouchAsync(db, command.Account.Id, TouchKind.Skipped, nowUtc, person.Id, command.Reason, "button", ct);
        var until = CallCadence.DueUtc(nowUtc, cadence.EffectiveDays, person.Zone, person.Hours);
        await CallCycles.NextAsync(db, cadence, until, "skipped", ct);
        return until;
    }

    /// <summary>Whether the nudge's cycle is still open (asked before asking for a reason).</summary>
    public static async Task<bool> IsOpenAsync(CoachDbContext db, Person person, Account account, string? cycleKey, DateTime nowUtc, CancellationToken ct) =>
        await CallCycles.OpenAsync(db, account, person, cycleKey, nowUtc, ct) is not null;
}
