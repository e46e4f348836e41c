using System.Text.Json.Nodes;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Conversation;

namespace AccountCoachBot.Tests.Channels.Slack;

public class BlockKitModalTests
{
    private static readonly CardAction Move = new("promise.move", "New date…",
        new Dictionary<string, string> { ["promiseId"] = "42" },
        [
            new CardInput("due", InputKind.Date, "New date", "Pick a date"),
            new CardInput("reason", InputKind.Text, "Why? One sentence for the client", Required: false),
        ]);

    [Fact]
    public void RenderModal_RendersDatepickerAndMultilineReason_ForMoveAction()
    {
        var view = BlockKitRenderer.RenderModal(Move, "{\"promiseId\":\"42\"}", "New date", "Save", "Cancel");

        Assert.Equal("modal", view["type"]!.GetValue<string>());
        Assert.Equal("promise.move", view["callback_id"]!.GetValue<string>());
        Assert.Equal("{\"promiseId\":\"42\"}", view["private_metadata"]!.GetValue<string>());
        Assert.Equal("New date", view["title"]!["text"]!.GetValue<string>());
        Assert.Equal("Save", view["submit"]!["text"]!.GetValue<string>());
        Assert.Equal("Cancel", view["close"]!["text"]!.GetValue<string>());

        var blocks = view["blocks"]!.AsArray();
        Assert.Equal(2, blocks.Count);
        var due = blocks[0]!;
        Assert.Equal("input", due["type"]!.GetValue<string>());
        Assert.Equal("due", due["block_id"]!.GetValue<string>());
        Assert.False(due["optional"]!.GetValue<bool>());
        Assert.Equal("New date", due["label"]!["text"]!.GetValue<string>());
        Assert.Equal("datepicker", due["element"]!["type"]!.GetValue<string>());
        Assert.Equal("due", due["element"]!["action_id"]!.GetValue<string>());
        Assert.Equal("Pick a date", due["element"]!["placeholder"]!["text"]!.GetValue<string>());
        Assert.Null(due["element"]!["initial_date"]);

        var reason = blocks[1]!;
        Assert.Equal("reason", reason["block_id"]!.GetValue<string>());
        Assert.True(reason["optional"]!.GetValue<bool>());
        Assert.Equal("plain_text_input", reason["element"]!["type"]!.GetValue<string>());
        Assert.Equal("reason", reason["element"]!["action_id"]!.GetValue<string>());
        Assert.True(reason["element"]!["multiline"]!.GetValue<bool>());

        Assert.Empty(BlockKitRules.CheckModal(view));
    }

    [Fact]
    public void RenderModal_RendersSingleLineText_WhenInputIsNotMultilineOrReason()
    {
        var action = new CardAction("promise.create", "Add", null, [new CardInput("account", InputKind.Text, "Client")]);
        var view = BlockKitRenderer.RenderModal(action, "{}", "New promise", "Save", "Cancel");
        Assert.False(view["blocks"]![0]!["element"]!["multiline"]!.GetValue<bool>());
    }

    [Fact]
    public void RenderModal_SetsInitialValues_WhenGiven()
    {
        var view = BlockKitRenderer.RenderModal(Move, "{}", "New date", "Save", "Cancel",
            new Dictionary<string, string> { ["due"] = "2026-12-01", ["reason"] = "Client asked" });

        Assert.Equal("2026-12-01", view["blocks"]![0]!["element"]!["initial_date"]!.GetValue<string>());
        Assert.Equal("Client asked", view["blocks"]![1]!["element"]!["initial_value"]!.GetValue<string>());
    }

    [Fact]
    public void RenderModal_IgnoresInitialDate_WhenNotIsoDate()
    {
        var view = BlockKitRenderer.RenderModal(Move, "{}", "New date", "Save", "Cancel",
            new Dictionary<string, string> { ["due"] = "2026-12-01T10:00:00Z" });
        Assert.Null(view["blocks"]![0]!["element"]!["initial_date"]);
    }

    [Fact]
    public void RenderModal_CutsTitleAndButtonsTo24Characters_WhenLonger()
    {
        var action = new CardAction("promise.cancel", "Отменить обещание…", null,
            [new CardInput("reason", InputKind.Text, new string('L', 2_500), new string('p', 400))]);

        var view = BlockKitRenderer.RenderModal(action, "{}", "Отменить обещание для «Ромашки»", "Отменить обещание сейчас же", "Оставить как есть, спасибо");

        Assert.Equal("Отменить обещание для «…", view["title"]!["text"]!.GetValue<string>());
        Assert.Equal(24, view["submit"]!["text"]!.GetValue<string>().Length);
        Assert.Equal(24, view["close"]!["text"]!.GetValue<string>().Length);
        Assert.Empty(BlockKitRules.CheckModal(view));
    }

    [Fact]
    public void RenderModal_UsesActionLabelAsTitle_WhenTitleBlank()
    {
        var view = BlockKitRenderer.RenderModal(Move, "{}", " ", "Save", "Cancel");
        Assert.Equal("New date…", view["title"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void RenderModal_Throws_WhenPrivateMetadataExceeds3000Characters()
    {
        var ex = Assert.Throws<ArgumentException>(() => BlockKitRenderer.RenderModal(Move, new string('m', 3_001), "t", "Save", "Cancel"));
        Assert.Contains("private_metadata", ex.Message);
        Assert.Empty(BlockKitRules.CheckModal(BlockKitRenderer.RenderModal(Move, new string('m', 3_000), "t", "Save", "Cancel")));
    }

    [Fact]
    public void RenderModal_Throws_WhenActionHasNoInputs()
    {
        Assert.Throws<ArgumentException>(() => BlockKitRenderer.RenderModal(new CardAction("promise.done", "Done"), "{}", "t", "Save", "Cancel"));
    }

    [Fact]
    public void RenderModal_Throws_WhenTwoInputsShareAnId()
    {
        var action = Move with { Inputs = [new CardInput("due", InputKind.Date, "a"), new CardInput("due", InputKind.Text, "b")] };
        Assert.Throws<ArgumentException>(() => BlockKitRenderer.RenderModal(action, "{}", "t", "Save", "Cancel"));
    }
}
