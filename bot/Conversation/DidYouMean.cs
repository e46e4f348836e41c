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
                var distance = EditDistance.Between(typed.ToLowerInvariant(), spelling.ToLowerInvariant());
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
}
