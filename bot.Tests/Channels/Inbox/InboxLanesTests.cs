using AccountCoachBot.Channels.Inbox;

namespace AccountCoachBot.Tests.Channels.Inbox;

public sealed class InboxLanesTests
{
    private readonly InboxLanes _lanes = new();

    [Fact]
    public void Add_StartsALane_OnlyWhenNothingRunsIt()
    {
        Assert.True(_lanes.Add(new InboxEntry(1, "conv-a"), claimed: false));
        Assert.False(_lanes.Add(new InboxEntry(2, "conv-a"), claimed: true));
        Assert.True(_lanes.Add(new InboxEntry(3, "conv-b"), claimed: false)); // another conversation runs beside it

        Assert.Equal(3, _lanes.Queued);
    }

    [Fact]
    public void Add_QueuesARowOnce_WhenItIsFoundAgain()
    {
        _lanes.Add(new InboxEntry(1, "conv-a"), claimed: false);
        _lanes.Add(new InboxEntry(2, "conv-a"), claimed: false);

        Assert.False(_lanes.Add(new InboxEntry(2, "conv-a"), claimed: true));
        Assert.Equal(2, _lanes.Queued);
        Assert.Equal((new InboxEntry(2, "conv-a"), false), _lanes.Next(new InboxEntry(1, "conv-a"), stopping: false));
        Assert.Null(_lanes.Next(new InboxEntry(2, "conv-a"), stopping: false));
    }

    [Fact]
    public void Next_GivesTheLanesRowsInTheOrderTheyCame_ThenEndsTheLane()
    {
        var first = new InboxEntry(5, "conv-a");
        _lanes.Add(first, claimed: false);
        _lanes.Add(new InboxEntry(9, "conv-a"), claimed: true);
        _lanes.Add(new InboxEntry(7, "conv-a"), claimed: false);

        var second = _lanes.Next(first, stopping: false);
        var third = _lanes.Next(second!.Value.Entry, stopping: false);

        Assert.Equal((new InboxEntry(9, "conv-a"), true), second);
        Assert.Equal((new InboxEntry(7, "conv-a"), false), third);
        Assert.Null(_lanes.Next(third!.Value.Entry, stopping: false));
        Assert.Equal(0, _lanes.Queued);
        Assert.True(_lanes.Add(new InboxEntry(11, "conv-a"), claimed: false)); // the lane starts afresh
    }

    [Fact]
    public void Next_LeavesWhatWaited_WhenStopping()
    {
        var first = new InboxEntry(1, "conv-a");
        _lanes.Add(first, claimed: false);
        _lanes.Add(new InboxEntry(2, "conv-a"), claimed: false);

        Assert.Null(_lanes.Next(first, stopping: true));
        Assert.Equal(0, _lanes.Queued);
        // Still in the inbox: found again (the next start's sweep), it runs.
        Assert.True(_lanes.Add(new InboxEntry(2, "conv-a"), claimed: false));
    }
}
