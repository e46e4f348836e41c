using AccountCoachBot.Channels.BotFramework;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Tests.Conversation;

/// <summary>The one place features ask where a message goes: each channel answers for its own addresses.</summary>
public sealed class DestinationsTests
{
    private readonly Destinations _destinations = new([new BotFrameworkDestinations(), new SlackDestinations()]);

    [Theory]
    [InlineData("botframework", true)]
    [InlineData("slack", true)]
    [InlineData("terminal", false)]
    [InlineData("test", false)]
    public void ShowsForms_IsWhatTheChannelDeclares_AndFalseWithoutOne(string transport, bool forms)
    {
        Assert.Equal(forms, _destinations.ShowsForms(transport));
    }

    [Fact]
    public void ParsePlace_AsksEachChannel_WhenOneReadsTheText()
    {
        Assert.Equal("slack", _destinations.ParsePlace("<#C0SALES|sales>")?.Transport);
        Assert.Null(_destinations.ParsePlace("sales"));
        Assert.Null(new Destinations([new BotFrameworkDestinations()]).ParsePlace("C0SALES"));
    }

    [Fact]
    public void PlaceOf_IsNull_WhenTheAddressIsNoNamedPlace()
    {
        Assert.Null(_destinations.PlaceOf(null));
        Assert.Null(_destinations.PlaceOf(new ConversationAddress { Transport = "botframework", ReferenceJson = "{}", IsShared = true }));
        Assert.Null(_destinations.PlaceOf(new ConversationAddress { Transport = "terminal", ReferenceJson = "{}" }));
        Assert.Equal("C0SALES", _destinations.PlaceOf(new ConversationAddress
        {
            Transport = "slack", ReferenceJson = new SlackReference("T0", "C0SALES", "U0").ToJson(), IsShared = true,
        })?.Id);
    }

    [Fact]
    public async Task MentionAsync_IsNull_WhenTheAddressesChannelCannotMention()
    {
        // Neither channel touches the database for these: Teams never mentions, the terminal has no destinations.
        Assert.Null(await _destinations.MentionAsync(null!, 1, new ConversationAddress { Transport = "botframework" }, CancellationToken.None));
        Assert.Null(await _destinations.MentionAsync(null!, 1, new ConversationAddress { Transport = "terminal" }, CancellationToken.None));
    }
}
