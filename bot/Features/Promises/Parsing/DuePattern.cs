namespace AccountCoachBot.Features.Promises.Parsing;

/// <summary>
/// A compiled <see cref="DueRule"/> pattern, matched against tokens with backtracking (optional words and
/// multi-word slots can be read more than one way).
/// </summary>
internal sealed class DuePattern
{
    private sealed record Element(string? Slot, IReadOnlySet<string>? Words, bool Optional);

    private readonly Element[] _elements;

    public DuePattern(DueRule rule)
    {
        Rule = rule;
        _elements = rule.Pattern.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Compile).ToArray();
    }

    public DueRule Rule { get; }

    /// <summary>The end (exclusive) of the longest reading starting at <paramref name="start"/>, or -1.</summary>
    public int Match(IReadOnlyList<Token> tokens, int start, LanguageRules rules, out DueCaptures captures)
    {
        var end = MatchFrom(0, start, tokens, rules, default, out captures);
        return end > start ? end : -1;
    }

    private int MatchFrom(int element, int pos, IReadOnlyList<Token> tokens, LanguageRules rules, DueCaptures caps, out DueCaptures result)
    {
        if (element == _elements.Length)
        {
            result = caps;
            return pos;
        }

        var e = _elements[element];
        if (e.Words is not null)
        {
            if (pos < tokens.Count && e.Words.Contains(tokens[pos].Norm))
            {
                var end = MatchFrom(element + 1, pos + 1, tokens, rules, caps, out result);
                if (end >= 0) return end;
            }
        }
        else
        {
            foreach (var (length, read) in DueSlots.Read(e.Slot!, tokens, pos, rules, caps))
            {
                var end = MatchFrom(element + 1, pos + length, tokens, rules, read, out result);
                if (end >= 0) return end;
            }
        }

        if (e.Optional) return MatchFrom(element + 1, pos, tokens, rules, caps, out result);
        result = default;
        return -1;
    }

    private static Element Compile(string text)
    {
        var optional = text.Length > 1 && text.EndsWith('?');
        if (optional) text = text[..^1];
        if (text.StartsWith('{') && text.EndsWith('}'))
        {
            var slot = text[1..^1];
            if (!DueSlots.Names.Contains(slot)) throw new ArgumentException($"Unknown due slot {text}");
            return new Element(slot, null, optional);
        }

        return new Element(null, text.Split('|').Select(Tokenizer.Normalize).ToHashSet(), optional);
    }
}
