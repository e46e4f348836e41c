using AccountCoachBot.Features.Digests;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Tests.Features.Digests;

public sealed class DigestPeriodTests
{
    private static readonly TimeZoneInfo Berlin = TimeZones.FindOrUtc("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZones.FindOrUtc("America/New_York");
    private static DateTime Utc(int y, int m, int d, int h = 0, int min = 0) => new(y, m, d, h, min, 0, DateTimeKind.Utc);

    [Fact]
    public void LastWeek_IsMondayToSundayBeforeThisWeek_InThePersonsZone()
    {
        // Mon 30 Nov 00:30 in Berlin is still Sun 29 Nov in UTC and in New York.
        var now = Utc(2026, 11, 29, 23, 30);

        var berlin = DigestPeriod.LastWeek(now, Berlin);
        var newYork = DigestPeriod.LastWeek(now, NewYork);

        Assert.Equal((new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 29)), (berlin.First, berlin.Last));
        Assert.Equal((Utc(2026, 11, 22, 23), Utc(2026, 11, 29, 23)), (berlin.StartUtc, berlin.EndUtc));
        Assert.Equal((new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22)), (newYork.First, newYork.Last));
        Assert.Equal((Utc(2026, 11, 16, 5), Utc(2026, 11, 23, 5)), (newYork.StartUtc, newYork.EndUtc));
    }

    [Fact]
    public void LastWeek_Is169HoursLong_WhenDaylightSavingEndsInIt()
    {
        // Berlin leaves summer time on Sun 25 Oct 2026; New York on Sun 1 Nov 2026.
        var berlin = DigestPeriod.LastWeek(Utc(2026, 10, 27, 9), Berlin);
        var newYork = DigestPeriod.LastWeek(Utc(2026, 11, 3, 15), NewYork);

        Assert.Equal((Utc(2026, 10, 18, 22), Utc(2026, 10, 25, 23)), (berlin.StartUtc, berlin.EndUtc));
        Assert.Equal((Utc(2026, 10, 26, 4), Utc(2026, 11, 2, 5)), (newYork.StartUtc, newYork.EndUtc));
        Assert.Equal(TimeSpan.FromHours(169), newYork.EndUtc - newYork.StartUtc);
    }

    [Fact]
    public void LastWeek_Is167HoursLong_WhenDaylightSavingStartsInIt()
    {
        var berlin = DigestPeriod.LastWeek(Utc(2026, 4, 1, 9), Berlin);

        Assert.Equal((new DateOnly(2026, 3, 23), new DateOnly(2026, 3, 29)), (berlin.First, berlin.Last));
        Assert.Equal(TimeSpan.FromHours(167), berlin.EndUtc - berlin.StartUtc);
    }

    [Theory]
    [InlineData("last month")]
    [InlineData("прошлый месяц")]
    [InlineData("за прошлый месяц")]
    public void Parse_ReadsLastMonth_InBothLanguages(string text)
    {
        var period = DigestPeriod.Parse(text, Utc(2026, 12, 1, 9), Berlin, out var error);

        Assert.Null(error);
        Assert.Equal((PeriodKind.Month, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), (period!.Kind, period.First, period.Last));
        Assert.Equal((Utc(2026, 10, 31, 23), Utc(2026, 11, 30, 23)), (period.StartUtc, period.EndUtc));
    }

    [Theory]
    [InlineData("2026-11-01 2026-11-30")]
    [InlineData("2026-11-01 - 2026-11-30")]
    [InlineData("2026-11-01 to 2026-11-30")]
    [InlineData("2026-11-01 по 2026-11-30")]
    public void Parse_ReadsTwoInclusiveDates(string text)
    {
        var period = DigestPeriod.Parse(text, Utc(2026, 12, 1, 9), Berlin, out var error);

        Assert.Null(error);
        Assert.Equal((new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), 30), (period!.First, period.Last, period.Days));
        Assert.Equal(Utc(2026, 11, 30, 23), period.EndUtc);
    }

    [Theory]
    [InlineData("2026-11-30 2026-11-01", "ends before it starts")]
    [InlineData("2025-01-01 2026-11-30", "longer than a year")]
    [InlineData("2026-02-30 2026-03-05", "doesn't exist")]
    [InlineData("yesterday", "didn't catch the period")]
    [InlineData("2026-11-01", "didn't catch the period")]
    [InlineData("٢٠٢٦-١١-٠١ ٢٠٢٦-١١-٣٠", "didn't catch the period")]
    [InlineData("2027-01-01 2027-01-31", "hasn't started yet")]
    public void Parse_RefusesPolitely_WhenThePeriodIsWrong(string text, string expected)
    {
        var period = DigestPeriod.Parse(text, Utc(2026, 12, 1, 9), Berlin, out var error);

        Assert.Null(period);
        Assert.Contains(expected, error!.En, StringComparison.Ordinal);
        Assert.Matches("[а-я]", error.Ru);
    }

    [Fact]
    public void Previous_StepsByWeeksMonthsOrTheSameNumberOfDays()
    {
        var week = DigestPeriod.LastWeek(Utc(2026, 12, 1, 9), Berlin).WithPrevious(8, Berlin);
        var month = DigestPeriod.LastMonth(Utc(2026, 3, 10, 9), Berlin).Previous(Berlin);
        var days = DigestPeriod.Parse("2026-11-01 2026-11-10", Utc(2026, 12, 1, 9), Berlin, out _)!.Previous(Berlin);

        Assert.Equal(8, week.Count);
        Assert.Equal((new DateOnly(2026, 10, 5), new DateOnly(2026, 11, 29)), (week[0].First, week[^1].Last));
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31)), (month.First, month.Last));
        Assert.Equal((new DateOnly(2026, 10, 22), new DateOnly(2026, 10, 31)), (days.First, days.Last));
    }
}
