using AccountCoachBot.Channels.BotFramework;
using AccountCoachBot.Channels.Playground;
using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;
using AccountCoachBot.Scheduling;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Channels.Playground;

/// <summary>A conversation's transcript as Web Chat polls it, and reminders for a conversation the bot forgot.</summary>
public sealed class DirectLineConversationTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 9, 0, 0, TimeSpan.Zero);

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };

    [Fact]
    public void Append_StampsStrictlyIncreasingTimestamps_WhenTheClockStandsStill()
    {
        var conversation = new DirectLineConversation("c1", "t", "u", maxActivities: 10);

        conversation.Append(Message("one"), Now);
        conversation.Append(Message("two"), Now);

        var stamps = conversation.Since(0).Activities.Select(a => DateTimeOffset.Parse(a!["timestamp"]!.GetValue<string>())).ToList();
        Assert.True(stamps[1] > stamps[0], "Web Chat orders by timestamp: two activities may not share one");
    }

    [Fact]
    public void Since_KeepsWatermarksAbsolute_WhenOldActivitiesFallOut()
    {
        var conversation = new DirectLineConversation("c1", "t", "u", maxActivities: 2);
        foreach (var text in new[] { "one", "two", "three" }) conversation.Append(Message(text), Now);

        var (activities, watermark) = conversation.Since(2);

        Assert.Equal(3, watermark);
        Assert.Equal("three", Assert.Single(activities)!["text"]!.GetValue<string>());
        Assert.Equal(["two", "three"], conversation.Since(0).Activities.Select(a => a!["text"]!.GetValue<string>()));
    }

    [Fact]
    public void Since_ReadsFromTheStart_WhenTheWatermarkIsBeyondTheEnd()
    {
        // The bot restarted: the page still polls with its old watermark, and the new transcript is shorter.
        var conversation = new DirectLineConversation("c1", "t", "u", maxActivities: 10);
        conversation.Append(Message("after the restart"), Now);

        var (activities, watermark) = conversation.Since(40);

        Assert.Equal(1, watermark);
        Assert.Single(activities);
    }

    [Fact]
    public void Authorize_TakesTheFirstToken_WhenAReminderRecreatedTheConversation()
    {
        var conversation = new DirectLineConversation("c1", token: null, "u", maxActivities: 10);

        Assert.True(conversation.Authorize("page-token"));
        Assert.False(conversation.Authorize("another-token"));
        Assert.True(conversation.Authorize("page-token"));
    }

    [Fact]
    public async Task Send_KeepsTheReminderForThePage_WhenTheBotNoLongerKnowsTheConversation()
    {
        var store = new DirectLineStore(Options.Create(new PlaygroundOptions()));
        var sender = new PlaygroundNudgeSender(store, new FakeTimeProvider(Now));
        var reference = new ConversationReference
        {
            ChannelId = PlaygroundTurns.ChannelId,
            Conversation = new ConversationAccount { Id = "forgotten" },
            User = new ChannelAccount { Id = "pg-user-1" },
            Bot = PlaygroundTurns.Bot,
        };
        var address = new ConversationAddress
        {
            Transport = PlaygroundTurns.Transport,
            Key = "playground|forgotten",
            ReferenceJson = System.Text.Json.JsonSerializer.Serialize(reference, BotFrameworkJson.Options),
        };

        var result = await sender.SendAsync(address, new Reply("Due now: call Olga back (Acme)."), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        var conversation = store.FindOrRecreate("forgotten", "page-token")!;
        Assert.True(conversation.Authorize("page-token"));
        var reminder = Assert.Single(conversation.Since(0).Activities)!;
        Assert.Equal("Due now: call Olga back (Acme).", reminder["text"]!.GetValue<string>());
        Assert.Equal("pg-user-1", reminder["recipient"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Send_MarksTheAddressStale_WhenTheReferenceHasNoConversation()
    {
        var sender = new PlaygroundNudgeSender(new DirectLineStore(Options.Create(new PlaygroundOptions())), new FakeTimeProvider(Now));
        var address = new ConversationAddress { Transport = PlaygroundTurns.Transport, Key = "playground|x", ReferenceJson = "{}" };

        var result = await sender.SendAsync(address, new Reply("hi"), CancellationToken.None);

        Assert.Equal(SendOutcome.Stale, result.Outcome);
    }
}
