using System.Text.Json.Nodes;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Conversation;

namespace AccountCoachBot.Tests.Channels.Slack;

/// <summary>Replies rendered as Block Kit: within every Slack limit, escaped, and nothing a person needs dropped.</summary>
public class BlockKitRendererTests
{
    private static Dictionary<string, string> P(params (string Key, string Value)[] entries) => CardShapes.P(entries);

    private static Card Reminder() => CardShapes.Reminder();

    private static Dictionary<string, Func<Reply>> Shapes => CardShapes.All;

    public static TheoryData<string> ShapeNames() => new(CardShapes.All.Keys);

    private static IEnumerable<JsonObject> Buttons(JsonObject message) =>
        (message["blocks"] as JsonArray ?? [])
            .Where(b => b!["type"]!.GetValue<string>() == "actions")
            .SelectMany(b => b!["elements"]!.AsArray())
            .Select(e => e!.AsObject());

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void RenderMessage_StaysWithinEverySlackLimit_ForEachCardShape(string shape)
    {
        var message = BlockKitRenderer.RenderMessage(Shapes[shape]());

        var violations = BlockKitRules.CheckMessage(message);
        Assert.True(violations.Count == 0, $"{shape}:\n" + string.Join("\n", violations.Take(20)));
    }

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void FromBlockAction_GivesBackEachButtonsActionIdAndPayload_ForEachCardShape(string shape)
    {
        var reply = Shapes[shape]();
        var message = BlockKitRenderer.RenderMessage(reply);
        var buttons = Buttons(message).ToList();
        var actions = reply.Card?.Actions ?? [];

        // Every action is a button unless the 50-block budget had to drop some (only the 1300-button card).
        if (actions.Count <= 25 * 45) Assert.Equal(actions.Count, buttons.Count);
        else Assert.InRange(buttons.Count, 25 * 45, actions.Count - 1);

        for (var i = 0; i < buttons.Count; i++)
        {
            var clicked = SlackPayloads.ClickedButton(buttons[i]);
            var submitted = SlackActionParser.FromBlockAction(clicked);
            Assert.NotNull(submitted);
            Assert.Equal(actions[i].Id, submitted.Id);
            if (BlockKitRenderer.PayloadJson(actions[i].Payload).Length <= BlockKitRenderer.MaxButtonValueLength)
                Assert.Equal(actions[i].Payload.OrderBy(kv => kv.Key), submitted.Payload.OrderBy(kv => kv.Key));
            else
                Assert.Equal(actions[i].Payload.Keys.Order(), submitted.Payload.Keys.Order());
        }
    }

    [Fact]
    public void RenderMessage_SendsOnlyEscapedMrkdwnText_WhenReplyHasNoCard()
    {
        var message = BlockKitRenderer.RenderMessage(new Reply("Moved to *Tue 1 Dec*. <script>alert(1)</script> & <!channel>"));

        Assert.Null(message["blocks"]);
        Assert.Equal("Moved to *Tue 1 Dec*. &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;!channel&gt;", message["text"]!.GetValue<string>());
    }

    [Fact]
    public void RenderMessage_RendersHeaderLinesActionsAndContext_ForReminderCard()
    {
        var message = BlockKitRenderer.RenderMessage(new Reply("Due tomorrow: send Acme the revised quote (Olga).\nStill on track?", Reminder()));

        Assert.Equal("Due tomorrow: send Acme the revised quote (Olga).\nStill on track?", message["text"]!.GetValue<string>());
        var blocks = message["blocks"]!.AsArray();
        Assert.Equal(["header", "section", "actions", "context"], blocks.Select(b => b!["type"]!.GetValue<string>()));
        Assert.Equal("plain_text", blocks[0]!["text"]!["type"]!.GetValue<string>());
        Assert.Equal("Due tomorrow: send Acme the revised quote (Olga).", blocks[0]!["text"]!["text"]!.GetValue<string>());
        Assert.Equal("Still on track?", blocks[1]!["text"]!["text"]!.GetValue<string>());

        var buttons = blocks[2]!["elements"]!.AsArray();
        Assert.Equal(
            ["promise.done#0", "promise.ontrack#1", "promise.move#2", "promise.snooze#3", "promise.cancel#4", "why#5"],
            buttons.Select(b => b!["action_id"]!.GetValue<string>()));
        Assert.Equal("New date…", buttons[2]!["text"]!["text"]!.GetValue<string>());
        Assert.Equal("{\"promiseId\":\"42\"}", buttons[2]!["value"]!.GetValue<string>());

        // The footnote already names the principle: it isn't repeated.
        var context = blocks[3]!["elements"]!.AsArray();
        Assert.Single(context);
        Assert.Equal("Do what you said; if you can't, say why — before the date. `always-do-what-you-say`", context[0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void RenderMessage_ListsPrincipleIdsInContext_WhenFootnoteDoesNotNameThem()
    {
        var message = BlockKitRenderer.RenderMessage(new Reply("x", new Card("Call Acme", PrincipleIds: ["call-before-they-call", "early-warning"], Footnote: "Key account, every 14 days")));

        var context = message["blocks"]!.AsArray().Last()!["elements"]!.AsArray();
        Assert.Equal(["Key account, every 14 days", "`call-before-they-call` · `early-warning`"], context.Select(e => e!["text"]!.GetValue<string>()));
    }

    [Fact]
    public void RenderMessage_SplitsButtonsIntoActionBlocksOf25_WhenCardHas30Actions()
    {
        var message = BlockKitRenderer.RenderMessage(Shapes["30 actions"]());

        var actionBlocks = message["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "actions").ToList();
        Assert.Equal([25, 5], actionBlocks.Select(b => b!["elements"]!.AsArray().Count));
        var ids = Buttons(message).Select(b => b["action_id"]!.GetValue<string>()).ToList();
        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"promise.done#{i}"), ids);
    }

    [Fact]
    public void RenderMessage_PutsTenFactsPerSection_WhenCardHas25Facts()
    {
        var message = BlockKitRenderer.RenderMessage(Shapes["25 facts"]());

        var sections = message["blocks"]!.AsArray().Where(b => b!["fields"] is not null).ToList();
        Assert.Equal([10, 10, 5], sections.Select(s => s!["fields"]!.AsArray().Count));
        Assert.Equal("*Label 0*\nValue 0", sections[0]!["fields"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("mrkdwn", sections[0]!["fields"]![0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void RenderMessage_EscapesUserContentInEveryMrkdwnText_WhenItHoldsScriptAndAmpersand()
    {
        const string evil = "<script>alert('x')</script> & <@U123> <!here>";
        const string escaped = "&lt;script&gt;alert('x')&lt;/script&gt; &amp; &lt;@U123&gt; &lt;!here&gt;";
        var message = BlockKitRenderer.RenderMessage(new Reply(evil, new Card(evil, Lines: [evil], Facts: [new(evil, evil)], PrincipleIds: ["p&q"], Footnote: evil)));

        Assert.Equal(escaped, message["text"]!.GetValue<string>());
        var blocks = message["blocks"]!.AsArray();
        Assert.Equal(evil, blocks[0]!["text"]!["text"]!.GetValue<string>()); // header: plain_text, shown literally
        Assert.Equal(escaped, blocks[1]!["text"]!["text"]!.GetValue<string>());
        Assert.Equal($"*{escaped}*\n{escaped}", blocks[2]!["fields"]![0]!["text"]!.GetValue<string>());
        Assert.Equal([escaped, "`p&amp;q`"], blocks[3]!["elements"]!.AsArray().Select(e => e!["text"]!.GetValue<string>()));
    }

    [Fact]
    public void RenderMessage_KeepsWholeTitleInBoldSection_WhenTitleLongerThanHeaderLimit()
    {
        var title = string.Concat(Enumerable.Repeat("Acme & Co ", 20)).Trim(); // 199 characters
        var message = BlockKitRenderer.RenderMessage(new Reply("x", new Card(title)));

        var block = message["blocks"]![0]!;
        Assert.Equal("section", block["type"]!.GetValue<string>());
        Assert.Equal($"*{BlockKitRenderer.EscapeMrkdwn(title)}*", block["text"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void RenderMessage_SplitsLinesIntoSectionsAtLineBreaks_WhenTheyExceedOneSection()
    {
        var lines = Enumerable.Range(0, 100).Select(i => $"#{i:000} " + new string('x', 55)).ToList(); // 60 chars each
        var message = BlockKitRenderer.RenderMessage(new Reply("x", new Card("List", Lines: lines)));

        var texts = message["blocks"]!.AsArray().Skip(1).Select(b => b!["text"]!["text"]!.GetValue<string>()).ToList();
        Assert.Equal(3, texts.Count);
        Assert.All(texts, t => Assert.InRange(t.Length, 1, 3000));
        // Nothing lost, nothing cut mid-line.
        Assert.Equal(lines, texts.SelectMany(t => t.Split('\n')));
    }

    [Fact]
    public void RenderMessage_EndsWithEllipsis_WhenLinesExceedTheTotalBudget()
    {
        var message = BlockKitRenderer.RenderMessage(Shapes["many lines"]());

        var texts = message["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "section").Select(b => b!["text"]!["text"]!.GetValue<string>()).ToList();
        Assert.True(texts.Sum(t => t.Length) <= BlockKitRenderer.MaxLinesTotalLength + texts.Count);
        Assert.EndsWith("…", texts[^1]);
    }

    [Fact]
    public void RenderMessage_ShortensOnlyTheLongValue_WhenPayloadExceedsButtonValueLimit()
    {
        var what = string.Concat(Enumerable.Repeat("отправить \"КП\" ", 200)); // ~3000 characters, with quotes to escape
        var action = new CardAction("promise.create", "Yes, add", P(("account", "Acme"), ("what", what), ("due", "2026-11-27T17:00:00.0000000+00:00"), ("confirm", "yes")));
        var message = BlockKitRenderer.RenderMessage(new Reply("x", new Card("New client?", Actions: [action])));

        var value = Buttons(message).Single()["value"]!.GetValue<string>();
        Assert.InRange(value.Length, 1900, BlockKitRenderer.MaxButtonValueLength);
        var submitted = SlackActionParser.FromBlockAction(SlackPayloads.ClickedButton(Buttons(message).Single()))!;
        Assert.Equal("Acme", submitted.Payload["account"]);
        Assert.Equal("2026-11-27T17:00:00.0000000+00:00", submitted.Payload["due"]);
        Assert.Equal("yes", submitted.Payload["confirm"]);
        Assert.EndsWith("…", submitted.Payload["what"]);
        Assert.StartsWith(submitted.Payload["what"][..^1], what);
    }

    [Fact]
    public void RenderMessage_KeepsCyrillicUnescapedInValue_WhenPayloadIsRussian()
    {
        var message = BlockKitRenderer.RenderMessage(new Reply("x", new Card("t", Actions: [new("a", "b", P(("what", "КП для «Ромашки»")))])));
        Assert.Equal("{\"what\":\"КП для «Ромашки»\"}", Buttons(message).Single()["value"]!.GetValue<string>());
    }

    [Fact]
    public void RenderMessage_RendersCardLevelInputsAsInputBlocks_WhenCardHasAForm()
    {
        var message = BlockKitRenderer.RenderMessage(Shapes["card-level form"]());

        var inputs = message["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "input").ToList();
        Assert.Equal(["account", "due", "what"], inputs.Select(b => b!["block_id"]!.GetValue<string>()));
        Assert.Equal(["plain_text_input", "datepicker", "plain_text_input"], inputs.Select(b => b!["element"]!["type"]!.GetValue<string>()));
        Assert.Equal(["account", "due", "what"], inputs.Select(b => b!["element"]!["action_id"]!.GetValue<string>()));
        Assert.Equal([false, false, true], inputs.Select(b => b!["optional"]!.GetValue<bool>()));
        Assert.True(inputs[2]!["element"]!["multiline"]!.GetValue<bool>());
        Assert.Equal("Acme", inputs[0]!["element"]!["placeholder"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void RenderMessage_RespectsTheBlockBudget_WhenCardNeedsMoreThan50Blocks()
    {
        var message = BlockKitRenderer.RenderMessage(Shapes["everything at once"]());

        var types = message["blocks"]!.AsArray().Select(b => b!["type"]!.GetValue<string>()).ToList();
        Assert.Equal(50, types.Count);
        Assert.Equal("header", types[0]);
        Assert.Equal("context", types[^1]);
        Assert.Equal(2, types.Count(t => t == "actions"));   // all 30 buttons
        Assert.Equal(5, types.Count(t => t == "input"));     // the whole form
        var sections = message["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "section").ToList();
        Assert.Equal(40, sections.Count(s => s!["fields"] is not null)); // all 400 facts
        Assert.Single(sections, s => s!["text"] is not null);           // the lines get what is left
    }

    [Fact]
    public void RenderMessage_Throws_WhenActionIdCannotFitActionIdLimit()
    {
        var reply = new Reply("x", new Card("t", Actions: [new(new string('a', 254), "Go")]));
        var ex = Assert.Throws<ArgumentException>(() => BlockKitRenderer.RenderMessage(reply));
        Assert.Contains("action_id", ex.Message);
    }

    [Theory]
    [InlineData("abc&amp;def", 8, "abc…")]      // cut would fall inside "&amp;": backs off to before it
    [InlineData("abc&amp;def", 9, "abc&amp;…")]
    [InlineData("ab🙂cd", 4, "ab…")]            // cut would split the surrogate pair
    [InlineData("short", 5, "short")]
    [InlineData("&lt;&gt;", 5, "&lt;…")]
    public void FitWithEllipsis_NeverSplitsEscapesOrSurrogates_WhenCutting(string text, int max, string expected)
    {
        Assert.Equal(expected, BlockKitRenderer.FitWithEllipsis(text, max));
    }

    [Fact]
    public void EscapeMrkdwn_EscapesOnlyAmpersandAndAngleBrackets()
    {
        Assert.Equal("*bold* _it_ `code` &amp; &lt;b&gt; ~x~", BlockKitRenderer.EscapeMrkdwn("*bold* _it_ `code` & <b> ~x~"));
    }
}
