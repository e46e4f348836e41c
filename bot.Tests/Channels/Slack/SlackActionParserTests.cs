using System.Text.Json.Nodes;
using AccountCoachBot.Channels.BotFramework;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Conversation;

namespace AccountCoachBot.Tests.Channels.Slack;

public class SlackActionParserTests
{
    private static readonly CardAction Move = new("promise.move", "New date…",
        new Dictionary<string, string> { ["promiseId"] = "42" },
        [new CardInput("due", InputKind.Date, "New date"), new CardInput("reason", InputKind.Text, "Why? One sentence for the client", Required: false)]);

    private static JsonObject ModalFor(CardAction action) =>
        BlockKitRenderer.RenderModal(action, BlockKitRenderer.PayloadJson(action.Payload), "New date", "Save", "Cancel");

    private static JsonObject Button(Reply reply, int index) =>
        BlockKitRenderer.RenderMessage(reply)["blocks"]!.AsArray()
            .Where(b => b!["type"]!.GetValue<string>() == "actions")
            .SelectMany(b => b!["elements"]!.AsArray())
            .ElementAt(index)!.AsObject();

    [Fact]
    public void FromBlockAction_ReturnsIdAndPayload_WhenRenderedButtonIsClicked()
    {
        var payload = new Dictionary<string, string> { ["promiseId"] = "42", ["note"] = "КП \"v2\" <для> Ольги & co\n", ["empty"] = "" };
        var reply = new Reply("x", new Card("t", Actions: [new("promise.done", "Done", payload), new("promise.done", "Done too", payload)]));

        var first = SlackActionParser.FromBlockAction(SlackPayloads.ClickedButton(Button(reply, 0)));
        var second = SlackActionParser.FromBlockAction(SlackPayloads.ClickedButton(Button(reply, 1)));

        Assert.Equal("promise.done", first!.Id);
        Assert.Equal("promise.done", second!.Id);
        Assert.Equal(payload.OrderBy(kv => kv.Key), first.Payload.OrderBy(kv => kv.Key));
    }

    [Theory]
    [InlineData("promise.done#0", "promise.done")]
    [InlineData("promise.done#17", "promise.done")]
    [InlineData("tag#x#3", "tag#x")]
    [InlineData("tag#x", "tag#x")]
    [InlineData("promise.done#", "promise.done#")]
    [InlineData("#3", "#3")]
    [InlineData("plain", "plain")]
    public void ActionIdOf_StripsOnlyTheNumericButtonSuffix(string wire, string expected)
    {
        Assert.Equal(expected, SlackActionParser.ActionIdOf(wire));
    }

    [Fact]
    public void FromBlockAction_ReturnsEmptyPayload_WhenValueAbsent()
    {
        var action = SlackActionParser.FromBlockAction(new JsonObject { ["type"] = "button", ["action_id"] = "why#5" });
        Assert.Equal("why", action!.Id);
        Assert.Empty(action.Payload);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("\"42\"")]
    public void FromBlockAction_ReturnsNull_WhenValueIsNotAJsonObject(string value)
    {
        Assert.Null(SlackActionParser.FromBlockAction(new JsonObject { ["type"] = "button", ["action_id"] = "a#0", ["value"] = value }));
    }

    [Fact]
    public void FromBlockAction_ReturnsNull_WhenActionIdMissing()
    {
        Assert.Null(SlackActionParser.FromBlockAction(new JsonObject { ["type"] = "button", ["value"] = "{}" }));
    }

    [Fact]
    public void FromBlockAction_KeepsNonStringValuesAsJson_WhenValueHoldsThem()
    {
        var action = SlackActionParser.FromBlockAction(new JsonObject { ["action_id"] = "a#0", ["value"] = "{\"n\":3,\"o\":{\"k\":true},\"z\":null}" });
        Assert.Equal("3", action!.Payload["n"]);
        Assert.Equal("{\"k\":true}", action.Payload["o"]);
        Assert.False(action.Payload.ContainsKey("z"));
    }

    [Fact]
    public void FromBlockActions_AddsFormInputs_WhenMessageHasCardLevelInputs()
    {
        var card = new Card("New promise",
            Inputs: [new("account", InputKind.Text, "Client"), new("due", InputKind.Date, "Due"), new("what", InputKind.Text, "What", Required: false)],
            Actions: [new("promise.create", "Save", new Dictionary<string, string> { ["confirm"] = "yes" })]);
        var state = new JsonObject
        {
            ["account"] = new JsonObject { ["account"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "Acme" } },
            ["due"] = new JsonObject { ["due"] = new JsonObject { ["type"] = "datepicker", ["selected_date"] = "2026-11-27" } },
            ["what"] = new JsonObject { ["what"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = null } },
        };

        var action = SlackActionParser.FromBlockActions(SlackPayloads.BlockActions(Button(new Reply("x", card), 0), state));

        Assert.Equal("promise.create", action!.Id);
        Assert.Equal(
            new Dictionary<string, string> { ["confirm"] = "yes", ["account"] = "Acme", ["due"] = "2026-11-27" }.OrderBy(kv => kv.Key),
            action.Payload.OrderBy(kv => kv.Key));
    }

    [Fact]
    public void FromBlockActions_ReturnsNull_WhenPayloadIsNotBlockActions()
    {
        Assert.Null(SlackActionParser.FromBlockActions(new JsonObject { ["type"] = "view_submission" }));
        Assert.Null(SlackActionParser.FromBlockActions(new JsonObject { ["type"] = "block_actions", ["actions"] = new JsonArray() }));
    }

    [Fact]
    public void FromViewSubmission_AddsInputsToMetadataPayload_WhenModalSubmitted()
    {
        var view = SlackPayloads.SubmittedView(ModalFor(Move), new Dictionary<string, string?> { ["due"] = "2026-12-01", ["reason"] = "Client asked for a week\nto review" });

        var action = SlackActionParser.FromViewSubmission(view);

        Assert.Equal("promise.move", action!.Id);
        Assert.Equal(
            new Dictionary<string, string> { ["promiseId"] = "42", ["due"] = "2026-12-01", ["reason"] = "Client asked for a week\nto review" }.OrderBy(kv => kv.Key),
            action.Payload.OrderBy(kv => kv.Key));
    }

    [Fact]
    public void FromViewSubmission_AcceptsWholePayload_WhenGivenViewSubmissionEnvelope()
    {
        var view = SlackPayloads.SubmittedView(ModalFor(Move), new Dictionary<string, string?> { ["due"] = "2026-12-01" });
        var action = SlackActionParser.FromViewSubmission(SlackPayloads.ViewSubmission(view));
        Assert.Equal("2026-12-01", action!.Get("due"));
    }

    [Fact]
    public void FromViewSubmission_LeavesOutEmptyOptionalInputs_WhenNotFilled()
    {
        var view = SlackPayloads.SubmittedView(ModalFor(Move), new Dictionary<string, string?> { ["due"] = "2026-12-01", ["reason"] = null });

        var action = SlackActionParser.FromViewSubmission(view);

        Assert.Equal(["due", "promiseId"], action!.Payload.Keys.Order());
    }

    [Fact]
    public void FromViewSubmission_LetsInputsWin_WhenMetadataHasTheSameKey()
    {
        var action = Move with { Payload = new Dictionary<string, string> { ["promiseId"] = "42", ["due"] = "2026-11-27" } };
        var view = SlackPayloads.SubmittedView(ModalFor(action), new Dictionary<string, string?> { ["due"] = "2026-12-01" });
        Assert.Equal("2026-12-01", SlackActionParser.FromViewSubmission(view)!.Payload["due"]);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    public void FromViewSubmission_ReturnsNull_WhenMetadataIsNotAJsonObject(string metadata)
    {
        var view = SlackPayloads.SubmittedView(ModalFor(Move), new Dictionary<string, string?>());
        view["private_metadata"] = metadata;
        Assert.Null(SlackActionParser.FromViewSubmission(view));
    }

    [Fact]
    public void FromViewSubmission_ReturnsNull_WhenCallbackIdMissing()
    {
        var view = SlackPayloads.SubmittedView(ModalFor(Move), new Dictionary<string, string?>());
        view.Remove("callback_id");
        Assert.Null(SlackActionParser.FromViewSubmission(view));
    }

    [Fact]
    public void FromViewSubmission_MatchesTeamsActionOf_ForSameActionAndAnswers()
    {
        // The same button and answers must reach the features identically from Teams and from Slack.
        var card = new Card("Due tomorrow", Actions: [new("promise.done", "Done", new Dictionary<string, string> { ["promiseId"] = "42" }), Move]);
        var answers = new Dictionary<string, string?> { ["due"] = "2026-12-01", ["reason"] = "Client asked" };

        // Teams: the ShowCard's submit data plus the inputs, whose ids carry the button index.
        var adaptive = AdaptiveCardRenderer.Render(card);
        var showCard = adaptive["actions"]![1]!["card"]!;
        var data = showCard["actions"]![0]!["data"]!.DeepClone().AsObject();
        foreach (var input in showCard["body"]!.AsArray())
        {
            var key = AdaptiveCardRenderer.InputKey(input!["id"]!.GetValue<string>());
            data[input["id"]!.GetValue<string>()] = answers[key];
        }
        var teams = ActivityMapper.ActionOf(data);

        // Slack: the button opens the modal; its submission comes back.
        var slack = SlackActionParser.FromViewSubmission(SlackPayloads.SubmittedView(ModalFor(card.Actions[1]), answers));

        Assert.Equal(teams!.Id, slack!.Id);
        Assert.Equal(teams.Payload.OrderBy(kv => kv.Key), slack.Payload.OrderBy(kv => kv.Key));
    }
}
