using AccountCoachBot.Features.People;
using AccountCoachBot.Scheduling;

namespace AccountCoachBot.Tests.Scheduling;

public sealed class WorkingTimeTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly WorkingHours Hours = WorkingHours.Default;

    private static DateTime Utc(int y, int mo, int d, int h, int mi = 0) => TimeZones.ToUtc(new DateTime(y, mo, d, h, mi, 0), Berlin);

    [Theory]
    [InlineData(2026, 3, 4, 10, 0, true)]   // Wed morning
    [InlineData(2026, 3, 4, 18, 0, true)]   // the end is inclusive
    [InlineData(2026, 3, 4, 18, 1, false)]
    [InlineData(2026, 3, 4, 8, 59, false)]
    [InlineData(2026, 3, 7, 12, 0, false)]  // Saturday
    public void IsWorkingTime_FollowsHoursAndDays(int y, int mo, int d, int h, int mi, bool expected) =>
        Assert.Equal(expected, WorkingTime.IsWorkingTime(Utc(y, mo, d, h, mi), Berlin, Hours));

    [Fact]
    public void NextWorkingInstant_IsNextMorning_WhenEvening() =>
        Assert.Equal(Utc(2026, 3, 5, 9), WorkingTime.NextWorkingInstant(Utc(2026, 3, 4, 21), Berlin, Hours));

    [Fact]
    public void NextWorkingInstant_IsSameMorning_WhenBeforeStart() =>
        Assert.Equal(Utc(2026, 3, 4, 9), WorkingTime.NextWorkingInstant(Utc(2026, 3, 4, 2), Berlin, Hours));

    [Fact]
    public void NextWorkingInstant_SkipsWeekend_WhenFridayNight() =>
        Assert.Equal(Utc(2026, 3, 9, 9), WorkingTime.NextWorkingInstant(Utc(2026, 3, 6, 23), Berlin, Hours));

    [Fact]
    public void NextWorkingInstant_IsNineLocal_OnTheDayDstBegins()
    {
        var hours = new WorkingHours(new TimeOnly(9, 0), new TimeOnly(18, 0), new HashSet<DayOfWeek>(Enum.GetValues<DayOfWeek>()));
        // Sun 2026-03-29 02:00 does not exist in Berlin; 09:00 that day is 07:00 UTC.
        Assert.Equal(new DateTime(2026, 3, 29, 7, 0, 0, DateTimeKind.Utc), WorkingTime.NextWorkingInstant(new DateTime(2026, 3, 29, 0, 30, 0, DateTimeKind.Utc), Berlin, hours));
    }

    [Fact]
    public void NextWorkingMorning_IsMonday_WhenSnoozedOnFriday() =>
        Assert.Equal(Utc(2026, 3, 9, 9), WorkingTime.NextWorkingMorning(Utc(2026, 3, 6, 11), Berlin, Hours));

    [Fact]
    public void PreviousWorkingInstant_IsFridayEnd_WhenSunday() =>
        Assert.Equal(Utc(2026, 3, 6, 18), WorkingTime.PreviousWorkingInstant(Utc(2026, 3, 8, 12), Berlin, Hours));

    [Fact]
    public void PreviousWorkingInstant_IsYesterdayEnd_WhenEarlyMorning() =>
        Assert.Equal(Utc(2026, 3, 4, 18), WorkingTime.PreviousWorkingInstant(Utc(2026, 3, 5, 7), Berlin, Hours));

    [Fact]
    public void ToUtc_MovesForward_WhenLocalTimeFallsInDstGap() =>
        Assert.Equal(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc), TimeZones.ToUtc(new DateTime(2026, 3, 29, 2, 30, 0), Berlin));

    [Fact]
    public void ToUtc_TakesFirstInstant_WhenLocalTimeIsAmbiguous() =>
        Assert.Equal(new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc), TimeZones.ToUtc(new DateTime(2026, 10, 25, 2, 30, 0), Berlin));
}
