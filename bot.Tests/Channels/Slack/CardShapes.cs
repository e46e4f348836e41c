using AccountCoachBot.Conversation;

namespace AccountCoachBot.Tests.Channels.Slack;

/// <summary>
/// Replies of every shape a renderer must survive: the reminder from VOICE.md, limits at every boundary, Russian,
/// emoji and escapes where a cut would fall. Shared by the renderer's tests and the Block Kit oracle.
/// </summary>
internal static class CardShapes
{
    internal static Dictionary<string, string> P(params (string Key, string Value)[] entries) =>
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

    internal static readonly Dictionary<string, Func<Reply>> All = new()
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
}
