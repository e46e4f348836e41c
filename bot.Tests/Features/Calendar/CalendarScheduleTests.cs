using AccountCoachBot.Features.Calendar;

namespace AccountCoachBot.Tests.Features.Calendar;

/// <summary>When calendars are read: each person at their own point of the interval; failures back off, Retry-After respected.</summary>
public sealed class CalendarScheduleTests
{
    private static readonly DateTime Now = new(2026, 3, 25, 9, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(15);

    [Fact]
    public void Next_SpreadsPeopleOverTheInterval_AndKeepsEachAtLeastHalfAnIntervalAway()
    {
        var next = Enumerable.Range(1, 30).Select(id => CalendarSchedule.Next(id, Now, Every)).ToList();

        Assert.All(next, n => Assert.InRange(n - Now, Every / 2, Every * 1.5));
        Assert.True(next.Select(n => n.Ticks % Every.Ticks).Distinct().Count() >= 20, "thirty people share few slots");
        Assert.Equal(CalendarSchedule.Next(7, Now, Every), CalendarSchedule.Next(7, Now.AddSeconds(1), Every)); // the same slot, whenever asked
        Assert.Equal(Every, CalendarSchedule.Next(7, CalendarSchedule.Next(7, Now, Every), Every) - CalendarSchedule.Next(7, Now, Every));
    }

    [Theory]
    [InlineData(1, null, 15)]
    [InlineData(2, null, 30)]
    [InlineData(4, null, 120)]
    [InlineData(9, null, 360)] // at most six hours
    [InlineData(1, 90, 90)] // the server's Retry-After when it asks for longer
    [InlineData(3, 5, 60)]
    public void AfterFailure_DoublesTheWait_UpToSixHours(int failures, int? retryAfterMinutes, int expectedMinutes)
    {
        var retryAfter = retryAfterMinutes is { } m ? TimeSpan.FromMinutes(m) : (TimeSpan?)null;

        Assert.Equal(Now.AddMinutes(expectedMinutes), CalendarSchedule.AfterFailure(failures, Now, Every, retryAfter));
    }
}
