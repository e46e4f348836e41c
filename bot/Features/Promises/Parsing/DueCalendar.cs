using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.Promises.Parsing;

/// <summary>
/// Calendar arithmetic on the manager's wall clock. "Still ahead" checks compare the due wall time with now,
/// so "Friday" said on a Friday morning is today and said on Friday evening is next week.
/// </summary>
internal static class DueCalendar
{
    /// <summary>
    /// The first day of the week that holds <paramref name="day"/>. A week starts on the first working day after a
    /// day off: Monday for Mon–Fri, Sunday for a Sun–Thu week; Monday when that cannot be told.
    /// </summary>
    public static DateOnly StartOfWeek(DateOnly day, WorkingHours hours)
    {
        var first = WeekStartDay(hours);
        return day.AddDays(-(((int)day.DayOfWeek - (int)first + 7) % 7));
    }

    private static DayOfWeek WeekStartDay(WorkingHours hours)
    {
        for (var k = 0; k < 7; k++)
        {
            var day = (DayOfWeek)((k + 1) % 7); // Monday first
            if (hours.IsWorkday(day) && !hours.IsWorkday((DayOfWeek)(((int)day + 6) % 7))) return day;
        }

        return DayOfWeek.Monday;
    }

    /// <summary>The next <paramref name="weekday"/> whose due time is still ahead (today counts).</summary>
    public static DateOnly NextOccurrence(DateTime now, DayOfWeek weekday, TimeOnly time)
    {
        var today = DateOnly.FromDateTime(now);
        for (var k = 0; k < 7; k++)
        {
            var day = today.AddDays(k);
            if (day.DayOfWeek == weekday && (k > 0 || day.ToDateTime(time) > now)) return day;
        }

        return today.AddDays(7);
    }

    /// <summary>"next Friday": that weekday in the next week.</summary>
    public static DateOnly InNextWeek(DateOnly today, DayOfWeek weekday, WorkingHours hours)
    {
        var start = StartOfWeek(today, hours).AddDays(7);
        return start.AddDays(((int)weekday - (int)start.DayOfWeek + 7) % 7);
    }

    /// <summary>The last working day of the week that starts on <paramref name="start"/> (Friday by default).</summary>
    public static DateOnly LastWorkday(DateOnly start, WorkingHours hours)
    {
        for (var k = 6; k >= 0; k--)
            if (hours.IsWorkday(start.AddDays(k).DayOfWeek)) return start.AddDays(k);
        return start.AddDays(4);
    }

    /// <summary>The first working day of the week that starts on <paramref name="start"/> (Monday by default).</summary>
    public static DateOnly FirstWorkday(DateOnly start, WorkingHours hours)
    {
        for (var k = 0; k < 7; k++)
            if (hours.IsWorkday(start.AddDays(k).DayOfWeek)) return start.AddDays(k);
        return start;
    }

    /// <summary>End of this week (0) or the next (1): its last working day; "this week" already over means the next one.</summary>
    public static DateOnly EndOfWeek(DateTime now, int weeksAhead, TimeOnly time, WorkingHours hours)
    {
        var start = StartOfWeek(DateOnly.FromDateTime(now), hours).AddDays(7 * weeksAhead);
        var day = LastWorkday(start, hours);
        return weeksAhead == 0 && day.ToDateTime(time) <= now ? LastWorkday(start.AddDays(7), hours) : day;
    }

    public static DateOnly EndOfMonth(DateTime now, int monthsAhead, TimeOnly time)
    {
        var first = new DateOnly(now.Year, now.Month, 1).AddMonths(monthsAhead);
        var day = first.AddMonths(1).AddDays(-1);
        return monthsAhead == 0 && day.ToDateTime(time) <= now ? first.AddMonths(2).AddDays(-1) : day;
    }

    /// <summary>"the 10th": this month if still ahead, else the next month that has that day.</summary>
    public static DateOnly? DayOfMonth(DateTime now, int dayOfMonth, TimeOnly time)
    {
        var first = new DateOnly(now.Year, now.Month, 1);
        for (var k = 0; k < 13; k++)
        {
            var month = first.AddMonths(k);
            if (dayOfMonth > DateTime.DaysInMonth(month.Year, month.Month)) continue;
            var day = new DateOnly(month.Year, month.Month, dayOfMonth);
            if (day.ToDateTime(time) > now) return day;
        }

        return null;
    }

    /// <summary>"Dec 15": this year if still ahead, else the next year that has it. An explicit year is kept as said.</summary>
    public static DateOnly? Date(DateTime now, int month, int dayOfMonth, int? year, TimeOnly time)
    {
        if (year is { } y)
            return dayOfMonth <= DateTime.DaysInMonth(y, month) ? new DateOnly(y, month, dayOfMonth) : null;

        for (var k = 0; k < 9; k++)
        {
            var candidateYear = now.Year + k;
            if (dayOfMonth > DateTime.DaysInMonth(candidateYear, month)) continue;
            var day = new DateOnly(candidateYear, month, dayOfMonth);
            if (day.ToDateTime(time) > now) return day;
        }

        return null;
    }

    /// <summary>Counts only working days; with no working days configured, counts every day.</summary>
    public static DateOnly AddWorkdays(DateOnly day, int count, WorkingHours hours)
    {
        if (hours.Days.Count == 0) return day.AddDays(count);
        while (count > 0)
        {
            day = day.AddDays(1);
            if (hours.IsWorkday(day.DayOfWeek)) count--;
        }

        return day;
    }
}
