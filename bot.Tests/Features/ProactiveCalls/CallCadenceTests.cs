using AccountCoachBot.Features.People;
using AccountCoachBot.Features.ProactiveCalls;

namespace AccountCoachBot.Tests.Features.ProactiveCalls;

/// <summary>Cadence arithmetic on the owner's wall clock: time zones, DST, weekends, vacations.</summary>
public sealed class CallCadenceTests
{
    private static readonly TimeZoneInfo Berlin = TimeZones.FindOrUtc("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZones.FindOrUtc("America/New_York");
    private static readonly TimeZoneInfo Tokyo = TimeZones.FindOrUtc("Asia/Tokyo");
    private static readonly WorkingHours Hours = WorkingHours.Default;

    private static DateTime Utc(int y, int mo, int d, int h, int mi = 0) => new(y, mo, d, h, mi, 0, DateTimeKind.Utc);

    [Fact]
    public void DueUtc_CountsDaysOnTheOwnersCalendar_WhenTheContactWasNearMidnight()
    {
        // Mon 2 Mar 23:30 UTC is Tuesday in Berlin and Tokyo, still Monday in New York.
        var contact = Utc(2026, 3, 2, 23, 30);

        Assert.Equal(Utc(2026, 3, 17, 8), CallCadence.DueUtc(contact, 14, Berlin, Hours));   // Tue 17 Mar 09:00 CET
        Assert.Equal(Utc(2026, 3, 16, 13), CallCadence.DueUtc(contact, 14, NewYork, Hours)); // Mon 16 Mar 09:00 EDT (DST since 8 Mar)
        Assert.Equal(Utc(2026, 3, 17, 0), CallCadence.DueUtc(contact, 14, Tokyo, Hours));    // Tue 17 Mar 09:00 JST
    }

    [Fact]
    public void DueUtc_KeepsTheStartOfWorkingHours_WhenDstBeginsInBetween()
    {
        var contact = Utc(2026, 3, 20, 9); // Fri 10:00 CET; Berlin moves to CEST on Sun 29 Mar

        var due = CallCadence.DueUtc(contact, 14, Berlin, Hours);

        Assert.Equal(Utc(2026, 4, 3, 7), due); // Fri 3 Apr 09:00 CEST, not 10:00 as 14 × 24 h would give
        Assert.Equal(new DateTime(2026, 4, 3, 9, 0, 0), TimeZones.ToLocal(due, Berlin));
    }

    [Fact]
    public void DueUtc_MovesToMondayMorning_WhenTheDueDayIsAWeekend()
    {
        var contact = Utc(2026, 3, 4, 9); // Wed; +10 days is Sat 14 Mar

        Assert.Equal(Utc(2026, 3, 16, 8), CallCadence.DueUtc(contact, 10, Berlin, Hours));
    }

    [Fact]
    public void DueUtc_UsesTheOwnersWorkingDays_WhenTheyAreNotMondayToFriday()
    {
        var sundayToThursday = new WorkingHours(new TimeOnly(8, 0), new TimeOnly(17, 0),
            new HashSet<DayOfWeek> { DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday });
        var contact = Utc(2026, 3, 5, 9); // Thu; +1 day is Fri, a day off

        Assert.Equal(Utc(2026, 3, 8, 7), CallCadence.DueUtc(contact, 1, Berlin, sundayToThursday)); // Sun 08:00 CET
    }

    [Fact]
    public void DaysBetween_CountsCalendarDays_WhenADayIsOnly23HoursLong()
    {
        var saturdayNoon = Utc(2026, 3, 28, 11); // 12:00 CET
        var sundayNoon = Utc(2026, 3, 29, 10);   // 12:00 CEST, 23 hours later

        Assert.Equal(1, CallCadence.DaysBetween(saturdayNoon, sundayNoon, Berlin));
        Assert.Equal(1, CallCadence.DaysBetween(Utc(2026, 3, 4, 22, 30), Utc(2026, 3, 4, 23, 30), Berlin)); // 23:30 → 00:30 local
        Assert.Equal(0, CallCadence.DaysBetween(Utc(2026, 3, 4, 22, 30), Utc(2026, 3, 4, 23, 30), NewYork));
    }

    [Fact]
    public void AfterVacations_WaitsForTheFirstWorkingMorningAfterIt_WhenTheDueDayFallsInside()
    {
        var due = Utc(2026, 3, 17, 8); // Tue
        var vacations = new List<Vacation>
        {
            new() { FirstDay = new DateOnly(2026, 3, 16), LastDay = new DateOnly(2026, 3, 20) },
            new() { FirstDay = new DateOnly(2026, 3, 23), LastDay = new DateOnly(2026, 3, 24) }, // back-to-back after the weekend
        };

        Assert.Equal(Utc(2026, 3, 25, 8), CallCadence.AfterVacations(due, vacations, Berlin, Hours)); // Wed 25 Mar 09:00
        Assert.Equal(due, CallCadence.AfterVacations(due, [new Vacation { FirstDay = new DateOnly(2026, 3, 18), LastDay = new DateOnly(2026, 3, 19) }], Berlin, Hours));
    }

    [Theory]
    [InlineData(AccountTier.Key, null, 14)]
    [InlineData(AccountTier.Standard, null, 30)]
    [InlineData(AccountTier.Key, 7, 7)]
    public void Evaluate_UsesTheTierDefault_UnlessTheAccountOverridesIt(AccountTier tier, int? days, int expected)
    {
        var cadence = new AccountCadence { AccountId = 5, Tier = tier, CadenceDays = days, StartedUtc = Utc(2026, 1, 1, 9), LastContactUtc = Utc(2026, 3, 4, 9) };

        var before = CallCadence.Evaluate(cadence, Berlin, Hours, CallCadence.DueUtc(cadence.LastContactUtc!.Value, expected, Berlin, Hours).AddMinutes(-1));
        var at = CallCadence.Evaluate(cadence, Berlin, Hours, CallCadence.DueUtc(cadence.LastContactUtc!.Value, expected, Berlin, Hours));

        Assert.Equal(expected, at.CadenceDays);
        Assert.False(before.IsDue);
        Assert.True(at.IsDue);
        Assert.Equal($"call:5:{cadence.LastContactUtc.Value.Ticks}:0", at.CycleKey);
    }

    [Fact]
    public void Evaluate_WaitsForTheSnooze_AndCountsFromTheStart_WhenNoContactIsKnown()
    {
        var cadence = new AccountCadence { AccountId = 1, Tier = AccountTier.Key, StartedUtc = Utc(2026, 3, 4, 9), Cycle = 1, DeferredUntilUtc = Utc(2026, 3, 23, 8) };

        var status = CallCadence.Evaluate(cadence, Berlin, Hours, Utc(2026, 3, 20, 9));

        Assert.False(status.EverContacted);
        Assert.Equal(16, status.DaysSince);
        Assert.Equal(Utc(2026, 3, 23, 8), status.DueUtc);
        Assert.False(status.IsDue);
        Assert.EndsWith(":1", status.CycleKey);
    }
}
