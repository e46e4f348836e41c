using AccountCoachBot.Features.People;
using AccountCoachBot.Scheduling;

namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>Where an account stands: days since the last contact, when its nudge is due, the current cycle's key.</summary>
public sealed record CallStatus(
    DateTime BaseUtc,
    bool EverContacted,
    int DaysSince,
    int CadenceDays,
    DateTime DueUtc,
    bool IsDue,
    string CycleKey);

/// <summary>
/// Cadence arithmetic, on the owner's wall clock: plain code on instants, so tests drive it with any clock.
/// "Every 14 days" counts calendar days in the owner's zone (a DST change does not shift the due day or hour);
/// a nudge is due at the start of working hours on that day, or the next working morning when it is a day off.
/// </summary>
public static class CallCadence
{
    public const int KeyDays = 14;
    public const int StandardDays = 30;
    public const int MaxDays = 365;

    public static int DefaultDays(AccountTier tier) => tier == AccountTier.Key ? KeyDays : StandardDays;

    /// <summary>Calendar days between two instants in the owner's zone (0 = the same day).</summary>
    public static int DaysBetween(DateTime fromUtc, DateTime toUtc, TimeZoneInfo zone) =>
        (TimeZones.ToLocal(toUtc, zone).Date - TimeZones.ToLocal(fromUtc, zone).Date).Days;

    /// <summary>The start of working hours <paramref name="days"/> calendar days after <paramref name="fromUtc"/>'s day, moved to the next working morning if needed.</summary>
    public static DateTime DueUtc(DateTime fromUtc, int days, TimeZoneInfo zone, WorkingHours hours)
    {
        var day = TimeZones.ToLocal(fromUtc, zone).Date.AddDays(days);
        return WorkingTime.NextWorkingInstant(TimeZones.ToUtc(day + hours.Start.ToTimeSpan(), zone), zone, hours);
    }

    /// <summary>The first instant at or after <paramref name="dueUtc"/> that falls outside every vacation (the morning after one ends).</summary>
    public static DateTime AfterVacations(DateTime dueUtc, IReadOnlyCollection<Vacation> vacations, TimeZoneInfo zone, WorkingHours hours)
    {
        var at = dueUtc;
        for (var guard = 0; guard < 100; guard++)
        {
            var day = DateOnly.FromDateTime(TimeZones.ToLocal(at, zone));
            var covering = vacations.FirstOrDefault(v => v.Covers(day));
            if (covering is null) return at;
            at = WorkingTime.NextWorkingInstant(TimeZones.ToUtc(covering.LastDay.AddDays(1).ToDateTime(hours.Start), zone), zone, hours);
        }
        return at;
    }

    public static string CycleKey(int accountId, DateTime baseUtc, int cycle) => $"call:{accountId}:{baseUtc.Ticks}:{cycle}";

    public static CallStatus Evaluate(AccountCadence cadence, Person owner, DateTime nowUtc) =>
        Evaluate(cadence, owner.Zone, owner.Hours, nowUtc);

    public static CallStatus Evaluate(AccountCadence cadence, TimeZoneInfo zone, WorkingHours hours, DateTime nowUtc)
    {
        var baseUtc = cadence.LastContactUtc ?? cadence.StartedUtc;
        var days = cadence.EffectiveDays;
        var due = DueUtc(baseUtc, days, zone, hours);
        if (cadence.DeferredUntilUtc is { } deferred && deferred > due) due = deferred;
        return new CallStatus(baseUtc, cadence.LastContactUtc is not null, Math.Max(0, DaysBetween(baseUtc, nowUtc, zone)), days, due,
            nowUtc >= due, CycleKey(cadence.AccountId, baseUtc, cadence.Cycle));
    }
}
