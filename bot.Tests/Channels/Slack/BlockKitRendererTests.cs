using System.Text.Json.Nodes;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Conversation;

namespace AccountCoachBot.Tests.Channels.Slack;

public class BlockKitRendererTests
{
    private static Dictionary<string, string> P(params (string Key, string Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value);

    private static CardInput DateInput(string label = "New date") => new("due", InputKind.Date, label);

    private static CardInput ReasonInput(string label = "Why? One sentence for the client") => new("reason", InputKind.Text, label, Required: false);

    /// <summary>The reminder from VOICE.md, as the promise feature builds it.</summary>
    internal static Card Reminder() => new(
        "Due tomorrow: send Acme the revised quote (Olga).",
        Lines: ["Still on track?"],
        Actions:
        [
            new("promise.done", "Done", P(("promiseId", "42"))),
            new("promise.ontrack", "On track", P(("promiseId", "42"))),
            new("promise.move", "New date…", P(("promiseId", "42")), [DateInput(), ReasonInput()]),
            new("promise.snooze", "Snooze", P(("promiseId", "42"))),
            new("promise.cancel", "Cancel…", P(("promiseId", "42")), [new CardInput("reason", InputKind.Text, "Why cancel?")]),
            new("why", "Why?", P(("principle", "always-do-what-you-say"))),
        ],
        PrincipleIds: ["always-do-what-you-say"],
        Footnote: "Do what you said; if you can't, say why — before the date. `always-do-what-you-say`");

    private static readonly string Emoji = "🙂"; // a surrogate pair in UTF-16

    internal static readonly Dictionary<string, Func<Reply>> Shapes = new()
    {
        ["no card"] = () => new Reply("Hello <b> & you. I didn't catch a date there. Try: `promise Acme: send the quote by Friday`."),
        ["no card, 50k text"] = () => new Reply(string.Concat(Enumerable.Repeat("a&b ", 12_500))),
        ["title only"] = () => new Reply("t", new Card("Saved")),
        ["reminder"] = () => new Reply("Due tomorrow: send Acme the revised quote (Olga).", Reminder()),
        ["facts"] = () => new Reply("Saved", new Card("Saved", Facts: [new("Client", "Acme"), new("What", "send the quote"), new("Due", "Fri 27 Nov, 18:00")])),
        ["25 facts"] = () => new Reply("f", new Card("Facts", Facts: Enumerable.Range(0, 25).Select(i => new CardFact($"Label {i}", $"Value {i}")).ToList())),
        ["many lines"] = () => new Reply("l", new Card("Open promises", Lines: Enumerable.Range(0, 300)
            .Select(i => $"#{i} Acme & Co: send <the> revised quote to Olga · Fri 27 Nov, 18:00 — overdue").ToList())),
        ["one huge line"] = () => new Reply("l", new Card("Huge", Lines: [new string('x', 10_000)])),
        ["huge escaped line"] = () => new Reply("<&>", new Card("<&>", Lines: [string.Concat(Enumerable.Repeat("<&>", 5_000))])),
        ["30 actions"] = () => new Reply("a", new Card("Thirty", Actions: Enumerable.Range(0, 30)
            .Select(i => new CardAction("promise.done", $"Done #{i}", P(("promiseId", i.ToString())))).ToList())),
        ["1300 actions"] = () => new Reply("a", new Card("Many", Lines: ["x"], Facts: [new("a", "b")], Actions: Enumerable.Range(0, 1300)
            .Select(i => new CardAction($"a{i}", $"Button {i}")).ToList(), Footnote: "f")),
        ["inputs on actions"] = () => new Reply("i", new Card("Move", Actions:
        [
            new("promise.move", "New date…", P(("promiseId", "7")), [DateInput(), ReasonInput()]),
            new("promise.edit", "Edit…", P(("promiseId", "7")), [new CardInput("what", InputKind.Text, "What exactly?", "send the quote", Multiline: true)]),
        ])),
        ["card-level form"] = () => new Reply("form", new Card("New promise",
            Inputs: [new("account", InputKind.Text, "Client", "Acme"), DateInput("Due"), new("what", InputKind.Text, "What", Multiline: true, Required: false)],
            Actions: [new("promise.create", "Save"), new("promise.create", "Save and remind me", P(("remind", "yes")))])),
        ["long texts"] = () => new Reply(new string('r', 5_000), new Card(
            new string('T', 500),
            Lines: [new string('l', 3_500)],
            Facts: [new(new string('L', 3_000), new string('V', 5_000)), new("What", new string('w', 2_500))],
            Actions:
            [
                new(new string('a', 200), new string('B', 200), P(("promiseId", "1"), ("what", new string('w', 5_000)))),
                new("promise.move", new string('m', 100), P(("promiseId", "1")),
                    [new CardInput("due", InputKind.Date, new string('D', 3_000), new string('p', 500))]),
            ],
            PrincipleIds: Enumerable.Range(0, 300).Select(i => $"principle-{i}").ToList(),
            Footnote: new string('f', 5_000))),
        ["russian"] = () => new Reply("Завтра срок: отправить Acme обновлённое КП (Ольге).", new Card(
            "Завтра срок: отправить Acme обновлённое КП (Ольге). " + string.Concat(Enumerable.Repeat("Очень длинный заголовок ", 10)),
            Lines: ["Успеваете?", string.Concat(Enumerable.Repeat("Делайте, что обещали; не получается — скажите почему, и до срока. ", 80))],
            Facts: [new("Клиент", "ООО «Ромашка» & партнёры"), new("Что", string.Concat(Enumerable.Repeat("обновлённое КП ", 200)))],
            Actions:
            [
                new("promise.done", "Готово", P(("promiseId", "42"))),
                new("promise.ontrack", "Успеваю", P(("promiseId", "42"))),
                new("promise.move", "Новый срок…", P(("promiseId", "42"), ("what", string.Concat(Enumerable.Repeat("отправить КП ", 300)))),
                    [new CardInput("due", InputKind.Date, "Новый срок"), new CardInput("reason", InputKind.Text, "Почему? Одно предложение для клиента", Required: false)]),
                new("promise.snooze", string.Concat(Enumerable.Repeat("Напомнить позже ", 10)), P(("promiseId", "42"))),
            ],
            PrincipleIds: ["always-do-what-you-say"],
            Footnote: "Делайте, что обещали; не получается — скажите почему, и до срока. `always-do-what-you-say`")),
        ["emoji at every boundary"] = () => new Reply("a" + string.Concat(Enumerable.Repeat(Emoji, 3_000)), new Card(
            "a" + string.Concat(Enumerable.Repeat(Emoji, 200)),
            Lines: ["a" + string.Concat(Enumerable.Repeat(Emoji, 8_000))],
            Facts: [new("a" + string.Concat(Enumerable.Repeat(Emoji, 300)), "a" + string.Concat(Enumerable.Repeat(Emoji, 2_000)))],
            Actions: [new("x", "a" + string.Concat(Enumerable.Repeat(Emoji, 50)), P(("what", "a" + string.Concat(Enumerable.Repeat(Emoji, 1_500)))))],
            Footnote: "a" + string.Concat(Enumerable.Repeat(Emoji, 1_500)))),
        ["escapes at every boundary"] = () => new Reply(string.Concat(Enumerable.Repeat("a<", 3_000)), new Card(
            string.Concat(Enumerable.Repeat("&", 400)),
            Lines: ["ab" + string.Concat(Enumerable.Repeat("&", 5_000)), "a" + string.Concat(Enumerable.Repeat(">", 5_000))],
            Facts: [new(string.Concat(Enumerable.Repeat("<", 300)), "x" + string.Concat(Enumerable.Repeat("&", 1_000)))],
            Footnote: "abc" + string.Concat(Enumerable.Repeat("<", 1_000)))),
        ["everything at once"] = () => new Reply("all", new Card("All",
            Lines: Enumerable.Range(0, 60).Select(i => $"Line {i}").ToList(),
            Facts: Enumerable.Range(0, 400).Select(i => new CardFact($"F{i}", $"V{i}")).ToList(),
            Actions: Enumerable.Range(0, 30).Select(i => new CardAction("act", $"B{i}", P(("i", i.ToString())), i % 3 == 0 ? [DateInput()] : null)).ToList(),
            PrincipleIds: ["p1", "p2"],
            Footnote: "footnote",
            Inputs: Enumerable.Range(0, 5).Select(i => new CardInput($"in{i}", i % 2 == 0 ? InputKind.Text : InputKind.Date, $"Input {i}")).ToList())),
        ["note to copy"] = () => new Reply("Moved", new Card("Moved to Fri 6 Mar. Tell Olga today.", Lines: ["A line"],
            Actions: [new("promise.done", "Done", P(("promiseId", "1")))], Footnote: "f")
        { Note = new CardNote("Ready to send:", "Olga, I promised to send you the *revised* quote <by> Thursday, 5 March & more.") }),
        ["huge note"] = () => new Reply("n", new Card("Note") { Note = new CardNote(new string('L', 3_000), new string('n', 5_000) + Emoji) }),
        ["blank pieces"] = () => new Reply("", new Card("", Lines: ["", "   ", ""], Facts: [new("", ""), new(" ", "v"), new("k", " ")],
            Actions: [new("a", ""), new("b", "  ")], PrincipleIds: ["", " "], Footnote: "  ")),
    };

    public static TheoryData<string> ShapeNames() => new(Shapes.Keys);

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
