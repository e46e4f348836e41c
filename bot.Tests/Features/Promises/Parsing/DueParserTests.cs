using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Promises.Parsing;

namespace AccountCoachBot.Tests.Features.Promises.Parsing;

public class DueParserTests
{
    // Now = Wednesday 2026-03-04 11:00 Berlin (+01:00 until the 29th).
    private static string Due(string text, ParseContext? context = null) =>
        TestContexts.Iso(DueParser.Find(text, context ?? TestContexts.Spec())?.Due);

    [Theory]
    [InlineData("today", "2026-03-04T18:00:00+01:00")]
    [InlineData("tomorrow", "2026-03-05T18:00:00+01:00")]
    [InlineData("the day after tomorrow", "2026-03-06T18:00:00+01:00")]
    [InlineData("by Friday", "2026-03-06T18:00:00+01:00")]
    [InlineData("on Monday", "2026-03-09T18:00:00+01:00")]
    [InlineData("Wednesday", "2026-03-04T18:00:00+01:00")]
    [InlineData("next Friday", "2026-03-13T18:00:00+01:00")]
    [InlineData("next Monday", "2026-03-09T18:00:00+01:00")]
    [InlineData("in 30 minutes", "2026-03-04T11:30:00+01:00")]
    [InlineData("in an hour", "2026-03-04T12:00:00+01:00")]
    [InlineData("in 2 days", "2026-03-06T11:00:00+01:00")]
    [InlineData("in two days", "2026-03-06T11:00:00+01:00")]
    [InlineData("in a couple of days", "2026-03-06T11:00:00+01:00")]
    [InlineData("in 2 weeks", "2026-03-18T11:00:00+01:00")]
    [InlineData("within 3 business days", "2026-03-09T11:00:00+01:00")]
    [InlineData("by Dec 15", "2026-12-15T18:00:00+01:00")]
    [InlineData("December 15", "2026-12-15T18:00:00+01:00")]
    [InlineData("15 Dec", "2026-12-15T18:00:00+01:00")]
    [InlineData("the 15th of December", "2026-12-15T18:00:00+01:00")]
    [InlineData("December 15, 2027", "2027-12-15T18:00:00+01:00")]
    [InlineData("15.12", "2026-12-15T18:00:00+01:00")]
    [InlineData("2026-12-15", "2026-12-15T18:00:00+01:00")]
    [InlineData("by the 10th", "2026-03-10T18:00:00+01:00")]
    [InlineData("by the 2nd", "2026-04-02T18:00:00+02:00")]
    [InlineData("by Jan 10", "2027-01-10T18:00:00+01:00")]
    [InlineData("by EOD", "2026-03-04T18:00:00+01:00")]
    [InlineData("by end of day", "2026-03-04T18:00:00+01:00")]
    [InlineData("by end of week", "2026-03-06T18:00:00+01:00")]
    [InlineData("by the end of next week", "2026-03-13T18:00:00+01:00")]
    [InlineData("next week", "2026-03-09T18:00:00+01:00")]
    [InlineData("by end of month", "2026-03-31T18:00:00+02:00")]
    [InlineData("in the morning", "2026-03-05T09:00:00+01:00")]
    [InlineData("this afternoon", "2026-03-04T14:00:00+01:00")]
    [InlineData("tomorrow morning", "2026-03-05T09:00:00+01:00")]
    [InlineData("at 3pm", "2026-03-04T15:00:00+01:00")]
    [InlineData("at 15:00", "2026-03-04T15:00:00+01:00")]
    [InlineData("at 3", "2026-03-04T15:00:00+01:00")]
    [InlineData("at 9", "2026-03-05T09:00:00+01:00")]
    [InlineData("at 8", "2026-03-05T08:00:00+01:00")]
    [InlineData("tomorrow at 9", "2026-03-05T09:00:00+01:00")]
    [InlineData("at 10 tomorrow", "2026-03-05T10:00:00+01:00")]
    [InlineData("Friday at 4:30 p.m.", "2026-03-06T16:30:00+01:00")]
    [InlineData("tomorrow morning at 8", "2026-03-05T08:00:00+01:00")]
    [InlineData("Monday evening at 7", "2026-03-09T19:00:00+01:00")]
    public void Find_ResolvesEnglishForms_WhenNowIsTheSpecWednesday(string text, string expected)
    {
        Assert.Equal(expected, Due(text));
    }

    [Theory]
    [InlineData("сегодня", "2026-03-04T18:00:00+01:00")]
    [InlineData("завтра", "2026-03-05T18:00:00+01:00")]
    [InlineData("послезавтра", "2026-03-06T18:00:00+01:00")]
    [InlineData("в пятницу", "2026-03-06T18:00:00+01:00")]
    [InlineData("до пятницы", "2026-03-06T18:00:00+01:00")]
    [InlineData("к пятнице", "2026-03-06T18:00:00+01:00")]
    [InlineData("в пт", "2026-03-06T18:00:00+01:00")]
    [InlineData("в следующую пятницу", "2026-03-13T18:00:00+01:00")]
    [InlineData("в следующий понедельник", "2026-03-09T18:00:00+01:00")]
    [InlineData("через 30 минут", "2026-03-04T11:30:00+01:00")]
    [InlineData("через час", "2026-03-04T12:00:00+01:00")]
    [InlineData("через полчаса", "2026-03-04T11:30:00+01:00")]
    [InlineData("через пару дней", "2026-03-06T11:00:00+01:00")]
    [InlineData("через 3 дня", "2026-03-07T11:00:00+01:00")]
    [InlineData("через две недели", "2026-03-18T11:00:00+01:00")]
    [InlineData("15 декабря", "2026-12-15T18:00:00+01:00")]
    [InlineData("до 15.12", "2026-12-15T18:00:00+01:00")]
    [InlineData("к 10-му", "2026-03-10T18:00:00+01:00")]
    [InlineData("до 2-го числа", "2026-04-02T18:00:00+02:00")]
    [InlineData("до конца дня", "2026-03-04T18:00:00+01:00")]
    [InlineData("в течение дня", "2026-03-04T18:00:00+01:00")]
    [InlineData("до конца недели", "2026-03-06T18:00:00+01:00")]
    [InlineData("до конца следующей недели", "2026-03-13T18:00:00+01:00")]
    [InlineData("на следующей неделе", "2026-03-09T18:00:00+01:00")]
    [InlineData("до конца месяца", "2026-03-31T18:00:00+02:00")]
    [InlineData("утром", "2026-03-05T09:00:00+01:00")]
    [InlineData("завтра днём", "2026-03-05T14:00:00+01:00")]
    [InlineData("завтра после обеда", "2026-03-05T14:00:00+01:00")]
    [InlineData("в 9", "2026-03-05T09:00:00+01:00")]
    [InlineData("в 3", "2026-03-04T15:00:00+01:00")]
    [InlineData("в 15:30", "2026-03-04T15:30:00+01:00")]
    [InlineData("к 10 утра", "2026-03-05T10:00:00+01:00")]
    [InlineData("в 3 часа дня", "2026-03-04T15:00:00+01:00")]
    [InlineData("в 7 вечера", "2026-03-04T19:00:00+01:00")]
    [InlineData("завтра в 9", "2026-03-05T09:00:00+01:00")]
    [InlineData("в пятницу утром", "2026-03-06T09:00:00+01:00")]
    public void Find_ResolvesRussianForms_WhenNowIsTheSpecWednesday(string text, string expected)
    {
        Assert.Equal(expected, Due(text));
    }

    [Theory]
    [InlineData("I'll send the quote")]
    [InlineData("I'll send 2 proposals")]
    [InlineData("Пришлю договор в 2 экземплярах")]
    [InlineData("I'll send the proposal by 12/15")]
    [InlineData("call at 5 locations")]
    [InlineData("")]
    public void Find_ReturnsNull_WhenTextHasNoDueExpression(string text)
    {
        Assert.Null(DueParser.Find(text, TestContexts.Spec()));
    }

    [Theory]
    [InlineData("I'll send Acme the 1st draft by Friday", "by Friday")]
    [InlineData("Пришлю план 2-го этажа в пятницу", "в пятницу")]
    [InlineData("I'll send Acme the draft by the 1st", "by the 1st")]
    [InlineData("Пришлю план к 10-му, как обещал", "к 10-му")]
    public void Find_ReadsAnOrdinalAsADate_OnlyWhenItEndsTheClause(string text, string expected)
    {
        var match = DueParser.Find(text, TestContexts.Spec())!;

        Assert.Equal(expected, text.Substring(match.Start, match.Length));
    }

    [Fact]
    public void Find_ReturnsTheSpanWithItsPreposition_WhenDateIsInsideASentence()
    {
        const string text = "I'll send Initech the draft by next Friday at 3pm, thanks";

        var match = DueParser.Find(text, TestContexts.Spec());

        Assert.NotNull(match);
        Assert.Equal("by next Friday at 3pm", text.Substring(match.Start, match.Length));
        Assert.Equal("2026-03-13T15:00:00+01:00", TestContexts.Iso(match.Due));
        Assert.True(match.HasTime);
    }

    [Theory]
    [InlineData("by Friday", false)]
    [InlineData("by EOD", false)]
    [InlineData("next week", false)]
    [InlineData("Friday at 10", true)]
    [InlineData("tomorrow morning", true)]
    [InlineData("in 2 days", true)]
    [InlineData("in 2 hours", true)]
    public void Find_TellsWhetherATimeWasSaid_WhenDueIsFound(string text, bool hasTime)
    {
        Assert.Equal(hasTime, DueParser.Find(text, TestContexts.Spec())!.HasTime);
    }

    [Fact]
    public void Find_ReturnsTheFirstExpression_WhenTextHasSeveral()
    {
        const string text = "move it to Friday, not Monday";

        var match = DueParser.Find(text, TestContexts.Spec())!;

        Assert.Equal("Friday", text.Substring(match.Start, match.Length));
    }

    [Theory]
    [InlineData("2026-03-06T17:59:00", "2026-03-06T18:00:00+01:00")]
    [InlineData("2026-03-06T18:30:00", "2026-03-13T18:00:00+01:00")]
    public void Find_ReadsABareWeekdayAsToday_OnlyWhileTheWorkingDayIsNotOver(string now, string expected)
    {
        Assert.Equal(expected, Due("by Friday", TestContexts.At(now)));
    }

    [Fact]
    public void Find_MovesADateToNextYear_WhenItHasPassedThisYear()
    {
        Assert.Equal("2027-03-01T18:00:00+01:00", Due("by March 1", TestContexts.At("2026-03-04T11:00:00")));
    }

    [Fact]
    public void Find_KeepsAnExplicitYear_WhenTheDateHasPassed()
    {
        Assert.Equal("2026-03-01T18:00:00+01:00", Due("by 2026-03-01"));
    }

    [Fact]
    public void Find_MovesEndOfWeekToNextWeek_WhenThisWeeksLastWorkdayIsOver()
    {
        // Saturday: this week's Friday has passed.
        Assert.Equal("2026-03-13T18:00:00+01:00", Due("by end of week", TestContexts.At("2026-03-07T10:00:00")));
    }

    [Fact]
    public void Find_MovesADayOfMonthToTheNextMonthThatHasIt_WhenTheDayIsMissing()
    {
        // On 2026-04-05 "the 31st" skips April (30 days) and lands in May.
        Assert.Equal("2026-05-31T18:00:00+02:00", Due("by the 31st", TestContexts.At("2026-04-05T10:00:00")));
    }

    [Fact]
    public void Find_UsesTheConfiguredEndOfDay_WhenNoTimeIsSaid()
    {
        var hours = new WorkingHours(new TimeOnly(8, 0), new TimeOnly(17, 0), WorkingHours.Weekdays);

        Assert.Equal("2026-03-05T17:00:00+01:00", Due("tomorrow", TestContexts.At(TestContexts.SpecNow, hours: hours)));
    }

    [Fact]
    public void Find_EndsTheWeekOnTheLastWorkday_WhenTheWeekIsSundayToThursday()
    {
        var days = new HashSet<DayOfWeek> { DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday };
        var hours = new WorkingHours(new TimeOnly(9, 0), new TimeOnly(18, 0), days);

        Assert.Equal("2026-03-05T18:00:00+01:00", Due("by end of week", TestContexts.At(TestContexts.SpecNow, hours: hours)));
    }

    [Fact]
    public void Find_ConvertsNowToTheZoneFirst_WhenNowHasAnotherOffset()
    {
        // 23:30 UTC on Wednesday is already Thursday 02:30 in Moscow: "tomorrow" is Friday there.
        var context = new ParseContext(new DateTimeOffset(2026, 3, 4, 23, 30, 0, TimeSpan.Zero), TestContexts.Moscow, [], WorkingHours.Default);

        Assert.Equal("2026-03-06T18:00:00+03:00", Due("tomorrow", context));
    }

    // ---- daylight saving: Europe/Berlin springs forward on 2026-03-29 and falls back on 2026-10-25 ----

    [Fact]
    public void Find_KeepsTheClockTime_WhenInOneDayCrossesTheSpringChange()
    {
        var context = TestContexts.At("2026-03-28T10:00:00");

        var due = DueParser.Find("in 1 day", context)!.Due;

        Assert.Equal("2026-03-29T10:00:00+02:00", TestContexts.Iso(due));
        Assert.Equal(TimeSpan.FromHours(23), due - context.Now);
    }

    [Fact]
    public void Find_KeepsTheClockTime_WhenInOneDayCrossesTheAutumnChange()
    {
        var context = TestContexts.At("2026-10-24T10:00:00");

        var due = DueParser.Find("in 1 day", context)!.Due;

        Assert.Equal("2026-10-25T10:00:00+01:00", TestContexts.Iso(due));
        Assert.Equal(TimeSpan.FromHours(25), due - context.Now);
    }

    [Fact]
    public void Find_CountsElapsedTime_WhenInHoursCrossesTheSpringChange()
    {
        var context = TestContexts.At("2026-03-29T01:30:00");

        Assert.Equal("2026-03-29T04:30:00+02:00", Due("in 2 hours", context));
    }

    [Fact]
    public void Find_ChangesTheOffset_WhenTheDateIsAfterTheSpringChange()
    {
        Assert.Equal("2026-03-30T18:00:00+02:00", Due("on Monday", TestContexts.At("2026-03-27T16:00:00")));
    }

    [Fact]
    public void Find_ShiftsForward_WhenTheTimeFallsIntoTheSpringGap()
    {
        Assert.Equal("2026-03-29T03:30:00+02:00", Due("tomorrow at 2:30am", TestContexts.At("2026-03-28T10:00:00")));
    }

    [Fact]
    public void Find_PicksTheFirstInstant_WhenTheTimeFallsIntoTheAutumnOverlap()
    {
        Assert.Equal("2026-10-25T02:30:00+02:00", Due("tomorrow at 2:30am", TestContexts.At("2026-10-24T10:00:00")));
    }

    [Fact]
    public void Find_ReturnsTheLaterOffset_WhenNowIsInTheRepeatedHour()
    {
        // 02:30+01:00 is the second 02:30 of the night; "in 1 hour" is 03:30 winter time.
        var context = new ParseContext(new DateTimeOffset(2026, 10, 25, 2, 30, 0, TimeSpan.FromHours(1)), TestContexts.Berlin, [], WorkingHours.Default);

        Assert.Equal("2026-10-25T03:30:00+01:00", Due("in 1 hour", context));
    }
}
