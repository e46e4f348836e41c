namespace AccountCoachBot.Features.Promises.Parsing;

/// <summary>A commitment phrase found in the text: tokens [Start, End).</summary>
internal sealed record MarkerHit(int Start, int End, IntentMarker Marker);

/// <summary>
/// Decides whether a text is the writer's own commitment: a question is not, a negated commitment is not,
/// and a subjectless marker ("will", «обещал») counts only when nothing but filler precedes it in its clause,
/// so "Acme will send us the PO" and «Клиент обещал прислать» are the client's, not ours.
/// A past fact ("sent", «отправил») has no marker at all.
/// </summary>
internal static class IntentDetector
{
    private static readonly IReadOnlySet<string> ClauseBreaks = new HashSet<string> { ",", ".", ";", ":", "!", "—", "–", "-", "(", ")" };

    public static bool IsQuestion(IReadOnlyList<Token> tokens, LanguageRules rules)
    {
        if (tokens.Any(t => t.Norm == "?" || rules.QuestionParticles.Contains(t.Norm))) return true;
        var words = tokens.Where(t => !t.IsPunct).Take(2).ToArray();
        if (words.Length == 0) return false;
        if (rules.QuestionWords.Contains(words[0].Norm)) return true;
        return words.Length == 2 && rules.QuestionAuxiliaries.Contains(words[0].Norm) &&
               (rules.Pronouns.Contains(words[1].Norm) || words[1].IsCapitalized);
    }

    public static bool HasNonPromisePhrase(IReadOnlyList<Token> tokens, LanguageRules rules) =>
        Enumerable.Range(0, tokens.Count).Any(i => rules.NotPromises.TryMatch(tokens, i, out _, out _));

    /// <summary>Every marker that stands for the writer's own, non-negated commitment, in text order.</summary>
    public static IReadOnlyList<MarkerHit> FindMarkers(IReadOnlyList<Token> tokens, LanguageRules rules, Func<int, bool> isNeutral)
    {
        var hits = new List<MarkerHit>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!rules.Markers.TryMatch(tokens, i, out var length, out var marker)) continue;
            var end = i + length;
            if (marker.Traits.HasFlag(MarkerTraits.NoCommitment))
            {
                i = end - 1;
                continue;
            }

            var negated = (i > 0 && rules.NegationsBefore.Contains(tokens[i - 1].Norm)) ||
                          (end < tokens.Count && rules.NegationsAfter.Contains(tokens[end].Norm));
            if (!negated && (marker.IsFirstPerson || OnlyFillerBefore(tokens, i, rules, isNeutral)))
                hits.Add(new MarkerHit(i, end, marker));
            i = end - 1;
        }

        return hits;
    }

    /// <summary>
    /// True when the clause before <paramref name="index"/> holds only filler words and neutral tokens (due words,
    /// the client named as addressee).
    /// </summary>
    public static bool OnlyFillerBefore(IReadOnlyList<Token> tokens, int index, LanguageRules rules, Func<int, bool> isNeutral)
    {
        for (var k = index - 1; k >= 0; k--)
        {
            var t = tokens[k];
            if (t.IsPunct && ClauseBreaks.Contains(t.Norm)) return true;
            if (!rules.Preface.Contains(t.Norm) && !isNeutral(k)) return false;
            if (t.BreakBefore) return true;
        }

        return true;
    }

    /// <summary>The first token of the clause (between commas, dashes, sentence ends) that holds <paramref name="index"/>.</summary>
    public static int ClauseStart(IReadOnlyList<Token> tokens, int index)
    {
        for (var k = index; k > 0; k--)
            if (tokens[k].BreakBefore || (tokens[k - 1].IsPunct && (ClauseBreaks.Contains(tokens[k - 1].Norm) || IsSentenceEnd(tokens, k - 1)))) return k;
        return 0;
    }

    /// <summary>The first token of the sentence that holds <paramref name="index"/>.</summary>
    public static int SentenceStart(IReadOnlyList<Token> tokens, int index)
    {
        for (var k = index; k > 0; k--)
            if (tokens[k].BreakBefore || IsSentenceEnd(tokens, k - 1)) return k;
        return 0;
    }

    /// <summary>The end (exclusive) of the sentence that holds <paramref name="index"/>.</summary>
    public static int SentenceEnd(IReadOnlyList<Token> tokens, int index)
    {
        for (var k = index; k < tokens.Count; k++)
        {
            if (k > index && tokens[k].BreakBefore) return k;
            if (IsSentenceEnd(tokens, k)) return k;
        }

        return tokens.Count;
    }

    /// <summary>A full stop, "!", "?" or ";" — but not the dot of an abbreviation such as "Inc." or «г.».</summary>
    public static bool IsSentenceEnd(IReadOnlyList<Token> tokens, int k)
    {
        var t = tokens[k];
        if (!t.IsPunct || t.Norm is not ("." or "!" or "?" or ";")) return false;
        if (t.Norm != "." || k == 0 || tokens[k - 1].End != t.Start) return true;
        var word = tokens[k - 1].Norm;
        return !EnglishRules.Instance.Abbreviations.Contains(word) && !RussianRules.Instance.Abbreviations.Contains(word);
    }
}
