namespace AccountCoachBot.Features.People;

public static class TimeZones
{
    public static bool TryFind(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id)) return false;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    public static TimeZoneInfo FindOrUtc(string? id) => TryFind(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>
    /// The UTC instant of a local wall-clock time. A time skipped by a DST change moves forward by the gap;
    /// an ambiguous one takes the first (daylight) instant.
    /// </summary>
    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Read with the offset in force before the gap, 02:30 becomes 03:30: later by the gap's length.
            var probe = local;
            while (zone.IsInvalidTime(probe)) probe = probe.AddMinutes(-15);
            var offsetBefore = zone.GetUtcOffset(probe);
            return DateTime.SpecifyKind(local - offsetBefore, DateTimeKind.Utc);
        }
        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            var largest = offsets.Max();
            return DateTime.SpecifyKind(local - largest, DateTimeKind.Utc);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
}
