namespace AccountCoachBot.Features.Promises.Parsing;

/// <summary>
/// A word table whose keys may be several words ("day after tomorrow", «после обеда»), looked up at a token
/// position. Longer phrases are tried first so "end of next week" wins over "end of".
/// </summary>
internal sealed class PhraseTable<T>
{
    private readonly Dictionary<string, List<(string[] Words, T Value)>> _byFirstWord = new();

    public PhraseTable(IEnumerable<KeyValuePair<string, T>> entries)
    {
        foreach (var (phrase, value) in entries)
        {
            var words = Tokenizer.Words(phrase);
            if (words.Length == 0) continue;
            if (!_byFirstWord.TryGetValue(words[0], out var list)) _byFirstWord[words[0]] = list = new();
            list.Add((words, value));
        }

        foreach (var list in _byFirstWord.Values) list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
    }

    public PhraseTable(IEnumerable<(string Phrase, T Value)> entries)
        : this(entries.Select(e => KeyValuePair.Create(e.Phrase, e.Value)))
    {
    }

    /// <summary>Every phrase that starts at <paramref name="index"/>, longest first.</summary>
    public IEnumerable<(int Length, T Value)> MatchesAt(IReadOnlyList<Token> tokens, int index)
    {
        if (index < 0 || index >= tokens.Count || !_byFirstWord.TryGetValue(tokens[index].Norm, out var list)) yield break;
        foreach (var (words, value) in list)
        {
            if (index + words.Length > tokens.Count) continue;
            var ok = true;
            for (var k = 1; k < words.Length && ok; k++) ok = tokens[index + k].Norm == words[k];
            if (ok) yield return (words.Length, value);
        }
    }

    public bool TryMatch(IReadOnlyList<Token> tokens, int index, out int length, out T value)
    {
        foreach (var (len, v) in MatchesAt(tokens, index))
        {
            (length, value) = (len, v);
            return true;
        }

        (length, value) = (0, default!);
        return false;
    }

    /// <summary>Every phrase (as normalized words) with its value.</summary>
    public IEnumerable<(string[] Words, T Value)> Entries => _byFirstWord.Values.SelectMany(list => list);
}
