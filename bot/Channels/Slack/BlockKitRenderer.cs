using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AccountCoachBot.Conversation;

namespace AccountCoachBot.Channels.Slack;

/// <summary>
/// Renders the channel-neutral reply as a Slack message (Block Kit), and a card action with inputs as a modal.
/// </summary>
/// <remarks>
/// <para>Message layout: title (header block), lines (mrkdwn sections), facts (section fields), the card's
/// own inputs (input blocks), buttons (actions blocks), then a context block with the footnote and principle ids. Every Slack limit below is
/// enforced: text written by people is cut with "…" rather than rejected by Slack; ids and metadata that
/// cannot be cut without breaking them throw <see cref="ArgumentException"/> (they come from code, not users).</para>
/// <para>Buttons: <c>action_id</c> = <c>{action id}#{index in the card}</c> (Slack wants action ids unique within
/// a message, and one card may have two "Done" buttons); <c>value</c> = the payload as compact JSON.
/// <see cref="SlackActionParser"/> reverses both. A button whose action has inputs looks the same; the
/// endpoint opens <see cref="RenderModal"/> for it.</para>
/// </remarks>
public static partial class BlockKitRenderer
{
    // Limits from Slack's Block Kit reference (see shared/reference/slack-contract.md §7.1).
    public const int MaxBlocksPerMessage = 50;
    public const int MaxBlocksPerView = 100;
    public const int MaxSectionTextLength = 3000;
    public const int MaxFieldsPerSection = 10;
    public const int MaxFieldTextLength = 2000;
    public const int MaxHeaderTextLength = 150;
    public const int MaxContextElements = 10;
    public const int MaxActionsPerBlock = 25;
    public const int MaxButtonTextLength = 75;
    public const int MaxButtonValueLength = 2000;
    public const int MaxActionIdLength = 255;
    public const int MaxBlockIdLength = 255;
    public const int MaxCallbackIdLength = 255;
    public const int MaxPrivateMetadataLength = 3000;
    public const int MaxViewTextLength = 24;
    public const int MaxInputLabelLength = 2000;
    public const int MaxPlaceholderLength = 150;

    /// <summary>Slack truncates a message's <c>text</c> beyond 40,000 characters.</summary>
    public const int MaxMessageTextLength = 40_000;

    // Our own, tighter budgets.

    /// <summary>Context texts: no documented limit of their own; kept at the field limit.</summary>
    public const int MaxContextTextLength = 2000;

    /// <summary>The notification text of a message that has blocks (the blocks carry the content).</summary>
    public const int MaxFallbackTextLength = 3000;

    /// <summary>
    /// All card lines together. Slack refuses messages whose blocks hold more than about 13k characters in
    /// total (<c>msg_blocks_too_long</c>) even when each block is within its limit.
    /// </summary>
    public const int MaxLinesTotalLength = 12_000;

    /// <summary>Free-text inputs in modals (the same cap as the Adaptive Card renderer).</summary>
    public const int MaxTextInputLength = 500;

    /// <summary>Separates an action id from the button's index in <c>action_id</c>.</summary>
    public const char ActionIndexSeparator = '#';

    public const string Ellipsis = "…";

    private static readonly JsonSerializerOptions CompactJson = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    /// <summary>
    /// <c>{"text": …, "blocks": [...]}</c> for a reply with a card; <c>{"text": …}</c> (mrkdwn) without one.
    /// <c>text</c> is always set: it is what notifications and screen readers show.
    /// </summary>
    public static JsonObject RenderMessage(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var mention = MentionOf(reply.AddressedTo);
        var lead = mention is null ? "" : mention + " ";
        if (reply.Card is null)
            return new JsonObject { ["text"] = lead + FitWithEllipsis(EscapeMrkdwn(NonBlank(reply.Text)), MaxMessageTextLength - lead.Length) };

        var card = reply.Card;
        var fallback = NonBlank(reply.Text, card.Title, card.Lines.FirstOrDefault());
        return new JsonObject
        {
            ["text"] = lead + FitWithEllipsis(EscapeMrkdwn(fallback), MaxFallbackTextLength - lead.Length),
            ["blocks"] = RenderBlocks(card, mention),
        };
    }

    /// <summary>
    /// The one mention we render: the person a message in a channel is addressed to, named by code (never by
    /// text people wrote), as <c>&lt;@U…&gt;</c>. Null unless it is a Slack identity (<c>team:user</c>).
    /// </summary>
    private static string? MentionOf(Mention? person)
    {
        if (person is null || person.Channel != SlackReference.Transport) return null;
        var user = person.ExternalId[(person.ExternalId.LastIndexOf(':') + 1)..];
        return SlackId().IsMatch(user) ? $"<@{user}>" : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[UW][A-Z0-9]{2,30}$")]
    private static partial System.Text.RegularExpressions.Regex SlackId();

    /// <summary>A channel link, <c>&lt;#C123&gt;</c> or <c>&lt;#C123|name&gt;</c>: it names a channel and notifies no one.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"<#[CG][A-Z0-9]{2,30}(\|[^<>&|]{0,80})?>")]
    private static partial System.Text.RegularExpressions.Regex ChannelLink();

    // ---- message ----

    private static JsonArray RenderBlocks(Card card, string? mention = null)
    {
        var title = TitleBlock(card.Title);
        var context = ContextBlock(card);
        var note = NoteBlocks(card.Note);
        var room = MaxBlocksPerMessage - (title is null ? 0 : 1) - (context is null ? 0 : 1) - note.Count;

        // Budget order: buttons (a card without its actions is a dead end), the form they submit, facts, lines.
        var actionBlocks = ActionBlocks(card.Actions, room);
        room -= actionBlocks.Count;
        var inputBlocks = FormBlocks(card, room);
        room -= inputBlocks.Count;
        var factBlocks = FactBlocks(card.Facts, room);
        room -= factBlocks.Count;
        var lineBlocks = LineBlocks(card.Lines, room, mention);

        var blocks = new JsonArray();
        if (title is not null) blocks.Add(title);
        foreach (var b in lineBlocks) blocks.Add(b);
        foreach (var b in note) blocks.Add(b);
        foreach (var b in factBlocks) blocks.Add(b);
        foreach (var b in inputBlocks) blocks.Add(b);
        foreach (var b in actionBlocks) blocks.Add(b);
        if (context is not null) blocks.Add(context);
        return blocks;
    }

    private static JsonObject? TitleBlock(string? title)
    {
        if (string.IsNullOrWhiteSpace(title)) return null;
        var oneLine = OneLine(title);
        if (oneLine.Length <= MaxHeaderTextLength)
            return new JsonObject { ["type"] = "header", ["text"] = PlainText(oneLine) };
        // Too long for a header: a bold section keeps all of it (up to the section limit).
        return Section($"*{FitWithEllipsis(EscapeMrkdwn(oneLine), MaxSectionTextLength - 2)}*");
    }

    private static List<JsonObject> LineBlocks(IReadOnlyList<string> lines, int room, string? mention = null)
    {
        var result = new List<JsonObject>();
        if (room <= 0 || (lines.Count == 0 && mention is null)) return result;
        var all = string.Join('\n', lines.Select(l => EscapeMrkdwn(l ?? "")));
        all = FitWithEllipsis(all, MaxLinesTotalLength);
        // The addressee's mention leads the first line ("@Olga Call before they call you…").
        if (mention is not null) all = all.Length == 0 ? mention : $"{mention} {all}";
        var chunks = Chunks(all, MaxSectionTextLength).Where(c => !string.IsNullOrWhiteSpace(c)).ToList();
        if (chunks.Count > room)
        {
            chunks = chunks.Take(room).ToList();
            chunks[^1] = AppendEllipsis(chunks[^1], MaxSectionTextLength);
        }
        result.AddRange(chunks.Select(Section));
        return result;
    }

    /// <summary>The note to copy: a small label, then the text in a section of its own as plain text (nothing to unescape).</summary>
    private static List<JsonObject> NoteBlocks(CardNote? note)
    {
        if (note is null || string.IsNullOrWhiteSpace(note.Text)) return [];
        return
        [
            new JsonObject { ["type"] = "context", ["elements"] = new JsonArray { Mrkdwn(FitWithEllipsis(EscapeMrkdwn(note.Label), MaxContextTextLength)) } },
            new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = FitWithEllipsis(note.Text, MaxSectionTextLength), ["emoji"] = false } },
        ];
    }

    private static List<JsonObject> FactBlocks(IReadOnlyList<CardFact> facts, int room)
    {
        var result = new List<JsonObject>();
        var fields = facts
            .Where(f => !string.IsNullOrWhiteSpace(f.Label) || !string.IsNullOrWhiteSpace(f.Value))
            .Select(FactText)
            .ToList();
        for (var i = 0; i < fields.Count && result.Count < room; i += MaxFieldsPerSection)
        {
            var array = new JsonArray();
            foreach (var text in fields.Skip(i).Take(MaxFieldsPerSection)) array.Add(Mrkdwn(text));
            result.Add(new JsonObject { ["type"] = "section", ["fields"] = array });
        }
        return result;
    }

    private static string FactText(CardFact fact)
    {
        var value = string.IsNullOrWhiteSpace(fact.Value) ? "—" : EscapeMrkdwn(fact.Value.Trim());
        if (string.IsNullOrWhiteSpace(fact.Label)) return FitWithEllipsis(value, MaxFieldTextLength);
        // Label bold on its own line, value below; the label gets at most a fifth of the room.
        var label = $"*{FitWithEllipsis(EscapeMrkdwn(OneLine(fact.Label)), MaxFieldTextLength / 5)}*";
        return label + "\n" + FitWithEllipsis(value, MaxFieldTextLength - label.Length - 1);
    }

    private static List<JsonObject> ActionBlocks(IReadOnlyList<CardAction> actions, int room)
    {
        var result = new List<JsonObject>();
        for (var i = 0; i < actions.Count && result.Count < room; i += MaxActionsPerBlock)
        {
            var elements = new JsonArray();
            for (var j = i; j < Math.Min(i + MaxActionsPerBlock, actions.Count); j++) elements.Add(Button(actions[j], j));
            result.Add(new JsonObject { ["type"] = "actions", ["elements"] = elements });
        }
        return result;
    }

    private static JsonObject Button(CardAction action, int index)
    {
        var actionId = $"{action.Id}{ActionIndexSeparator}{index.ToString(CultureInfo.InvariantCulture)}";
        RequireId(action.Id, MaxActionIdLength, "action id");
        if (actionId.Length > MaxActionIdLength)
            throw new ArgumentException($"Action id '{action.Id}' is too long for Slack's action_id ({MaxActionIdLength} characters with its '#{index}' suffix).");
        return new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = actionId,
            ["text"] = PlainText(FitWithEllipsis(OneLine(NonBlank(action.Label, action.Id)), MaxButtonTextLength)),
            ["value"] = ButtonValue(action),
        };
    }

    /// <summary>
    /// The payload as compact JSON within 2000 characters. JSON can't be cut, so when a payload carries long
    /// text (a promise someone typed at length) the longest values are shortened, with "…", until it fits.
    /// </summary>
    private static string ButtonValue(CardAction action)
    {
        var payload = action.Payload.ToDictionary(kv => kv.Key, kv => kv.Value ?? "");
        var json = PayloadJson(payload);
        while (json.Length > MaxButtonValueLength)
        {
            var longest = payload.MaxBy(kv => kv.Value.Length);
            if (longest.Key is null || longest.Value.Length <= Ellipsis.Length)
                throw new ArgumentException($"The payload of action '{action.Id}' does not fit in a button value ({MaxButtonValueLength} characters) even with its values shortened.");
            // The longest prefix that fits, found by bisection (JSON escapes make lengths uneven).
            var original = longest.Value;
            int low = 0, high = original.Length - 1;
            while (low < high)
            {
                var mid = (low + high + 1) / 2;
                payload[longest.Key] = SafePrefix(original, mid, entities: false) + Ellipsis;
                if (PayloadJson(payload).Length <= MaxButtonValueLength) low = mid;
                else high = mid - 1;
            }
            payload[longest.Key] = SafePrefix(original, low, entities: false) + Ellipsis;
            json = PayloadJson(payload);
        }
        return json;
    }

    /// <summary>
    /// Card-level inputs (a form) become input blocks in the message itself; Slack sends their values in the
    /// <c>state</c> of the <c>block_actions</c> payload when any button is pressed
    /// (<see cref="SlackActionParser.FromBlockAction(JsonObject, JsonObject?)"/>). Slack does not enforce
    /// <c>optional: false</c> for a button press in a message: handlers must still check required values.
    /// </summary>
    private static List<JsonObject> FormBlocks(Card card, int room)
    {
        var result = new List<JsonObject>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in card.Inputs)
        {
            if (result.Count >= room) break;
            RequireId(input.Id, Math.Min(MaxBlockIdLength, MaxActionIdLength), "input id");
            if (!seen.Add(input.Id))
                throw new ArgumentException($"The card '{card.Title}' has two inputs with id '{input.Id}'; block ids must be unique in a message.");
            result.Add(InputBlock(input, initial: null));
        }
        return result;
    }

    private static JsonObject? ContextBlock(Card card)
    {
        var elements = new JsonArray();
        var footnote = card.Footnote?.Trim();
        if (!string.IsNullOrEmpty(footnote))
            elements.Add(Mrkdwn(FitWithEllipsis(EscapeMrkdwn(footnote), MaxContextTextLength)));
        // Principle ids the footnote doesn't already show, in code style like the footnotes do.
        var ids = card.PrincipleIds
            .Where(id => !string.IsNullOrWhiteSpace(id) && (footnote is null || !footnote.Contains(id, StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (ids.Count > 0)
            elements.Add(Mrkdwn(FitWithEllipsis(EscapeMrkdwn(string.Join(" · ", ids.Select(id => $"`{id.Trim()}`"))), MaxContextTextLength)));
        return elements.Count == 0 ? null : new JsonObject { ["type"] = "context", ["elements"] = elements };
    }
}
