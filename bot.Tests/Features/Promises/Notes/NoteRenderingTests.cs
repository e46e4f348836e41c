using System.Text.Json.Nodes;
using AccountCoachBot.Channels.BotFramework;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Conversation;
using AccountCoachBot.Tests.Infrastructure;

namespace AccountCoachBot.Tests.Features.Promises.Notes;

/// <summary>The note to copy: a block of its own in every channel, its text exactly as composed.</summary>
public sealed class NoteRenderingTests
{
    private const string NoteText = "Olga, I promised to send you the *revised* quote by Thursday, 5 March. I need until Friday, 6 March, because legal needs another day.";

    private static Reply Moved() => new("Moved", new Card("Moved to Fri 6 Mar. Tell Olga today.", Lines: ["One line"], Footnote: "Do what you said.")
    {
        Note = new CardNote("Ready to send:", NoteText),
    });

    [Fact]
    public void Slack_PutsTheNoteInItsOwnPlainTextSection_AfterTheLines()
    {
        var blocks = BlockKitRenderer.RenderMessage(Moved())["blocks"]!.AsArray();

        Assert.Equal(["header", "section", "context", "section", "context"], blocks.Select(b => b!["type"]!.GetValue<string>()));
        Assert.Equal("Ready to send:", blocks[2]!["elements"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("plain_text", blocks[3]!["text"]!["type"]!.GetValue<string>());
        // Plain text: nothing escaped, no mrkdwn read into the client's words.
        Assert.Equal(NoteText, blocks[3]!["text"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Teams_PutsTheNoteInAnEmphasisedContainer_AsAPlainTextBlock()
    {
        var body = AdaptiveCardRenderer.Render(Moved().Card!)["body"]!.AsArray();

        var container = body.Single(b => b!["type"]!.GetValue<string>() == "Container")!;
        Assert.Equal("emphasis", container["style"]!.GetValue<string>());
        var items = container["items"]!.AsArray();
        Assert.Equal("Ready to send:", items[0]!["text"]!.GetValue<string>());
        Assert.Equal(NoteText, items[1]!["text"]!.GetValue<string>());
        Assert.Null(items[1]!["fontType"]);
        Assert.Equal(2, body.IndexOf(container)); // after the title and the line, before the footnote
    }

    [Fact]
    public async Task Teams_NoteCard_IsAValidAdaptiveCard()
    {
        Assert.Empty(await AdaptiveCardValidator.ValidateAsync((JsonNode)AdaptiveCardRenderer.Render(Moved().Card!)));
    }

    [Fact]
    public void PlainText_ShowsTheLabelThenTheNote_OnLinesOfTheirOwn()
    {
        var text = PlainTextRenderer.Render(Moved());

        Assert.Equal($"Moved to Fri 6 Mar. Tell Olga today.\nOne line\nReady to send:\n{NoteText}\nDo what you said.", text.ReplaceLineEndings("\n"));
    }
}
