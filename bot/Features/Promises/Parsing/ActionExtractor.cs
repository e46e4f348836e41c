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
