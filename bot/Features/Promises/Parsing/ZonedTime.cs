namespace AccountCoachBot.Features.Promises.Parsing;

/// <summary>
/// Turns a wall-clock time in a zone into an instant with that zone's real offset. Around daylight-saving
/// changes a wall time may not exist (spring gap) or exist twice (autumn overlap).
/// </summary>
internal static class ZonedTime
{
    public static DateTime ToLocal(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, zone).DateTime, DateTimeKind.Unspecified);

    public static DateTimeOffset FromLocal(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);

        // Overlap: the first of the two instants, i.e. the one with the larger (summer) offset.
        if (zone.IsAmbiguousTime(local))
            return new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Max());

        // Gap: read the wall time with the offset in force before the jump. That is the later of the two
        // readings and lands past the gap by its length (02:30 on a spring-forward day in Berlin → 03:30+02:00),
        // the usual "shift forward" rule.
        if (zone.IsInvalidTime(local))
        {
            var before = zone.GetUtcOffset(local.AddDays(-1));
            var after = zone.GetUtcOffset(local.AddDays(1));
            var utc = new DateTime(Math.Max((local - before).Ticks, (local - after).Ticks), DateTimeKind.Utc);
            return TimeZoneInfo.ConvertTime(new DateTimeOffset(utc), zone);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public static DateTimeOffset ToZone(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);
}
