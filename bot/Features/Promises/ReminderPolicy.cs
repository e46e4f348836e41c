using AccountCoachBot.Features.People;
using AccountCoachBot.Scheduling;

namespace AccountCoachBot.Features.Promises;

public sealed record PlannedReminder(string Kind, DateTime AtUtc);

/// <summary>
/// When a promise's reminders are due. Plain code on instants, so tests drive it with any clock:
/// one reminder before (09:00 of the previous working day when the due time is more than a day away,
/// otherwise two hours before while that is still ahead), one at the due time; both moved into working hours.
/// </summary>
public static class ReminderPolicy
{
    // Outbox kinds, not button ids (those are PromiseActions).
    public const string KindPrefix = NudgeKinds.Prefix + "promise.";
    public const string BeforeKind = KindPrefix + "before";
    public const string DueKind = KindPrefix + "due";
    public const string SnoozeKind = KindPrefix + "snooze";
    public const string OverdueKind = KindPrefix + "overdue";

    private static readonly TimeSpan ShortNotice = TimeSpan.FromHours(2);

    public static IReadOnlyList<PlannedReminder> Plan(DateTime dueUtc, DateTime nowUtc, TimeZoneInfo zone, WorkingHours hours, bool onTrack)
    {
        var plan = new List<PlannedReminder>();
        var dueAt = WorkingTime.NextWorkingInstant(dueUtc, zone, hours);

        if (!onTrack && Before(dueUtc, nowUtc, zone, hours) is { } before)
        {
            // Outside working hours a reminder before the due time comes earlier (the evening before), never later.
            var at = WorkingTime.PreviousWorkingInstant(before, zone, hours);
            if (at > nowUtc && at < dueAt) plan.Add(new PlannedReminder(BeforeKind, at));
        }

        plan.Add(new PlannedReminder(DueKind, dueAt));
        return plan;
    }

    private static DateTime? Before(DateTime dueUtc, DateTime nowUtc, TimeZoneInfo zone, WorkingHours hours)
    {
        if (dueUtc - nowUtc > TimeSpan.FromDays(1))
        {
            var dueLocal = TimeZones.ToLocal(dueUtc, zone);
            var day = WorkingTime.PreviousWorkday(dueLocal.Date, hours);
            var morning = TimeZones.ToUtc(day + hours.Start.ToTimeSpan(), zone);
            if (morning > nowUtc) return morning;
        }

        var shortly = dueUtc - ShortNotice;
        return shortly > nowUtc ? shortly : null;
    }

    public static string DedupeKey(string kind, int promiseId, DateTime dueUtc) => $"{kind}:{promiseId}:{dueUtc.Ticks}";
}
