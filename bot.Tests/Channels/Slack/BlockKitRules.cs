using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AccountCoachBot.Tests.Channels.Slack;

/// <summary>
/// Slack's Block Kit rules that can be checked offline (limits from Slack's Block Kit reference, as collected in
/// shared/reference/slack-contract.md §7.1), for the block and element types our renderer uses. Deliberately
/// written from the rules, not from the renderer: it knows nothing of how the JSON was produced.
/// Returns one line per violation, with a JSON path; empty = within every rule.
/// </summary>
public static partial class BlockKitRules
{
    public static IReadOnlyList<string> CheckMessage(JsonObject message)
    {
        var errors = new List<string>();
        var text = message["text"];
        if (text is not JsonValue || string.IsNullOrWhiteSpace(text.GetValue<string>()))
            errors.Add("text: the top-level fallback text must always be set");
        else
        {
            MaxLength(errors, "text", text.GetValue<string>(), 40_000);
            CheckMrkdwnEscaping(errors, "text", text.GetValue<string>());
        }

        foreach (var (key, _) in message)
        {
            if (key is not ("text" or "blocks")) errors.Add($"{key}: unexpected top-level key");
        }

        if (message["blocks"] is null) return errors;
        if (message["blocks"] is not JsonArray blocks)
        {
            errors.Add("blocks: must be an array");
            return errors;
        }
        if (blocks.Count == 0) errors.Add("blocks: empty array (omit it instead)");
        if (blocks.Count > 50) errors.Add($"blocks: {blocks.Count} blocks, a message holds at most 50");
        CheckBlocks(errors, blocks, "blocks", surface: "message");
        return errors;
    }

    public static IReadOnlyList<string> CheckModal(JsonObject view)
    {
        var errors = new List<string>();
        if (view["type"]?.GetValue<string>() != "modal") errors.Add("type: must be \"modal\"");
        PlainText(errors, "title", view["title"], 24, required: true);
        PlainText(errors, "close", view["close"], 24, required: false);
        var blocks = view["blocks"] as JsonArray;
        var hasInputs = blocks?.Any(b => b?["type"]?.GetValue<string>() == "input") == true;
        PlainText(errors, "submit", view["submit"], 24, required: hasInputs);
        if (view["callback_id"] is { } callback) MaxLength(errors, "callback_id", callback.GetValue<string>(), 255);
        if (view["private_metadata"] is { } metadata) MaxLength(errors, "private_metadata", metadata.GetValue<string>(), 3000);
        if (blocks is null)
        {
            errors.Add("blocks: required");
            return errors;
        }
        if (blocks.Count > 100) errors.Add($"blocks: {blocks.Count} blocks, a modal holds at most 100");
        CheckBlocks(errors, blocks, "blocks", surface: "modal");
        return errors;
    }

    private static void CheckBlocks(List<string> errors, JsonArray blocks, string path, string surface)
    {
        var blockIds = new HashSet<string>();
        var actionIds = new HashSet<string>();
        for (var i = 0; i < blocks.Count; i++)
        {
            var p = $"{path}[{i}]";
            if (blocks[i] is not JsonObject block)
            {
                errors.Add($"{p}: not an object");
                continue;
            }
            if (block["block_id"] is { } blockIdNode)
            {
                var blockId = blockIdNode.GetValue<string>();
                MaxLength(errors, $"{p}.block_id", blockId, 255);
                if (!blockIds.Add(blockId)) errors.Add($"{p}.block_id: '{blockId}' is not unique");
            }
            switch (block["type"]?.GetValue<string>())
            {
                case "header":
                    PlainText(errors, $"{p}.text", block["text"], 150, required: true);
                    break;
                case "section":
                    if (block["text"] is null && block["fields"] is null) errors.Add($"{p}: a section needs text or fields");
                    if (block["text"] is { } sectionText) Text(errors, $"{p}.text", sectionText, 3000);
                    if (block["fields"] is JsonArray fields)
                    {
                        if (fields.Count is 0 or > 10) errors.Add($"{p}.fields: {fields.Count} fields, allowed 1..10");
                        for (var f = 0; f < fields.Count; f++) Text(errors, $"{p}.fields[{f}]", fields[f], 2000);
                    }
                    break;
                case "context":
                    if (block["elements"] is not JsonArray contextElements || contextElements.Count is 0 or > 10)
                        errors.Add($"{p}.elements: a context block holds 1..10 elements");
                    else
                        for (var e = 0; e < contextElements.Count; e++) Text(errors, $"{p}.elements[{e}]", contextElements[e], 3000);
                    break;
                case "actions":
                    if (block["elements"] is not JsonArray elements || elements.Count is 0 or > 25)
                    {
                        errors.Add($"{p}.elements: an actions block holds 1..25 elements");
                        break;
                    }
                    for (var e = 0; e < elements.Count; e++) Element(errors, $"{p}.elements[{e}]", elements[e] as JsonObject, actionIds, inInput: false);
                    break;
                case "input":
                    PlainText(errors, $"{p}.label", block["label"], 2000, required: true);
                    if (block["hint"] is { } hint) PlainText(errors, $"{p}.hint", hint, 2000, required: true);
                    if (block["optional"] is { } optional && optional.GetValueKind() != System.Text.Json.JsonValueKind.True
                        && optional.GetValueKind() != System.Text.Json.JsonValueKind.False)
                        errors.Add($"{p}.optional: must be a boolean");
                    Element(errors, $"{p}.element", block["element"] as JsonObject, actionIds, inInput: true);
                    break;
                default:
                    errors.Add($"{p}.type: '{block["type"]}' is not a block type this checker knows ({surface})");
                    break;
            }
        }
    }

    private static void Element(List<string> errors, string p, JsonObject? element, HashSet<string> actionIds, bool inInput)
    {
        if (element is null)
        {
            errors.Add($"{p}: missing element");
            return;
        }
        var actionId = element["action_id"]?.GetValue<string>();
        if (string.IsNullOrEmpty(actionId)) errors.Add($"{p}.action_id: required for our elements");
        else
        {
            MaxLength(errors, $"{p}.action_id", actionId, 255);
            if (!actionIds.Add(actionId)) errors.Add($"{p}.action_id: '{actionId}' is not unique in the surface");
        }
        if (element["placeholder"] is { } placeholder) PlainText(errors, $"{p}.placeholder", placeholder, 150, required: true);
        switch (element["type"]?.GetValue<string>())
        {
            case "button" when !inInput:
                PlainText(errors, $"{p}.text", element["text"], 75, required: true);
                if (element["value"] is { } value) MaxLength(errors, $"{p}.value", value.GetValue<string>(), 2000);
                if (element["url"] is { } url) MaxLength(errors, $"{p}.url", url.GetValue<string>(), 3000);
                if (element["style"] is { } style && style.GetValue<string>() is not ("primary" or "danger"))
                    errors.Add($"{p}.style: must be primary or danger");
                break;
            case "datepicker":
                if (element["initial_date"] is { } initialDate && !IsoDate().IsMatch(initialDate.GetValue<string>()))
                    errors.Add($"{p}.initial_date: must be YYYY-MM-DD");
                break;
            case "plain_text_input" when inInput:
                if (element["max_length"] is { } maxLength && maxLength.GetValue<int>() is < 1 or > 3000)
                    errors.Add($"{p}.max_length: must be 1..3000");
                if (element["initial_value"] is { } initialValue && element["max_length"] is { } ml
                    && initialValue.GetValue<string>().Length > ml.GetValue<int>())
                    errors.Add($"{p}.initial_value: longer than max_length");
                break;
            default:
                errors.Add($"{p}.type: '{element["type"]}' is not allowed here");
                break;
        }
    }

    private static void Text(List<string> errors, string p, JsonNode? node, int max)
    {
        var type = node?["type"]?.GetValue<string>();
        if (type is not ("mrkdwn" or "plain_text"))
        {
            errors.Add($"{p}.type: a text object is mrkdwn or plain_text");
            return;
        }
        var text = node!["text"]?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(text)) errors.Add($"{p}.text: must not be empty");
        else
        {
            MaxLength(errors, $"{p}.text", text, max);
            if (type == "mrkdwn") CheckMrkdwnEscaping(errors, $"{p}.text", text);
        }
    }

    private static void PlainText(List<string> errors, string p, JsonNode? node, int max, bool required)
    {
        if (node is null)
        {
            if (required) errors.Add($"{p}: required");
            return;
        }
        if (node["type"]?.GetValue<string>() != "plain_text") errors.Add($"{p}.type: must be plain_text");
        var text = node["text"]?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(text)) errors.Add($"{p}.text: must not be empty");
        else MaxLength(errors, $"{p}.text", text, max);
    }

    private static void MaxLength(List<string> errors, string p, string value, int max)
    {
        if (value.Length > max) errors.Add($"{p}: {value.Length} characters, limit {max}");
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1])))
                errors.Add($"{p}: lone high surrogate at {i} (a character was cut in half)");
            else if (char.IsLowSurrogate(value[i]) && (i == 0 || !char.IsHighSurrogate(value[i - 1])))
                errors.Add($"{p}: lone low surrogate at {i} (a character was cut in half)");
        }
    }

    /// <summary>We never render links or mentions, so mrkdwn must hold no raw &lt; or &gt;, and every &amp; must start an escape.</summary>
    private static void CheckMrkdwnEscaping(List<string> errors, string p, string text)
    {
        if (text.Contains('<') || text.Contains('>')) errors.Add($"{p}: unescaped < or > in mrkdwn");
        if (BareAmpersand().IsMatch(text)) errors.Add($"{p}: unescaped & (or a cut escape) in mrkdwn");
    }

    [GeneratedRegex("&(?!amp;|lt;|gt;)")]
    private static partial Regex BareAmpersand();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();
}
