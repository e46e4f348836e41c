using System.Text.Json.Nodes;

namespace AccountCoachBot.Channels.Slack;

internal static class SlackJson
{
    /// <summary>A non-empty string at this node, or null (Slack omits, nulls or empties fields freely).</summary>
    public static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrEmpty(s) ? s : null;

    /// <summary>The string field <paramref name="key"/> of this node when it is an object; null for anything else a client sent.</summary>
    public static string? Str(JsonNode? node, string key) => Str((node as JsonObject)?[key]);
}
