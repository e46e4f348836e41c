using AccountCoachBot.Features.People;

namespace AccountCoachBot.Cli.Demo;

/// <summary>The demo's calendar: three months ending now, and local working times turned into UTC.</summary>
public sealed record DemoClock(DateTime Now)
{
    public const int Days = 91;

    public DateTime Start => Now.AddDays(-Days);

    /// <summary>That day in the person's zone at this local time, in UTC.</summary>
    public static DateTime At(Person person, DateTime utcDay, int hour, int minute = 0)
    {
        var local = TimeZones.ToLocal(utcDay, person.Zone).Date;
        return TimeZones.ToUtc(local.AddHours(hour).AddMinutes(minute), person.Zone);
    }

    /// <summary>The working day on or after <paramref name="utcDay"/> in the person's zone (weekends skipped), at that hour.</summary>
    public static DateTime WorkdayAt(Person person, DateTime utcDay, int hour, int minute = 0)
    {
        var local = TimeZones.ToLocal(utcDay, person.Zone).Date;
        while (local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) local = local.AddDays(1);
        return TimeZones.ToUtc(local.AddHours(hour).AddMinutes(minute), person.Zone);
    }
}
