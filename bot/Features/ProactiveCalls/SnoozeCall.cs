using AccountCoachBot.Data;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>Not now: the account's call comes due again in <see cref="Days"/> days (1–30; 3 otherwise).</summary>
public sealed record SnoozeCall(Account Account, string? CycleKey, int? Days);

public static class SnoozeCallHandler
{
    /// <summary>When the account is due next, or null when the nudge's cycle is over.</summary>
    public static async Task<DateTime?> HandleAsync(CoachDbContext db, Person person, SnoozeCall command, DateTime nowUtc, CancellationToken ct)
    {
        if (await CallCycles.OpenAsync(db, command.Account, person, command.CycleKey, nowUtc, ct) is not { } cadence) return null;
        var days = command.Days is >= 1 and <= 30 ? command.Days.Value : 3;
        var until = CallCadence.DueUtc(nowUtc, days, person.Zone, person.Hours);
        await CallCycles.NextAsync(db, cadence, until, "snoozed", ct);
        return until;
    }
}
