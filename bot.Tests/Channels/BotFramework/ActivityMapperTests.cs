using AccountCoachBot.Channels.BotFramework;
using AccountCoachBot.Conversation;

namespace AccountCoachBot.Tests.Channels.BotFramework;

/// <summary>Whether a Teams conversation is shared is the channel's to say, from the activity itself.</summary>
public sealed class ActivityMapperTests
{
    private static Activity Message(string? conversationType, bool? isGroup) => new()
    {
        Type = ActivityTypes.Message,
        Id = "1",
        ChannelId = "msteams",
        ServiceUrl = "http://127.0.0.1:1/",
        From = new ChannelAccount { Id = "29:olga", Name = "Olga" },
        Recipient = new ChannelAccount { Id = "28:bot" },
        Conversation = new ConversationAccount { Id = "19:conv", ConversationType = conversationType, IsGroup = isGroup },
        Text = "accounts",
    };

    [Theory]
    [InlineData("channel", null)]
    [InlineData("groupChat", null)]
    [InlineData(null, true)]
    [InlineData("channel", true)]
    public void ToInbound_MarksTheAddressShared_WhenOthersReadTheConversation(string? conversationType, bool? isGroup)
    {
        Assert.True(ActivityMapper.ToInbound(Message(conversationType, isGroup), InboundKind.Message).Address.IsShared);
    }

    [Theory]
    [InlineData("personal", false)]
    [InlineData("personal", null)]
    [InlineData(null, null)]
    public void ToInbound_LeavesTheAddressPrivate_WhenItIsAOneToOneChat(string? conversationType, bool? isGroup)
    {
        Assert.False(ActivityMapper.ToInbound(Message(conversationType, isGroup), InboundKind.Message).Address.IsShared);
    }

    [Fact]
    public void ToInbound_KeepsTheSendersDirectoryId_WhenTeamsSendsAadObjectId()
    {
        var activity = Message("personal", false);
        activity.From!.AadObjectId = "6f1c0b52-0000-4000-8000-000000000001";
        Assert.Equal("6f1c0b52-0000-4000-8000-000000000001", ActivityMapper.ToInbound(activity, InboundKind.Message).Sender.DirectoryId);
    }

    [Fact]
    public void ToReply_SendsATypingIndicator_WhenTheReplyIsInterim()
    {
        var typing = ActivityMapper.ToReply(Message("personal", false), new Reply("One moment — reading that…") { IsInterim = true });
        var message = ActivityMapper.ToReply(Message("personal", false), new Reply("One moment — reading that…"));

        Assert.Equal((ActivityTypes.Typing, (string?)null), (typing.Type, typing.Text));
        Assert.Equal(ActivityTypes.Message, message.Type);
    }
}
