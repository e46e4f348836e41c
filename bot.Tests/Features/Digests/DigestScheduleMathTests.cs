using AccountCoachBot.Features.Digests;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Tests.Features.Digests;

/// <summary>The weekly instant on the lead's wall clock, around the DST changes.</summary>
public sealed class DigestScheduleMathTests
{
    private static readonly TimeZoneInfo Berlin = TimeZones.FindOrUtc("Europe/Berlin");

    private static DateTime Utc(int m, int d, int h, int min = 0) => new(2026, m, d, h, min, 0, DateTimeKind.Utc);

    [Fact]
    public void DueUtc_MovesATimeInTheSpringGap_LaterByTheGap()
    {
        // Sunday 29 March 2026, 02:30 does not exist in Berlin: it comes at 03:30 CEST.
        var due = DigestSchedule.DueUtc(new DateOnly(2026, 3, 16), DayOfWeek.Sunday, new TimeOnly(2, 30), Berlin);

        Assert.Equal(Utc(3, 29, 1, 30), due);
    }

    [Fact]
    public void Latest_TakesTheFirstOfAnAmbiguousTime_AndKeepsTheSameWeekThroughTheSecond()
    {
        // Sunday 25 October 2026, 02:30 happens twice in Berlin: 00:30 and 01:30 UTC. One week, one digest.
        var first = DigestSchedule.Latest(Utc(10, 25, 0, 30), DayOfWeek.Sunday, new TimeOnly(2, 30), Berlin);
        var second = DigestSchedule.Latest(Utc(10, 25, 1, 30), DayOfWeek.Sunday, new TimeOnly(2, 30), Berlin);

        Assert.Equal((new DateOnly(2026, 10, 12), Utc(10, 25, 0, 30)), first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Latest_IsLastWeeksOccurrence_UntilThisWeeksTimeComes()
    {
        var before = DigestSchedule.Latest(Utc(11, 30, 7, 59), DayOfWeek.Monday, new TimeOnly(9, 0), Berlin);
        var at = DigestSchedule.Latest(Utc(11, 30, 8, 0), DayOfWeek.Monday, new TimeOnly(9, 0), Berlin);

        Assert.Equal((new DateOnly(2026, 11, 16), Utc(11, 23, 8)), before);
        Assert.Equal((new DateOnly(2026, 11, 23), Utc(11, 30, 8)), at);
    }
}
