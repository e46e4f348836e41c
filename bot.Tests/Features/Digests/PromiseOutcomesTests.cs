using AccountCoachBot.Features.Digests;
using AccountCoachBot.Features.Promises;
using static AccountCoachBot.Tests.Features.Digests.DigestTestKit;

namespace AccountCoachBot.Tests.Features.Digests;

/// <summary>A promise's history read as deadlines, and the one outcome it gets in a period.</summary>
public sealed class PromiseOutcomesTests
{
    private static readonly DateTime Start = Utc(11, 23);
    private static readonly DateTime End = Utc(11, 30);
    private static readonly DateTime Now = Utc(12, 1);

    private static PromiseOutcome? Outcome(DateTime due, PromiseStatus status, DateTime? closed, params DueChange[] changes)
    {
        var row = new PromiseRow(1, 1, 1, Utc(11, 1), due, status, closed);
        return PromiseOutcomes.In(row, PromiseOutcomes.Deadlines(row, changes), Start, End, Now);
    }

    private static DueChange Move(DateTime at, DateTime from, DateTime to) => new(1, PromiseEventKind.Moved, at, from, to);

    [Fact]
    public void In_CountsKeptOnTime_WhenMovedInTimeWithinTheWeekAndDoneByTheNewDate()
    {
        Assert.Equal(PromiseOutcome.KeptOnTime, Outcome(Utc(11, 25), PromiseStatus.Done, Utc(11, 25), Move(Utc(11, 22), Utc(11, 23, 12), Utc(11, 25))));
    }

    [Fact]
    public void In_CountsMovedAfterDue_WhenTheLastDateInTheWeekWasMovedLate_EvenAfterAnEarlierMoveInTime()
    {
        Assert.Equal(PromiseOutcome.MovedAfterDue, Outcome(Utc(12, 4), PromiseStatus.Open, null,
            Move(Utc(11, 23, 9), Utc(11, 23, 16), Utc(11, 25, 16)), Move(Utc(11, 26, 8), Utc(11, 25, 16), Utc(12, 4))));
    }

    [Fact]
    public void In_CountsAPromiseMovedIntoTheWeekFromBefore_ByWhatHappenedInIt()
    {
        Assert.Equal(PromiseOutcome.KeptLate, Outcome(Utc(11, 24), PromiseStatus.Done, Utc(11, 24, 1), Move(Utc(11, 21), Utc(11, 20), Utc(11, 24))));
    }

    [Fact]
    public void In_TreatsADateCorrectionAsTheSameDeadline_NotAMove()
    {
        var correction = new DueChange(1, PromiseEventKind.Edited, Utc(11, 10), Utc(11, 10, 12), Utc(11, 24));

        Assert.Equal(PromiseOutcome.KeptOnTime, Outcome(Utc(11, 24), PromiseStatus.Done, Utc(11, 24), correction));
    }

    [Fact]
    public void In_IsNull_WhenNoDeadlineFellInThePeriod()
    {
        Assert.Null(Outcome(Utc(12, 4), PromiseStatus.Open, null, Move(Utc(11, 20), Utc(11, 21), Utc(12, 4))));
    }

    [Fact]
    public void In_SaysNotYetDue_ForAnOpenPromiseLaterThanNow()
    {
        var row = new PromiseRow(1, 1, 1, Utc(11, 1), Utc(11, 29), PromiseStatus.Open, null);

        Assert.Equal(PromiseOutcome.NotYetDue, PromiseOutcomes.In(row, PromiseOutcomes.Deadlines(row, []), Start, End, Utc(11, 27)));
    }

    [Fact]
    public void ByPromise_OrdersChangesAtTheSameInstant_ByTheHistory_NotByTheOrderRead()
    {
        // Moved twice within one instant: 24 Nov → 2 Dec, then 2 Dec → 9 Dec. PostgreSQL returned them the other way
        // round, and the promise lost its deadline in the week.
        var at = Utc(11, 19, 9);
        var first = new DueChange(1, PromiseEventKind.Moved, at, Utc(11, 24), Utc(12, 2), EventId: 7);
        var second = new DueChange(1, PromiseEventKind.Moved, at, Utc(12, 2), Utc(12, 9), EventId: 8);

        var ordered = PromiseOutcomes.ByPromise([second, first])[1];

        Assert.Equal([first, second], ordered);
        var row = new PromiseRow(1, 1, 1, Utc(11, 1), Utc(12, 9), PromiseStatus.Open, null);
        Assert.Equal(PromiseOutcome.MovedBeforeDue, PromiseOutcomes.In(row, PromiseOutcomes.Deadlines(row, ordered), Start, End, Now));
    }
}
