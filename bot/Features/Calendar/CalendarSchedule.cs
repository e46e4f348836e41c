namespace AccountCoachBot.Features.Calendar;

/// <summary>
/// When a calendar is read next. Each person has their own minute in the interval (from their id), so reads are
/// spread out rather than all at the top of the quarter-hour, and stay spread after a restart. After failures the
/// wait doubles (up to six hours), or is the server's Retry-After if that is longer.
/// </summary>
public static class CalendarSchedule
{
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(6);

    public static DateTime Next(int personId, DateTime nowUtc, TimeSpan every)
    {
        var period = Math.Max(TimeSpan.FromMinutes(1).Ticks, every.Ticks);
        var offset = (long)((uint)(personId * 2654435761u) % (ulong)(period / TimeSpan.TicksPerSecond)) * TimeSpan.TicksPerSecond;
        var slot = nowUtc.Ticks / period * period + offset;
        // At least half an interval away, so a read never comes right after another.
        while (slot <= nowUtc.Ticks + period / 2) slot += period;
        return new DateTime(slot, DateTimeKind.Utc);
    }

    public static DateTime AfterFailure(int failures, DateTime nowUtc, TimeSpan every, TimeSpan? retryAfter)
    {
        var wait = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, every.Ticks * (1L << Math.Clamp(failures - 1, 0, 10))));
        if (retryAfter is { } ra && ra > wait) wait = ra > MaxBackoff ? MaxBackoff : ra;
        return nowUtc + wait;
    }
}
