using AccountCoachBot.Features.People;

namespace AccountCoachBot.Conversation;

/// <summary>
/// The command a mistyped one was probably meant to be (`promsies` → `promises`, `dnoe 3` → `done 3`,
/// `обещанья` → `обещания`): the closest spelling by edit distance, the person's language first. Only short
/// texts get a suggestion: a sentence is more likely a promise the parser could not read than a typo.
/// </summary>
public static class DidYouMean
{
    private const int MaxWords = 4;

    public static string? Suggest(string text, IEnumerable<Verb> verbs, Language language)
    {
        var words = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > MaxWords) return null;
        string? best = null;
        var bestScore = int.MaxValue;
        foreach (var verb in verbs)
        {
            foreach (var (spelling, isOwnLanguage) in verb.En.Select(w => (w, language == Language.En)).Concat(verb.Ru.Select(w => (w, language == Language.Ru))))
            {
                var length = spelling.Split(' ').Length;
                if (length > words.Length || !spelling.Any(char.IsLetter)) continue;
                var typed = string.Join(' ', words.Take(length));
                var distance = Distance(typed.ToLowerInvariant(), spelling.ToLowerInvariant());
                if (distance == 0 || distance > Allowed(spelling)) continue;
                var rest = words.Skip(length).ToArray();
                if (!FitsArguments(verb.Args, rest)) continue;
                // Distance first; on a tie, the person's own language.
                var score = distance * 2 + (isOwnLanguage ? 0 : 1);
                if (score >= bestScore) continue;
                bestScore = score;
                best = rest.Length == 0 ? spelling : $"{spelling} {string.Join(' ', rest)}";
            }
        }
        return best;
    }

    private static int Allowed(string spelling) => spelling.Length <= 4 ? 1 : 2;

    private static bool FitsArguments(VerbArgs args, string[] rest) => args switch
    {
        VerbArgs.None => rest.Length == 0,
        VerbArgs.Number => rest.Length > 0 && rest[0].TrimStart('#', '№').Length > 0 && char.IsAsciiDigit(rest[0].TrimStart('#', '№')[0]),
        VerbArgs.Text => rest.Length > 0,
        _ => true,
    };

    /// <summary>Optimal string alignment distance: a swap of neighbours ("dnoe") is one edit.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
