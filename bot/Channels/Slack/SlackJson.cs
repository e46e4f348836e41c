using System.Text.Json.Nodes;

namespace AccountCoachBot.Channels.Slack;

internal static class SlackJson
{
    /// <summary>A non-empty string at this node, or null (Slack omits, nulls or empties fields freely).</summary>
    public static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrEmpty(s) ? s : null;
}
