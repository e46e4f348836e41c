namespace AccountCoachBot.Conversation;

/// <summary>Matches the command words a message starts with (any of several spellings, both languages).</summary>
public static class Command
{
    /// <summary>True when the text is one of the words, or starts with one followed by a space or colon.</summary>
    public static bool Matches(string text, out string rest, params string[] words)
    {
        rest = "";
        var trimmed = text.Trim();
        foreach (var word in words.OrderByDescending(w => w.Length))
        {
            if (!trimmed.StartsWith(word, StringComparison.OrdinalIgnoreCase)) continue;
            if (trimmed.Length == word.Length)
                return true;
            var next = trimmed[word.Length];
            if (next is ' ' or ':' or '\t')
            {
                rest = trimmed[(word.Length + 1)..].Trim();
                return true;
            }
        }
        return false;
    }

    public static bool Is(string text, params string[] words) =>
        words.Any(w => string.Equals(text.Trim().TrimEnd('.', '!', '?'), w, StringComparison.OrdinalIgnoreCase));

    /// <summary>A yes in either language, typed or from a button's payload.</summary>
    public static bool IsYes(string? text) =>
        text is not null && (Is(text, "yes", "y", "ok", "sure", "add", "да", "ага", "ок", "конечно", "добавить")
            || text.StartsWith("yes", StringComparison.OrdinalIgnoreCase) || text.StartsWith("да", StringComparison.OrdinalIgnoreCase));
}
