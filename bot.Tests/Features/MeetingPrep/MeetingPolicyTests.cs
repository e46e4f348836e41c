using AccountCoachBot.Features.MeetingPrep;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Tests.Features.MeetingPrep;

/// <summary>When prep and debrief nudges are due, in the manager's zone, across DST changes and working hours.</summary>
public sealed class MeetingPolicyTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static DateTime Utc(int y, int mo, int d, int h, int mi = 0) => new(y, mo, d, h, mi, 0, DateTimeKind.Utc);

    private static Dictionary<string, DateTime> Plan(DateTime start, DateTime now, TimeZoneInfo zone, WorkingHours? hours = null, TimeSpan? length = null) =>
        MeetingPolicy.Plan(start, start + (length ?? TimeSpan.FromHours(1)), now, zone, hours ?? WorkingHours.Default).ToDictionary(p => p.Kind, p => p.AtUtc);

    [Fact]
    public void Plan_PrepsTheAfternoonBeforeAndAnHourBefore_WhenMeetingIsMidweek()
    {
        // Wed 11 Mar 15:00 CET.
        var plan = Plan(Utc(2026, 3, 11, 14), Utc(2026, 3, 9, 9), Berlin);

        Assert.Equal(Utc(2026, 3, 10, 13), plan[MeetingPolicy.PrepDayBeforeKind]); // Tue 14:00 CET
        Assert.Equal(Utc(2026, 3, 11, 13), plan[MeetingPolicy.PrepHourBeforeKind]); // Wed 14:00 CET
        Assert.Equal(Utc(2026, 3, 11, 16), plan[MeetingPolicy.DebriefKind]); // ends 16:00, debrief 17:00 CET
    }

    [Fact]
    public void Plan_PrepsOnFriday_WhenMeetingIsOnMondayAfterTheBerlinDstChange()
    {
        // Mon 30 Mar 10:00 CEST (+2); clocks went forward on Sun 29 Mar; Friday 27 is still CET (+1).
        var plan = Plan(Utc(2026, 3, 30, 8), Utc(2026, 3, 25, 9), Berlin);

        Assert.Equal(Utc(2026, 3, 27, 13), plan[MeetingPolicy.PrepDayBeforeKind]); // Fri 14:00 CET
        Assert.Equal(Utc(2026, 3, 30, 7), plan[MeetingPolicy.PrepHourBeforeKind]); // Mon 09:00 CEST
        Assert.Equal(Utc(2026, 3, 30, 10), plan[MeetingPolicy.DebriefKind]); // Mon 12:00 CEST
    }

    [Fact]
    public void Plan_SendsHourBeforeAtTheStartOfTheDay_WhenItWouldFallBeforeWorkAfterTheNewYorkDstChange()
    {
        // Mon 2 Nov 09:30 EST (-5); clocks went back on Sun 1 Nov; Friday 30 Oct is still EDT (-4).
        var plan = Plan(Utc(2026, 11, 2, 14, 30), Utc(2026, 10, 28, 14), NewYork);

        Assert.Equal(Utc(2026, 10, 30, 18), plan[MeetingPolicy.PrepDayBeforeKind]); // Fri 14:00 EDT
        Assert.Equal(Utc(2026, 11, 2, 14), plan[MeetingPolicy.PrepHourBeforeKind]); // 08:30 is before work: 09:00 EST
        Assert.Equal(Utc(2026, 11, 2, 16, 30), plan[MeetingPolicy.DebriefKind]); // 11:30 EST
    }

    [Fact]
    public void Plan_DropsHourBefore_WhenTheMeetingStartsAsTheWorkingDayStarts()
    {
        // Tue 10 Mar 09:00 CET: an hour before is 08:00, and the working day's start is the meeting itself.
        var plan = Plan(Utc(2026, 3, 10, 8), Utc(2026, 3, 4, 9), Berlin);

        Assert.Equal(Utc(2026, 3, 9, 13), plan[MeetingPolicy.PrepDayBeforeKind]);
        Assert.False(plan.ContainsKey(MeetingPolicy.PrepHourBeforeKind));
    }

    [Fact]
    public void Plan_MovesTheAfternoonNudgeEarlier_WhenTheWorkingDayEndsBefore14()
    {
        var hours = new WorkingHours(new TimeOnly(7, 0), new TimeOnly(13, 0), WorkingHours.Weekdays);

        var plan = Plan(Utc(2026, 3, 11, 9), Utc(2026, 3, 9, 6), Berlin, hours); // Wed 10:00 CET

        Assert.Equal(Utc(2026, 3, 10, 12), plan[MeetingPolicy.PrepDayBeforeKind]); // Tue 13:00 CET, the end of that day
        Assert.Equal(Utc(2026, 3, 11, 8), plan[MeetingPolicy.PrepHourBeforeKind]);
    }

    [Fact]
    public void Plan_SkipsWhatIsAlreadyPast_WhenTheMeetingIsToldLate()
    {
        // Told Tue 16:00 about Wed 15:00: the afternoon before has passed.
        var plan = Plan(Utc(2026, 3, 11, 14), Utc(2026, 3, 10, 15), Berlin);

        Assert.False(plan.ContainsKey(MeetingPolicy.PrepDayBeforeKind));
        Assert.Equal(Utc(2026, 3, 11, 13), plan[MeetingPolicy.PrepHourBeforeKind]);
    }

    [Fact]
    public void Plan_AsksForTheDebriefNextWorkingMorning_WhenTheMeetingEndsLate()
    {
        // Fri 13 Mar 17:30–18:30 CET: an hour after is 19:30, after hours; Monday 09:00 instead.
        var plan = Plan(Utc(2026, 3, 13, 16, 30), Utc(2026, 3, 9, 9), Berlin);

        Assert.Equal(Utc(2026, 3, 16, 8), plan[MeetingPolicy.DebriefKind]);
    }

    [Fact]
    public void DedupeKey_DiffersPerPersonMeetingAndLead()
    {
        var start = Utc(2026, 3, 11, 14);
        var keys = new[]
        {
            MeetingPolicy.DedupeKey(MeetingPolicy.PrepDayBeforeKind, 1, 1, start),
            MeetingPolicy.DedupeKey(MeetingPolicy.PrepHourBeforeKind, 1, 1, start),
            MeetingPolicy.DedupeKey(MeetingPolicy.PrepDayBeforeKind, 2, 1, start),
            MeetingPolicy.DedupeKey(MeetingPolicy.PrepDayBeforeKind, 1, 2, start),
        };

        Assert.Equal(keys.Length, keys.Distinct().Count());
    }
}
