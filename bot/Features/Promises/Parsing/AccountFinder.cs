using AccountCoachBot.Features.People;
using AccountCoachBot.Features.People.Declension;

namespace AccountCoachBot.Features.Promises.Parsing;

/// <summary>An account mention: tokens [Start, End), the name to report and whether it is a known account.</summary>
internal sealed record AccountHit(int Start, int End, string Name, bool IsKnown);

/// <summary>
/// Finds which client a text is about. A known account wins, matched case-insensitively and, for Cyrillic
/// names, by stem so «Ромашке»/«Ромашку» find «Ромашка». Otherwise the best capitalized name: one right
/// after "to/for/with"/«для/с/клиенту», then the first one after the commitment, then any.
/// </summary>
internal static class AccountFinder
{
    public static AccountHit? Find(
        IReadOnlyList<Token> tokens, IReadOnlyCollection<string> known, LanguageRules rules, Func<int, bool> isTaken, int after)
    {
        return FindKnown(tokens, known, isTaken) ?? FindUnknown(tokens, rules, isTaken, after);
    }

    /// <summary>The earliest mention of any known account (the longest name on a tie).</summary>
    public static AccountHit? FindKnown(IReadOnlyList<Token> tokens, IReadOnlyCollection<string> known, Func<int, bool> isTaken) =>
        FindAllKnown(tokens, known, isTaken).OrderBy(h => h.Start).ThenByDescending(h => h.End - h.Start).FirstOrDefault();

    /// <summary>Every mention of every known account.</summary>
    public static IEnumerable<AccountHit> FindAllKnown(IReadOnlyList<Token> tokens, IReadOnlyCollection<string> known, Func<int, bool> isTaken)
    {
        foreach (var name in known.Where(n => !string.IsNullOrWhiteSpace(n)))
        {
            var words = Tokenizer.Words(name);
            for (var i = 0; i + words.Length <= tokens.Count; i++)
            {
                var all = true;
                for (var k = 0; k < words.Length && all; k++) all = !isTaken(i + k) && IsFormOf(tokens[i + k].Norm, words[k]);
                if (all) yield return new AccountHit(i, i + words.Length, name.Trim(), true);
            }
        }
    }

    /// <summary>
    /// Tokens of a known Cyrillic account in an oblique case («Ромашке», «для Ромашки»): the client is the
    /// addressee there, not the subject, so «Ромашке обещал прислать» is still the writer's promise while
    /// «Ромашка обещала» is not.
    /// </summary>
    public static bool[] InflectedKnownTokens(IReadOnlyList<Token> tokens, IReadOnlyCollection<string> known)
    {
        var flags = new bool[tokens.Count];
        foreach (var hit in FindAllKnown(tokens, known, _ => false))
        {
            var words = Tokenizer.Words(hit.Name);
            var inflected = words.Any(IsCyrillic) && Enumerable.Range(0, words.Length).Any(k => tokens[hit.Start + k].Norm != words[k]);
            if (inflected)
                for (var k = hit.Start; k < hit.End; k++) flags[k] = true;
        }

        return flags;
    }

    /// <summary>The known spelling of <paramref name="name"/> if it is (a form of) a known account.</summary>
    public static string? KnownSpelling(string name, IReadOnlyCollection<string> known)
    {
        var tokens = Tokenizer.Tokenize(name);
        var hit = FindKnown(tokens, known, _ => false);
        return hit is not null && hit.Start == 0 && hit.End == tokens.Count ? hit.Name : null;
    }

    /// <summary>
    /// Is a text word a form of a name word? Exact; a possessive ("Acme's"); a Russian ending on a Latin name
    /// after an apostrophe or hyphen ("Globex'у"); or for Cyrillic names the stem plus a case ending.
    /// </summary>
    public static bool IsFormOf(string word, string nameWord)
    {
        if (word == nameWord) return true;
        var en = EnglishRules.Instance;
        var ru = RussianRules.Instance;
        if (!IsCyrillic(nameWord))
        {
            if (!word.StartsWith(nameWord, StringComparison.Ordinal)) return false;
            var rest = word[nameWord.Length..];
            return en.NameEndings.Contains(rest) || (rest.Length > 1 && rest[0] is '\'' or '-' && ru.NameEndings.Contains(rest[1..]));
        }

        // The declension tables first (a fleeting vowel: «Васильку» of «Василёк»); then a looser stem rule.
        if (RussianNames.IsWordFormOf(word, nameWord)) return true;
        // Drop one trailing vowel/soft sign to get the stem; short stems would match too much, so they must match exactly.
        var stem = ru.StemTrailing.Contains(nameWord[^1]) ? nameWord[..^1] : nameWord;
        if (stem.Length < 3 || !word.StartsWith(stem, StringComparison.Ordinal)) return false;
        var ending = word[stem.Length..];
        return ending.Length == 0 || ru.NameEndings.Contains(ending);
    }

    private static AccountHit? FindUnknown(IReadOnlyList<Token> tokens, LanguageRules rules, Func<int, bool> isTaken, int after)
    {
        var candidates = new List<AccountHit>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!IsNameWord(tokens, i, rules, isTaken) || (IsSentenceInitial(tokens, i) && !FollowedByColon(tokens, i) && !IsForeign(tokens[i], rules))) continue;
            var end = i + 1;
            while (end < tokens.Count)
            {
                // "Acme Corp", "Johnson & Johnson": capitalized words separated by one space or an ampersand.
                if (tokens[end].Start == tokens[end - 1].End + 1 && IsNameWord(tokens, end, rules, isTaken)) end++;
                else if (tokens[end].Norm == "&" && end + 1 < tokens.Count && IsNameWord(tokens, end + 1, rules, isTaken)) end += 2;
                else break;
            }

            candidates.Add(new AccountHit(i, end, JoinAsWritten(tokens, i, end), false));
            i = end - 1;
        }

        return candidates.FirstOrDefault(c => AfterPreposition(tokens, c.Start, rules))
               ?? candidates.FirstOrDefault(c => c.Start >= after)
               ?? candidates.FirstOrDefault();
    }

    // The name as written, without a possessive ending ("Hooli's legal team" → "Hooli").
    private static string JoinAsWritten(IReadOnlyList<Token> tokens, int start, int end)
    {
        var name = new System.Text.StringBuilder(tokens[start].Text);
        for (var k = start + 1; k < end; k++)
            name.Append(tokens[k].Start == tokens[k - 1].End ? "" : " ").Append(tokens[k].Text); // "AT&T", "Johnson & Johnson"
        return IsPossessive(tokens[end - 1]) ? name.ToString()[..^2] : name.ToString();
    }

    /// <summary>"Acme's": the name is used as a possessive.</summary>
    public static bool IsPossessive(Token t) => t.Norm.EndsWith("'s", StringComparison.Ordinal);

    private static bool IsNameWord(IReadOnlyList<Token> tokens, int i, LanguageRules rules, Func<int, bool> isTaken)
    {
        var t = tokens[i];
        if (!t.IsCapitalized || isTaken(i)) return false;
        var norm = t.Norm;
        return !EnglishRules.Instance.NotNames.Contains(norm) && !RussianRules.Instance.NotNames.Contains(norm) &&
               !rules.NotNames.Contains(norm) && !IsCalendarWord(norm);
    }

    // Weekday and month names are capitalized in English but are not clients ("Friday's call").
    private static bool IsCalendarWord(string norm)
    {
        var bare = norm.EndsWith("'s", StringComparison.Ordinal) ? norm[..^2] : norm;
        var single = new[] { new Token(bare, bare, 0, TokenKind.Word, false) };
        return EnglishRules.Instance.Weekdays.TryMatch(single, 0, out _, out _) || EnglishRules.Instance.Months.TryMatch(single, 0, out _, out _) ||
               RussianRules.Instance.Weekdays.TryMatch(single, 0, out _, out _) || RussianRules.Instance.Months.TryMatch(single, 0, out _, out _);
    }

    // A capital at the start of a sentence says nothing; "Initech: ..." still names the client.
    private static bool IsSentenceInitial(IReadOnlyList<Token> tokens, int i) =>
        i == 0 || tokens[i].BreakBefore || IntentDetector.IsSentenceEnd(tokens, i - 1);

    private static bool FollowedByColon(IReadOnlyList<Token> tokens, int i) => i + 1 < tokens.Count && tokens[i + 1].Norm == ":";

    /// <summary>True when an account preposition ends right before <paramref name="start"/> (quotes may sit between).</summary>
    public static bool AfterPreposition(IReadOnlyList<Token> tokens, int start, LanguageRules rules) => PrepositionStart(tokens, start, rules) >= 0;

    /// <summary>Where the account preposition before <paramref name="start"/> begins, or -1.</summary>
    public static int PrepositionStart(IReadOnlyList<Token> tokens, int start, LanguageRules rules)
    {
        var k = start;
        while (k > 0 && IsQuote(tokens[k - 1])) k--;
        for (var from = Math.Max(0, k - 3); from < k; from++)
            if (rules.AccountPrepositions.MatchesAt(tokens, from).Any(m => from + m.Length == k)) return from;
        return -1;
    }

    public static bool IsQuote(Token t) => t.IsPunct && t.Norm is "\"" or "«" or "»" or "'" or "“" or "”" or "„";

    private static bool IsCyrillic(string s) => s.Any(c => c is >= '\u0400' and <= '\u04FF');

    /// <summary>A Latin word in Russian text is a name even at the start of a sentence («Globex КП пришлю завтра»).</summary>
    public static bool IsForeign(Token t, LanguageRules rules) => rules.Language == Language.Ru && !IsCyrillic(t.Text) && t.Text.Any(char.IsLetter);
}
