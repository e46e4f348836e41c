using System.Text;
using System.Text.RegularExpressions;

namespace AccountCoachBot.Features.Promises.Parsing;

/// <summary>
/// Builds the promised action from the words after the commitment: the account, the due words and inner
/// commitment words are cut out, a Russian future verb becomes its infinitive («пришлю» → «прислать»), and
/// leftover prepositions and punctuation are trimmed from the edges. The kept words keep their original text.
/// </summary>
internal static partial class ActionExtractor
{
    /// <param name="order">The tokens that make up the action, in the order they are to be read.</param>
    public static string? Extract(
        string text,
        IReadOnlyList<Token> tokens,
        IEnumerable<int> order,
        ISet<int> removed,
        IReadOnlyDictionary<int, string> replaced,
        LanguageRules rules)
    {
        var kept = order.Where(i => !removed.Contains(i)).ToList();
        while (kept.Count > 0 && !replaced.ContainsKey(kept[0]) && IsEdge(tokens, kept, 0, rules)) kept.RemoveAt(0);
        while (kept.Count > 0 && !replaced.ContainsKey(kept[^1]) && IsEdge(tokens, kept, kept.Count - 1, rules)) kept.RemoveAt(kept.Count - 1);
        if (kept.Count == 0) return null;

        var sb = new StringBuilder();
        for (var n = 0; n < kept.Count; n++)
        {
            var i = kept[n];
            if (n > 0)
            {
                var prev = kept[n - 1];
                // Neighbours keep the original spacing between them; a gap left by a cut word becomes one space.
                sb.Append(i == prev + 1 ? text[tokens[prev].End..tokens[i].Start] : " ");
            }

            sb.Append(replaced.TryGetValue(i, out var word) ? word : tokens[i].Text);
        }

        var action = Spaces().Replace(sb.ToString(), " ");
        action = SpaceBeforePunct().Replace(action, "$1");
        action = EmptyQuotes().Replace(action, "");
        action = Spaces().Replace(action, " ").Trim();
        return action.Length == 0 ? null : action;
    }

    /// <summary>
    /// The content words of the clause before a marker (not filler, not due words), read after a Russian verb's
    /// infinitive. A sentence-initial capital is lowered since the word no longer starts the text («Договор» → «договор»).
    /// </summary>
    public static IEnumerable<int> WordsBefore(
        IReadOnlyList<Token> tokens, int marker, LanguageRules rules, Func<int, bool> isDue, Dictionary<int, string> replaced)
    {
        var start = IntentDetector.ClauseStart(tokens, marker);
        var words = Enumerable.Range(start, marker - start)
            .Where(k => !tokens[k].IsPunct && !isDue(k) && !rules.Preface.Contains(tokens[k].Norm))
            .ToList();
        if (words.Count > 0 && IntentDetector.SentenceStart(tokens, words[0]) == words[0] && IsTitleCase(tokens[words[0]].Text))
            replaced[words[0]] = char.ToLowerInvariant(tokens[words[0]].Text[0]) + tokens[words[0]].Text[1..];
        return words;
    }

    private static bool IsTitleCase(string word) => word.Length > 1 && char.IsUpper(word[0]) && word.Skip(1).All(c => !char.IsUpper(c));

    /// <summary>
    /// What the action leaves out: the due words, the account with its preposition, quotes and legal form
    /// ("для ООО «Ромашка»"), and later first-person commitments ("I promised Acme I'll send" → "send").
    /// </summary>
    public static (HashSet<int> Removed, Dictionary<int, string> Replaced) Cuts(
        IReadOnlyList<Token> tokens, LanguageRules rules, AccountHit? account, DueSpan? due, IEnumerable<MarkerHit> innerMarkers)
    {
        var removed = new HashSet<int>();
        var replaced = new Dictionary<int, string>();
        if (due is not null) removed.UnionWith(Enumerable.Range(due.First, due.End - due.First));

        if (account is not null && AccountFinder.IsPossessive(tokens[account.End - 1]))
        {
            // "review Acme's contract" → "review the contract".
            removed.UnionWith(Enumerable.Range(account.Start, account.End - account.Start - 1));
            replaced[account.End - 1] = "the";
        }
        else if (account is not null)
        {
            int left = account.Start, right = account.End;
            while (left > 0 && IsLegalForm(tokens[left - 1])) left--;
            if (left > 0 && right < tokens.Count && AccountFinder.IsQuote(tokens[left - 1]) && AccountFinder.IsQuote(tokens[right]))
            {
                left--;
                right++;
            }

            while (left > 0 && IsLegalForm(tokens[left - 1])) left--;
            while (right < tokens.Count && IsLegalForm(tokens[right])) right++;
            var preposition = AccountFinder.PrepositionStart(tokens, left, rules);
            if (preposition >= 0) left = preposition;
            removed.UnionWith(Enumerable.Range(left, right - left));
        }

        foreach (var m in innerMarkers.Where(m => m.Marker.IsFirstPerson))
        {
            if (m.Marker.Infinitive is { } infinitive) replaced[m.Start] = infinitive;
            else removed.UnionWith(Enumerable.Range(m.Start, m.End - m.Start));
        }

        return (removed, replaced);
    }

    private static bool IsLegalForm(Token t) =>
        EnglishRules.Instance.LegalForms.Contains(t.Norm.TrimEnd('.')) || RussianRules.Instance.LegalForms.Contains(t.Norm);

    private static readonly Dictionary<string, string> Pairs = new() { ["«"] = "»", ["“"] = "”", ["("] = ")", ["\""] = "\"" };

    // Punctuation and glue words ("by", «до») never start or end an action, except a quote or bracket whose
    // partner is inside it: send the «Q2 plan».
    private static bool IsEdge(IReadOnlyList<Token> tokens, List<int> kept, int at, LanguageRules rules)
    {
        var t = tokens[kept[at]];
        if (!t.IsPunct) return rules.EdgeWords.Contains(t.Norm);
        var others = kept.Where((_, n) => n != at).Select(i => tokens[i].Norm);
        if (at == 0 && Pairs.TryGetValue(t.Norm, out var close)) return !others.Contains(close);
        var open = Pairs.FirstOrDefault(p => p.Value == t.Norm).Key;
        return at != kept.Count - 1 || open is null || !others.Contains(open);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s+([,.;:!?»”)])")]
    private static partial Regex SpaceBeforePunct();

    [GeneratedRegex(@"«\s*»|""\s*""|“\s*”|\(\s*\)")]
    private static partial Regex EmptyQuotes();
}
