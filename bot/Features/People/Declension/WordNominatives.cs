namespace AccountCoachBot.Features.People.Declension;

/// <summary>
/// Direction (a): the nominatives a word typed in some case may come from, likeliest first. Each guess is an
/// ending swapped back (table below) and kept only if declining it gives the typed word again, so the guesses
/// are exactly the names whose forms include what was typed.
/// </summary>
internal static class WordNominatives
{
    // Oblique ending → nominative endings it may come from, in the order they are tried.
    private static readonly (string Oblique, string[] Nominative)[] Endings =
    [
        ("ью", ["ь"]), ("ией", ["ия"]), ("ии", ["ия", "ий"]), ("ию", ["ия", "ий"]), ("ием", ["ий"]), ("ия", ["ий"]),
        ("ого", ["ый", "ий", "ой"]), ("его", ["ий"]), ("ому", ["ый", "ий", "ой"]), ("ему", ["ий"]),
        ("ую", ["ая"]), ("юю", ["яя"]), ("ым", ["ый"]), ("им", ["ий"]),
        ("ой", ["а", "ая", "ый", "ой"]), ("ей", ["я", "а", "яя", "ий"]), ("ом", ["", "ый", "ий", "ой"]), ("ем", ["", "ь", "й", "ий"]),
        ("у", ["а", ""]), ("ю", ["я", "ь", "й", "ий"]), ("е", ["а", "", "я", "ь", "й"]), ("и", ["а", "ь", "я", "ий"]),
        ("ы", ["а"]), ("а", ["", "ь"]), ("я", ["ь", "й", "ий"]),
    ];

    // A consonant stem ending in one of these is usually a masculine name («Яндексу», «Банку»); other clusters
    // usually end a 1st-declension one («Ромашке», «Ленте»).
    private static readonly string[] MasculineClusters = ["кс", "нк", "ск", "ст", "рт", "рк", "нд", "рд", "лт", "рг", "нг"];

    private const string Vowels = "аеёиоуыэюя";

    // Two consonants a Russian noun may end with («Яндекс», «Банк», «Континент»); «Ромашк» is no nominative.
    private static readonly string[] FinalClusters =
        ["кс", "нк", "ск", "ст", "рт", "рк", "нд", "рд", "лт", "рг", "нг", "нт", "рм", "рн", "лм", "мп", "пт", "кт", "нс", "рс", "лс", "лк", "рп", "рф", "лп", "рх", "рц", "нц", "мб", "рб", "лд", "зд", "шт"];

    // Endings only an adjective has; a name's last word is read as a noun («Газпрому» is not «Газпрый»).
    private static readonly HashSet<string> AdjectiveOblique = ["ого", "его", "ому", "ему", "ую", "юю", "ым", "им"];
    private static readonly HashSet<string> AdjectiveNominative = ["ая", "яя", "ый", "ой"];

    /// <param name="adjective">The word agrees with a noun after it («Северной звезде»): only adjective endings.</param>
    public static IReadOnlyList<string> Of(string word, bool adjective = false)
    {
        if (!WordParadigms.Declines(word) && !LooksDeclined(word)) return [word];
        var lower = word.ToLowerInvariant();
        var guesses = new List<string>();
        foreach (var (oblique, nominatives) in Endings)
        {
            if (!lower.EndsWith(oblique, StringComparison.Ordinal) || lower.Length - oblique.Length < 2) continue;
            if (!adjective && AdjectiveOblique.Contains(oblique)) continue;
            var stem = word[..^oblique.Length];
            foreach (var ending in Ordered(stem, oblique, nominatives).Where(n => adjective ? n.Length == 2 : !AdjectiveNominative.Contains(n) && !(oblique == "ом" && n == "ий")))
                foreach (var guess in WithFleetingVowel(stem + ending))
                    if (!guesses.Contains(guess, StringComparer.OrdinalIgnoreCase) && GivesBack(guess, word)) guesses.Add(guess);
        }

        // An adjective in -ой is «Городской» or «Северной» (of «Северная»): the latter when that reading exists.
        var typedFirst = adjective
            ? new[] { "ая", "яя", "ый", "ий" }.Any(e => lower.EndsWith(e, StringComparison.Ordinal)) || (lower.EndsWith("ой", StringComparison.Ordinal) && guesses.Count == 0)
            : TypedFirst(lower) && !InstrumentalFirst(lower, guesses);
        if (typedFirst) guesses.Insert(0, word);
        else guesses.Add(word);
        return guesses.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>A Cyrillic word in -у/-е/-и/-ы/-ю is a case form of a declinable name more often than an indeclinable one.</summary>
    private static bool LooksDeclined(string word) =>
        word.Length > 2 && word.All(c => c is >= '\u0400' and <= '\u04FF') && !word.All(char.IsUpper);

    // Is the word as typed the likeliest nominative? Yes for -а/-я, consonants and indeclinable-looking words
    // («Дикси»); no for endings only an oblique case has («Ромашке», «Ромашкой», «Северстали»).
    private static bool TypedFirst(string lower)
    {
        if (new[] { "ой", "ей", "ью", "ого", "его", "ому", "ему", "ым", "им", "ую", "юю" }.Any(e => lower.EndsWith(e, StringComparison.Ordinal))) return false;
        var last = lower[^1];
        if (last is 'у' or 'ю' or 'е' or 'ы') return false;
        if (last == 'и') return !("гкхжшщчи".Contains(lower[^2]) || "тлднрз".Contains(lower[^2]));
        return true;
    }

    // «Магнитом», «Васильком», «Кремлем» are the instrumental of «Магнит», «Василёк», «Кремль» («встреча с Магнитом»);
    // «Газпром» has no such reading and stays. After a vowel and «к» the name itself is likelier («Ростелеком», «Телеком»).
    private static bool InstrumentalFirst(string lower, List<string> guesses) =>
        guesses.Count > 0 && (lower.EndsWith("ем", StringComparison.Ordinal) ||
                              (lower.EndsWith("ом", StringComparison.Ordinal) && !(lower.Length > 3 && lower[^3] == 'к' && Vowels.Contains(lower[^4]))));

    // For -у/-е after a consonant: a masculine stem («Газпрому») or a 1st-declension one («Ромашке») first, by the
    // letters it ends with.
    private static IEnumerable<string> Ordered(string stem, string oblique, string[] nominatives)
    {
        if (oblique is not ("у" or "е") || stem.Length < 2) return nominatives;
        var s = stem.ToLowerInvariant();
        var masculine = Vowels.Contains(s[^2]) || s.EndsWith("ьк", StringComparison.Ordinal) || s.EndsWith("йк", StringComparison.Ordinal) || MasculineClusters.Any(c => s.EndsWith(c, StringComparison.Ordinal));
        return masculine ? nominatives.OrderBy(n => n == "" ? 0 : 1) : nominatives;
    }

    // «Васильк» → «Василёк», «Ручейк» → «Ручеёк», «Молодц» → «Молодец»; -ок is not guessed («Ромашке» is no «Ромашок»).
    private static IEnumerable<string> WithFleetingVowel(string guess)
    {
        var g = guess.ToLowerInvariant();
        if (g.Length >= 3 && g[^1] == 'к' && g[^2] is 'ь' or 'й')
        {
            yield return guess[..^2] + "ёк";
            yield break;
        }
        if (g.Length >= 3 && g[^1] == 'ц' && !Vowels.Contains(g[^2]))
        {
            yield return guess[..^1] + "ец";
            yield return guess;
            yield break;
        }
        yield return guess;
    }

    private static bool Pronounceable(string g) =>
        g.Length < 2 || Vowels.Contains(g[^1]) || g[^1] is 'ь' or 'й' || Vowels.Contains(g[^2]) || g[^2] is 'ь' or 'й' ||
        FinalClusters.Any(c => g.EndsWith(c, StringComparison.Ordinal));

    // Russian spelling: no «ы», «я», «ю» after г, к, х, ж, ш, щ, ч («Уральский», never «Уральскый»); no final «й» after a consonant, «ь» after г, к, х, ц.
    private static bool GivesBack(string guess, string word) =>
        WordParadigms.Declines(guess) && Pronounceable(guess.ToLowerInvariant()) &&
        !System.Text.RegularExpressions.Regex.IsMatch(guess, "[гкхжшщч][ыяю]|[гкхц]ь$|[аеёиоуыэюя]ь|[бвгджзклмнпрстфхцчшщ]й$", System.Text.RegularExpressions.RegexOptions.IgnoreCase) &&
        WordParadigms.Of(guess).Any(forms => forms.Skip(1).Any(f => string.Equals(f, word, StringComparison.OrdinalIgnoreCase)));
}
