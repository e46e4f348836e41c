using System.Text.Json.Nodes;
using AccountCoachBot.Conversation;

namespace AccountCoachBot.Channels.BotFramework;

/// <summary>
/// Renders the channel-neutral card as an Adaptive Card 1.5 (Teams, Web Chat, Emulator). Buttons are
/// Action.Submit; a button with inputs opens them in an Action.ShowCard with its own submit.
/// </summary>
public static class AdaptiveCardRenderer
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>The key in a submit's data that names the action; the rest is its payload and inputs.</summary>
    public const string ActionKey = "action";

    public static JsonObject Render(Card card)
    {
        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = card.Title, ["weight"] = "Bolder", ["wrap"] = true },
        };
        foreach (var line in card.Lines)
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = line, ["wrap"] = true, ["spacing"] = "Small" });
        if (card.Note is { } note) body.Add(NoteBlock(note));
        if (card.Facts.Count > 0)
        {
            var facts = new JsonArray();
            foreach (var f in card.Facts) facts.Add(new JsonObject { ["title"] = f.Label, ["value"] = f.Value });
            body.Add(new JsonObject { ["type"] = "FactSet", ["facts"] = facts });
        }
        foreach (var input in card.Inputs)
            body.Add(RenderInput(input, "form"));
        if (!string.IsNullOrWhiteSpace(card.Footnote))
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = card.Footnote, ["wrap"] = true, ["isSubtle"] = true, ["size"] = "Small" });

        var result = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = body,
        };
        if (card.Actions.Count > 0)
        {
            var actions = new JsonArray();
            for (var i = 0; i < card.Actions.Count; i++) actions.Add(RenderAction(card.Actions[i], i));
            result["actions"] = actions;
        }
        return result;
    }

    /// <summary>The note to copy: its label, then the text alone in an emphasised container (no markup, no code block).</summary>
    private static JsonObject NoteBlock(CardNote note) => new()
    {
        ["type"] = "Container",
        ["style"] = "emphasis",
        ["spacing"] = "Medium",
        ["items"] = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = note.Label, ["wrap"] = true, ["isSubtle"] = true, ["size"] = "Small" },
            new JsonObject { ["type"] = "TextBlock", ["text"] = note.Text, ["wrap"] = true, ["spacing"] = "Small" },
        },
    };

    public static Attachment ToAttachment(Card card) => new() { ContentType = ContentType, Content = Render(card) };

    /// <summary>
    /// Input ids must be unique in a card, yet two buttons may both ask for a "reason": each input id gets its
    /// button's index as a suffix, which <see cref="InputKey"/> strips again on the way in.
    /// </summary>
    public const string InputSuffix = "__";

    public static string InputKey(string wireKey)
    {
        var at = wireKey.LastIndexOf(InputSuffix, StringComparison.Ordinal);
        if (at <= 0) return wireKey;
        var suffix = wireKey[(at + InputSuffix.Length)..];
        return suffix == "form" || int.TryParse(suffix, out _) ? wireKey[..at] : wireKey;
    }

    private static JsonObject RenderAction(CardAction action, int index)
    {
        var submit = new JsonObject { ["type"] = "Action.Submit", ["title"] = action.Label, ["data"] = Data(action) };
        if (action.Inputs.Count == 0) return submit;

        var inputs = new JsonArray();
        foreach (var input in action.Inputs)
            inputs.Add(RenderInput(input, index.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        submit["title"] = action.Label.TrimEnd('…', '.', ' ');
        return new JsonObject
        {
            ["type"] = "Action.ShowCard",
            ["title"] = action.Label,
            ["card"] = new JsonObject { ["type"] = "AdaptiveCard", ["body"] = inputs, ["actions"] = new JsonArray { submit } },
        };
    }

    private static JsonObject RenderInput(CardInput input, string suffix)
    {
        var element = new JsonObject
        {
            ["type"] = input.Kind == InputKind.Date ? "Input.Date" : "Input.Text",
            ["id"] = $"{input.Id}{InputSuffix}{suffix}",
            ["label"] = input.Label,
            ["isRequired"] = input.Required,
        };
        // Clients show this when a required input is left empty; the question itself says what is missing.
        if (input.Required) element["errorMessage"] = input.ErrorMessage ?? input.Label;
        if (input.Placeholder is not null) element["placeholder"] = input.Placeholder;
        if (input.Kind == InputKind.Text)
        {
            element["maxLength"] = 500;
            element["isMultiline"] = input.Multiline;
        }
        return element;
    }

    private static JsonObject Data(CardAction action)
    {
        var data = new JsonObject { [ActionKey] = action.Id };
        foreach (var (key, value) in action.Payload) data[key] = value;
        return data;
    }
}
