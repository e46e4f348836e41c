using AccountCoachBot.Features.People;

namespace AccountCoachBot.Scheduling;

/// <summary>Working-hours arithmetic in a person's zone. Nudges never fire at night.</summary>
public static class WorkingTime
{
    public static bool IsWorkingTime(DateTime utc, TimeZoneInfo zone, WorkingHours hours) =>
        hours.Contains(TimeZones.ToLocal(utc, zone));

    /// <summary>The instant itself when it is working time, else the start of the next working period.</summary>
    public static DateTime NextWorkingInstant(DateTime utc, TimeZoneInfo zone, WorkingHours hours)
    {
        if (hours.Days.Count == 0 || IsWorkingTime(utc, zone, hours)) return utc;
        var local = TimeZones.ToLocal(utc, zone);
        var day = local.Date;
        if (TimeOnly.FromDateTime(local) >= hours.Start) day = day.AddDays(1);
        while (!hours.IsWorkday(day.DayOfWeek)) day = day.AddDays(1);
        return TimeZones.ToUtc(day + hours.Start.ToTimeSpan(), zone);
    }

    /// <summary>The instant itself when it is working time, else the end of the last working period before it.</summary>
    public static DateTime PreviousWorkingInstant(DateTime utc, TimeZoneInfo zone, WorkingHours hours)
    {
        if (hours.Days.Count == 0 || IsWorkingTime(utc, zone, hours)) return utc;
        var local = TimeZones.ToLocal(utc, zone);
        var day = local.Date;
        if (TimeOnly.FromDateTime(local) < hours.End || !hours.IsWorkday(day.DayOfWeek)) day = day.AddDays(-1);
        while (!hours.IsWorkday(day.DayOfWeek)) day = day.AddDays(-1);
        return TimeZones.ToUtc(day + hours.End.ToTimeSpan(), zone);
    }

    /// <summary>The start of the next working morning strictly after the given instant's day (snooze target).</summary>
    public static DateTime NextWorkingMorning(DateTime utc, TimeZoneInfo zone, WorkingHours hours)
    {
        var local = TimeZones.ToLocal(utc, zone);
        var day = local.Date.AddDays(1);
        if (hours.Days.Count > 0)
            while (!hours.IsWorkday(day.DayOfWeek)) day = day.AddDays(1);
        return TimeZones.ToUtc(day + hours.Start.ToTimeSpan(), zone);
    }

    /// <summary>The last working day strictly before the given local date.</summary>
    public static DateTime PreviousWorkday(DateTime localDate, WorkingHours hours)
    {
        var day = localDate.Date.AddDays(-1);
        if (hours.Days.Count == 0) return day;
        while (!hours.IsWorkday(day.DayOfWeek)) day = day.AddDays(-1);
        return day;
    }
}
