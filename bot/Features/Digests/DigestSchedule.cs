using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.Digests;

/// <summary>
/// When a weekly digest is due: the first of the chosen weekday after the week it covers, at the chosen time on the
/// lead's wall clock. Each date is converted on its own day, so a DST change moves nothing; a time skipped by a
/// spring-forward gap comes later by the gap, an ambiguous one at its first occurrence (<see cref="TimeZones.ToUtc"/>).
/// </summary>
public static class DigestSchedule
{
    /// <summary>A digest not sent within this long of its time is dropped: last week's news a week late helps nobody.</summary>
    public static readonly TimeSpan Lateness = TimeSpan.FromDays(1);

    /// <summary>When the digest covering the week that starts on <paramref name="weekFirst"/> (a Monday) is due.</summary>
    public static DateTime DueUtc(DateOnly weekFirst, DayOfWeek day, TimeOnly time, TimeZoneInfo zone)
    {
        var date = weekFirst.AddDays(7);
        while (date.DayOfWeek != day) date = date.AddDays(1);
        return TimeZones.ToUtc(date.ToDateTime(time), zone);
    }

    /// <summary>The latest occurrence at or before <paramref name="nowUtc"/>, and the Monday of the week it covers.</summary>
    public static (DateOnly WeekFirst, DateTime DueUtc) Latest(DateTime nowUtc, DayOfWeek day, TimeOnly time, TimeZoneInfo zone)
    {
        var date = DateOnly.FromDateTime(TimeZones.ToLocal(nowUtc, zone));
        while (date.DayOfWeek != day) date = date.AddDays(-1);
        var weekFirst = Monday(date).AddDays(-7);
        var due = DueUtc(weekFirst, day, time, zone);
        if (due > nowUtc)
        {
            weekFirst = weekFirst.AddDays(-7);
            due = DueUtc(weekFirst, day, time, zone);
        }
        return (weekFirst, due);
    }

    private static DateOnly Monday(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
}
