using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Promises;

namespace AccountCoachBot.Tests.Features.Promises;

public sealed class ReminderPolicyTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly WorkingHours Hours = WorkingHours.Default;

    private static DateTime Utc(TimeZoneInfo zone, int y, int mo, int d, int h, int mi = 0) => TimeZones.ToUtc(new DateTime(y, mo, d, h, mi, 0), zone);

    [Fact]
    public void Plan_RemindsAtNineOnPreviousWorkday_WhenDueIsMoreThanADayAway()
    {
        var now = Utc(Berlin, 2026, 3, 4, 11); // Wed
        var due = Utc(Berlin, 2026, 3, 9, 18);  // Mon

        var plan = ReminderPolicy.Plan(due, now, Berlin, Hours, onTrack: false);

        Assert.Equal(2, plan.Count);
        Assert.Equal(new PlannedReminder(ReminderPolicy.BeforeKind, Utc(Berlin, 2026, 3, 6, 9)), plan[0]); // Fri, not Sun
        Assert.Equal(new PlannedReminder(ReminderPolicy.DueKind, due), plan[1]);
    }

    [Fact]
    public void Plan_RemindsTwoHoursBefore_WhenDueWithinADay()
    {
        var now = Utc(Berlin, 2026, 3, 4, 9);
        var due = Utc(Berlin, 2026, 3, 4, 17);

        var plan = ReminderPolicy.Plan(due, now, Berlin, Hours, onTrack: false);

        Assert.Equal(Utc(Berlin, 2026, 3, 4, 15), plan.Single(p => p.Kind == ReminderPolicy.BeforeKind).AtUtc);
    }

    [Fact]
    public void Plan_HasOnlyTheDueReminder_WhenTwoHoursBeforeHasPassed()
    {
        var now = Utc(Berlin, 2026, 3, 4, 16);
        var due = Utc(Berlin, 2026, 3, 4, 17);

        var plan = ReminderPolicy.Plan(due, now, Berlin, Hours, onTrack: false);

        Assert.Equal([new PlannedReminder(ReminderPolicy.DueKind, due)], plan);
    }

    [Fact]
    public void Plan_FallsBackToTwoHoursBefore_WhenPreviousWorkdayMorningHasPassed()
    {
        var now = Utc(Berlin, 2026, 3, 6, 10); // Fri 10:00, the "previous workday" of Monday is today and 09:00 is gone
        var due = Utc(Berlin, 2026, 3, 9, 18);

        var plan = ReminderPolicy.Plan(due, now, Berlin, Hours, onTrack: false);

        Assert.Equal(Utc(Berlin, 2026, 3, 9, 16), plan.Single(p => p.Kind == ReminderPolicy.BeforeKind).AtUtc);
    }

    [Fact]
    public void Plan_PullsBeforeReminderToFridayEvening_WhenItWouldFallOnWeekend()
    {
        var now = Utc(Berlin, 2026, 3, 6, 10); // Fri
        var due = Utc(Berlin, 2026, 3, 9, 9);   // Mon 09:00: two hours before is Mon 07:00, before hours

        var plan = ReminderPolicy.Plan(due, now, Berlin, Hours, onTrack: false);

        Assert.Equal(Utc(Berlin, 2026, 3, 6, 18), plan.Single(p => p.Kind == ReminderPolicy.BeforeKind).AtUtc);
    }

    [Fact]
    public void Plan_DefersDueReminderToMorning_AndPullsBeforeReminderToEvening_WhenDueAtNight()
    {
        var now = Utc(Berlin, 2026, 3, 4, 10);
        var due = Utc(Berlin, 2026, 3, 4, 22);

        var plan = ReminderPolicy.Plan(due, now, Berlin, Hours, onTrack: false);

        Assert.Equal(Utc(Berlin, 2026, 3, 5, 9), plan.Single(p => p.Kind == ReminderPolicy.DueKind).AtUtc);
        Assert.Equal(Utc(Berlin, 2026, 3, 4, 18), plan.Single(p => p.Kind == ReminderPolicy.BeforeKind).AtUtc); // 20:00 is after hours
    }

    [Fact]
    public void Plan_DropsBeforeReminder_WhenOnTrack()
    {
        var plan = ReminderPolicy.Plan(Utc(Berlin, 2026, 3, 9, 18), Utc(Berlin, 2026, 3, 4, 11), Berlin, Hours, onTrack: true);

        Assert.Equal([ReminderPolicy.DueKind], plan.Select(p => p.Kind));
    }

    [Fact]
    public void Plan_KeepsLocalNine_WhenDstBeginsBetweenNowAndDue()
    {
        // Berlin springs forward on Sun 2026-03-29: Friday 27th is +01:00, Monday 30th +02:00.
        var now = Utc(Berlin, 2026, 3, 25, 10);
        var due = Utc(Berlin, 2026, 3, 31, 18);

        var plan = ReminderPolicy.Plan(due, now, Berlin, Hours, onTrack: false);

        var before = plan.Single(p => p.Kind == ReminderPolicy.BeforeKind).AtUtc;
        Assert.Equal(new DateTime(2026, 3, 30, 7, 0, 0, DateTimeKind.Utc), before); // 09:00 CEST
        Assert.Equal(new DateTime(2026, 3, 31, 16, 0, 0, DateTimeKind.Utc), due);
    }

    [Fact]
    public void Plan_KeepsLocalNine_WhenDstEndsInNewYork()
    {
        // New York falls back on Sun 2026-11-01.
        var now = Utc(NewYork, 2026, 10, 29, 10);
        var due = Utc(NewYork, 2026, 11, 3, 12);

        var plan = ReminderPolicy.Plan(due, now, NewYork, Hours, onTrack: false);

        Assert.Equal(new DateTime(2026, 11, 2, 14, 0, 0, DateTimeKind.Utc), plan.Single(p => p.Kind == ReminderPolicy.BeforeKind).AtUtc); // 09:00 EST
    }

    [Fact]
    public void Plan_OnlyDueReminderAtNextWorkingTime_WhenDueIsInThePast()
    {
        var now = Utc(Berlin, 2026, 3, 4, 11);
        var due = Utc(Berlin, 2026, 3, 2, 18);

        var plan = ReminderPolicy.Plan(due, now, Berlin, Hours, onTrack: false);

        Assert.Equal([new PlannedReminder(ReminderPolicy.DueKind, due)], plan);
    }

    [Fact]
    public void DedupeKey_DiffersPerDueTime_SoAMovedPromiseIsRemindedAgain()
    {
        var a = ReminderPolicy.DedupeKey(ReminderPolicy.DueKind, 7, new DateTime(2026, 3, 4, 17, 0, 0, DateTimeKind.Utc));
        var b = ReminderPolicy.DedupeKey(ReminderPolicy.DueKind, 7, new DateTime(2026, 3, 5, 17, 0, 0, DateTimeKind.Utc));

        Assert.NotEqual(a, b);
        Assert.Equal(a, ReminderPolicy.DedupeKey(ReminderPolicy.DueKind, 7, new DateTime(2026, 3, 4, 17, 0, 0, DateTimeKind.Utc)));
    }
}
