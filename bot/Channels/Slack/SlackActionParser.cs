using System.Text.Json;
using System.Text.Json.Nodes;
using AccountCoachBot.Conversation;

namespace AccountCoachBot.Channels.Slack;

/// <summary>
/// Turns Slack interactivity back into our <see cref="SubmittedAction"/>: a button press from a
/// <c>block_actions</c> payload, or a modal's <c>view_submission</c>. The inverse of <see cref="BlockKitRenderer"/>.
/// </summary>
/// <remarks>Returns null for anything we did not render (no action id, a value that isn't a JSON object):
/// the endpoint acks and ignores it.</remarks>
public static class SlackActionParser
{
    /// <summary>
    /// One element of a <c>block_actions</c> payload's <c>actions</c> array:
    /// <c>action_id</c> <c>promise.done#0</c> → id <c>promise.done</c>; <c>value</c> (JSON object) → payload.
    /// </summary>
    /// <param name="action">The element of <c>actions</c>.</param>
    /// <param name="state">The payload's <c>state</c> (<c>{"values": {...}}</c>), when the message carries a form
    /// (card-level inputs): each filled input is added to the payload under its <c>block_id</c>.</param>
    public static SubmittedAction? FromBlockAction(JsonObject action, JsonObject? state = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        var wireId = StringOf(action["action_id"]);
        if (string.IsNullOrWhiteSpace(wireId)) return null;
        var id = ActionIdOf(wireId);
        if (string.IsNullOrWhiteSpace(id)) return null;
        var payload = PayloadOf(StringOf(action["value"]));
        if (payload is null) return null;
        AddInputs(payload, state);
        return new SubmittedAction(id, payload);
    }

    /// <summary>A whole <c>block_actions</c> payload: its first action, with the message's form state.</summary>
    public static SubmittedAction? FromBlockActions(JsonObject payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (StringOf(payload["type"]) != "block_actions") return null;
        return payload["actions"] is JsonArray { Count: > 0 } actions && actions[0] is JsonObject first
            ? FromBlockAction(first, payload["state"] as JsonObject)
            : null;
    }

    /// <summary>
    /// A submitted modal (the payload's <c>view</c>; the whole <c>view_submission</c> payload is accepted too):
    /// <c>callback_id</c> → id; <c>private_metadata</c> (JSON object) → payload; each input's
    /// <c>state.values[block_id][action_id]</c> (<c>selected_date</c>, <c>value</c>, …) → payload[block_id].
    /// Inputs left empty are not added.
    /// </summary>
    public static SubmittedAction? FromViewSubmission(JsonObject view)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (StringOf(view["type"]) == "view_submission" && view["view"] is JsonObject inner) view = inner;

        var id = StringOf(view["callback_id"]);
        if (string.IsNullOrWhiteSpace(id)) return null;
        var payload = PayloadOf(StringOf(view["private_metadata"]));
        if (payload is null) return null;

        AddInputs(payload, view["state"] as JsonObject);
        return new SubmittedAction(id, payload);
    }

    /// <summary><c>state.values[block_id][action_id]</c> → payload[block_id] (the input id), for filled inputs.</summary>
    private static void AddInputs(Dictionary<string, string> payload, JsonObject? state)
    {
        if (state?["values"] is not JsonObject values) return;
        foreach (var (blockId, block) in values)
        {
            if (block is not JsonObject elements) continue;
            foreach (var (_, element) in elements)
            {
                if (element is JsonObject s && ValueOf(s) is { } value) payload[blockId] = value;
            }
        }
    }

    /// <summary><c>promise.done#3</c> → <c>promise.done</c>: drops the per-button index the renderer adds.</summary>
    public static string ActionIdOf(string wireId)
    {
        var at = wireId.LastIndexOf(BlockKitRenderer.ActionIndexSeparator);
        if (at <= 0 || at == wireId.Length - 1) return wireId;
        foreach (var c in wireId.AsSpan(at + 1))
        {
            if (c is < '0' or > '9') return wireId;
        }
        return wireId[..at];
    }

    /// <summary>The value an input holds, by element type; null when it was left empty.</summary>
    private static string? ValueOf(JsonObject state) => StringOf(state["type"]) switch
    {
        "datepicker" => StringOf(state["selected_date"]),
        "timepicker" => StringOf(state["selected_time"]),
        "plain_text_input" => StringOf(state["value"]),
        "static_select" or "external_select" or "radio_buttons" => StringOf((state["selected_option"] as JsonObject)?["value"]),
        _ => StringOf(state["value"]) ?? StringOf(state["selected_date"]) ?? StringOf(state["selected_time"])
            ?? StringOf((state["selected_option"] as JsonObject)?["value"]),
    };

    /// <summary>JSON object text → string dictionary (other JSON values kept as JSON text); empty → empty; else null.</summary>
    private static Dictionary<string, string>? PayloadOf(string? json)
    {
        var payload = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json)) return payload;
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
        if (node is not JsonObject obj) return null;
        foreach (var (key, value) in obj)
        {
            if (value is null) continue;
            payload[key] = StringOf(value) ?? value.ToJsonString();
        }
        return payload;
    }

    private static string? StringOf(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
