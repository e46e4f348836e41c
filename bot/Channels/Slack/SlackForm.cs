using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace AccountCoachBot.Channels.Slack;

/// <summary>
/// A slash command's body, <c>application/x-www-form-urlencoded</c> (https://api.slack.com/interactivity/slash-commands).
/// The ack reads the few fields it needs straight from the text, and the inbox keeps the text as Slack sent it; the turn
/// reads it whole (<see cref="ToJson"/>). Profiled under a burst of commands, parsing every field into a dictionary and
/// writing it out again as JSON before the ack was two fifths of all the bot allocated, and so of its collections.
/// </summary>
public static class SlackForm
{
    /// <summary>
    /// A field's value, decoded; repeated fields joined with commas, as <see cref="QueryHelpers.ParseQuery"/> gives them;
    /// null when the form has no such field.
    /// </summary>
    public static string? Field(string form, string name)
    {
        string? value = null;
        var text = form.AsSpan(form.StartsWith('?') ? 1 : 0); // as ParseQuery, which ToJson uses, reads it
        foreach (var range in text.Split('&'))
        {
            var pair = text[range];
            var equals = pair.IndexOf('=');
            var key = equals < 0 ? pair : pair[..equals];
            if (!(key.SequenceEqual(name) || key.ContainsAny('%', '+') && Decode(key) == name)) continue;
            var decoded = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
            value = value is null ? decoded : $"{value},{decoded}";
        }
        return value;
    }

    /// <summary>Every field as a JSON string property, as the turn reads a request.</summary>
    public static JsonObject ToJson(string form)
    {
        var json = new JsonObject();
        foreach (var (key, values) in QueryHelpers.ParseQuery(form)) json[key] = values.ToString();
        return json;
    }

    /// <summary>Whether a recorded command is the form itself (a record from before it was, is JSON).</summary>
    public static bool IsForm(string payload) => !payload.StartsWith('{');

    private static string Decode(ReadOnlySpan<char> encoded)
    {
        if (!encoded.ContainsAny('%', '+')) return encoded.ToString();
        return Uri.UnescapeDataString(encoded.ToString().Replace('+', ' '));
    }
}
