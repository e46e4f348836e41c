using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using AccountCoachBot.Scheduling;

namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>A nudge's buttons act on the cycle it was sent for; a later cycle makes them stale.</summary>
internal static class CallCycles
{
    public static async Task<AccountCadence?> OpenAsync(CoachDbContext db, Account account, Person person, string? cycleKey, DateTime nowUtc, CancellationToken ct)
    {
        var cadence = await CallStore.EnsureCadenceAsync(db, account, ct);
        return cycleKey == CallCadence.Evaluate(cadence, person, nowUtc).CycleKey ? cadence : null;
    }

    /// <summary>Snooze and Skip close this cycle's nudge and open the next one at <paramref name="until"/>.</summary>
    public static async Task NextAsync(CoachDbContext db, AccountCadence cadence, DateTime until, string why, CancellationToken ct)
    {
        cadence.Cycle++;
        cadence.DeferredUntilUtc = until;
        cadence.AnnouncedCycleKey = cadence.AnnouncedByKey = null;
        cadence.AnnouncedUtc = null;
        cadence.NextCheckUtc = until;
        await Outbox.SkipPendingAsync(db, CallActions.Subject(cadence.AccountId), CallNudgeKinds.AccountKinds, why, ct);
    }
}
