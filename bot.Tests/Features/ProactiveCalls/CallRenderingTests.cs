using AccountCoachBot.Channels.BotFramework;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Conversation;

namespace AccountCoachBot.Tests.Features.ProactiveCalls;

/// <summary>
/// What a call nudge needs from the renderers: Slack mentions only the person code addresses (never a mention
/// typed into a text), keeps channel links, and the answer visibility flags survive Slack's form preparation.
/// </summary>
public sealed class CallRenderingTests
{
    private static Reply Nudge(Mention? to) => new Reply("Acme hasn't heard from you for 16 days.",
        new Card("Acme hasn't heard from you for 16 days.", Lines: ["Call before they call you: <@U0EVIL> & <!channel>"],
            Actions: [new CardAction("call.called", "Called")], PrincipleIds: ["proactive-call"]))
    { AddressedTo = to };

    [Fact]
    public void BlockKit_MentionsTheAddressee_AndEscapesMentionsWrittenInTexts()
    {
        var message = BlockKitRenderer.RenderMessage(Nudge(new Mention(SlackReference.Transport, "T0FAKE:U0OLGA")));

        Assert.Equal("<@U0OLGA> Acme hasn't heard from you for 16 days.", message["text"]!.GetValue<string>());
        var section = message["blocks"]!.AsArray().First(b => b!["type"]!.GetValue<string>() == "section")!;
        Assert.Equal("<@U0OLGA> Call before they call you: &lt;@U0EVIL&gt; &amp; &lt;!channel&gt;", section["text"]!["text"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("botframework", "29:olga")]     // not a Slack identity
    [InlineData(SlackReference.Transport, "T0FAKE:<!here>")] // not a Slack user id
    public void BlockKit_MentionsNobody_WhenTheAddresseeIsNotASlackUser(string channel, string externalId)
    {
        var message = BlockKitRenderer.RenderMessage(Nudge(new Mention(channel, externalId)));

        Assert.DoesNotContain("<@", message.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.DoesNotContain("<!", message["text"]!.GetValue<string>());
    }

    [Fact]
    public void EscapeMrkdwn_KeepsChannelLinks_AndEscapesEverythingAroundThem()
    {
        Assert.Equal("I couldn't post in <#C0ACME>. &lt;b&gt; <#G0PRIV|private-deals> &amp; <#C0X|a>",
            BlockKitRenderer.EscapeMrkdwn("I couldn't post in <#C0ACME>. <b> <#G0PRIV|private-deals> & <#C0X|a>"));
        Assert.Equal("<#C0ACME|x>y&gt;", BlockKitRenderer.EscapeMrkdwn("<#C0ACME|x>y>"));
        Assert.Equal("&lt;#c0acme|x&gt; &lt;#U0OLGA&gt;", BlockKitRenderer.EscapeMrkdwn("<#c0acme|x> <#U0OLGA>")); // only channel ids
    }

    [Fact]
    public void AdaptiveCard_IgnoresTheAddressee_InAPersonalChat()
    {
        var card = AdaptiveCardRenderer.Render(Nudge(new Mention(SlackReference.Transport, "T0FAKE:U0OLGA")).Card!);

        Assert.DoesNotContain("U0OLGA", card.ToJsonString());
    }

    [Fact]
    public void SlackPreparation_KeepsWhoTheAnswerIsFor()
    {
        var reply = new Reply("Logged.", new Card("Logged.", Actions: [new CardAction("call.note", "Add a note…", Inputs: [new CardInput("note", InputKind.Text, "Note")])]))
        { ForEveryone = true, AddressedTo = new Mention(SlackReference.Transport, "T:U0OLGA") };

        var prepared = SlackMessages.Prepare(reply);

        Assert.True(prepared.ForEveryone);
        Assert.Equal(reply.AddressedTo, prepared.AddressedTo);
        Assert.Empty(prepared.Card!.Actions[0].Inputs);
    }
}
