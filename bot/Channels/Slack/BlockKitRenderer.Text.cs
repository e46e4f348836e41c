using System.Text;
using System.Text.Json.Nodes;

namespace AccountCoachBot.Channels.Slack;

/// <summary>Text for Slack: escaping, payload JSON, plain and mrkdwn objects, and cutting to Slack's limits without breaking an entity.</summary>
public static partial class BlockKitRenderer
{
    /// <summary>A payload as compact JSON (non-ASCII kept as is), as carried in a button's <c>value</c>.</summary>
    public static string PayloadJson(IReadOnlyDictionary<string, string> payload)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in payload) obj[key] = value;
        return obj.ToJsonString(CompactJson);
    }

    /// <summary>
    /// Escapes the three characters Slack's mrkdwn gives meaning to (<c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c>), so
    /// text from people can't form links, mentions or <c>&lt;!channel&gt;</c>. Other formatting (<c>*</c>, <c>`</c>) is kept.
    /// </summary>
    public static string EscapeMrkdwn(string text)
    {
        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0) return text;
        // Channel links stay links (they notify no one); everything else that Slack would read as markup is escaped.
        var links = ChannelLink().Matches(text);
        if (links.Count > 0)
        {
            var parts = new StringBuilder(text.Length + 16);
            var at = 0;
            foreach (System.Text.RegularExpressions.Match link in links)
            {
                parts.Append(EscapeMrkdwn(text[at..link.Index])).Append(link.Value);
                at = link.Index + link.Length;
            }
            return parts.Append(EscapeMrkdwn(text[at..])).ToString();
        }
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => null,
            } ?? c.ToString());
        }
        return sb.ToString();
    }

    // ---- text helpers ----

    private static JsonObject Section(string mrkdwn) => new() { ["type"] = "section", ["text"] = Mrkdwn(mrkdwn) };

    private static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Trim();

    private static string NonBlank(params string?[] candidates) =>
        candidates.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c)) ?? Ellipsis;

    private static void RequireId(string? id, int max, string what)
    {
        if (string.IsNullOrWhiteSpace(id)) throw new ArgumentException($"A Slack {what} must not be empty.");
        if (id.Length > max) throw new ArgumentException($"'{id}' is too long for a Slack {what} ({id.Length} > {max} characters).");
    }

    /// <summary>
    /// <paramref name="text"/> if it fits in <paramref name="max"/> characters, else its longest safe prefix plus "…".
    /// Safe: never splits a surrogate pair or one of the <c>&amp;amp;</c> / <c>&amp;lt;</c> / <c>&amp;gt;</c> escapes.
    /// </summary>
    internal static string FitWithEllipsis(string text, int max) =>
        text.Length <= max ? text : SafePrefix(text, max - Ellipsis.Length, entities: true).TrimEnd() + Ellipsis;

    private static string AppendEllipsis(string text, int max) =>
        text.Length + Ellipsis.Length <= max ? text + Ellipsis : SafePrefix(text, max - Ellipsis.Length, entities: true) + Ellipsis;

    /// <summary>The first ≤<paramref name="length"/> characters, backing off so no surrogate pair or escape is cut.</summary>
    internal static string SafePrefix(string text, int length, bool entities)
    {
        if (length >= text.Length) return text;
        var cut = Math.Max(0, length);
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1])) cut--;
        if (entities && cut > 0)
        {
            // An escape is at most 5 characters ("&amp;"): look for an unfinished one in the last 4 kept.
            var from = Math.Max(0, cut - 4);
            var amp = text.LastIndexOf('&', cut - 1, cut - from);
            if (amp >= 0 && text.IndexOf(';', amp, cut - amp) < 0) cut = amp;
        }
        return text[..cut];
    }

    /// <summary>Splits text into pieces of at most <paramref name="max"/> characters, at line breaks where possible, then spaces.</summary>
    private static IEnumerable<string> Chunks(string text, int max)
    {
        var rest = text;
        while (rest.Length > max)
        {
            var window = SafePrefix(rest, max, entities: true);
            var newline = window.LastIndexOf('\n');
            var space = window.LastIndexOf(' ');
            int cut, skip;
            if (newline > 0) (cut, skip) = (newline, 1);
            else if (space > max / 2) (cut, skip) = (space, 1);
            else (cut, skip) = (window.Length, 0);
            if (cut == 0) (cut, skip) = (Math.Max(1, window.Length), 0);
            yield return rest[..cut];
            rest = rest[(cut + skip)..];
        }
        yield return rest;
    }
}
