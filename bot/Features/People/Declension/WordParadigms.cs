namespace AccountCoachBot.Features.People.Declension;

/// <summary>
/// The six case forms of one word of a client's name, by its ending: 1st declension (-а/-я, -ия), 2nd (a hard or
/// soft consonant, -й; the fleeting vowel of «Василёк» → «Васильку»), 3rd (feminine -ь: «Северсталь» →
/// «Северстали») and adjectives («Северная»). Latin, all-capital («МТС») and vowel-final foreign words («Дикси»,
/// «Авто») do not decline. Client names are things, so the accusative of a masculine name is its nominative.
/// The first paradigm is the likely one; the others are kept for matching what people type.
/// </summary>
internal static class WordParadigms
{
    private const string Sibilants = "жшщчц";
    private const string Velars = "гкх";
    private const string Vowels = "аеёиоуыэюя";

    // Feminine soft-sign endings («нефть», «связь», «Северсталь»); other -ь words are masculine («Кремль», «Янтарь»).
    private static readonly string[] FeminineSoft = ["ть", "зь", "сь", "чь", "шь", "жь", "щь", "аль", "ель", "вь", "дь", "бь", "пь", "мь"];

    // -ой is an adjective in «Городской», «Лесной», «Деловой», a noun in «Строй».
    private static readonly string[] AdjectiveOi = ["ской", "цкой", "ной", "овой", "евой"];

    /// <summary>Forms in <see cref="RussianCase"/> order; the first array is the likely paradigm.</summary>
    public static IReadOnlyList<string[]> Of(string word)
    {
        var w = word.ToLowerInvariant();
        if (!Declines(word)) return [Same(word)];
        string Stem(int cut) => word[..^cut];

        if (w.EndsWith("ая", StringComparison.Ordinal) && w.Length > 3)
            return [Adjective(word, Stem(2), "ая", "ой", "ой", "ую", "ой", "ой")];
        if (w.EndsWith("яя", StringComparison.Ordinal) && w.Length > 3)
            return [Adjective(word, Stem(2), "яя", "ей", "ей", "юю", "ей", "ей")];
        if (w.EndsWith("ия", StringComparison.Ordinal))
            return [Forms(word, Stem(1), "и", "и", "ю", "ей", "и")];
        if (w.EndsWith('а'))
        {
            var last = w[^2];
            return [Forms(word, Stem(1), Velars.Contains(last) || Sibilants.Contains(last) ? "и" : "ы", "е", "у", Sibilants.Contains(last) ? "ей" : "ой", "е")];
        }
        if (w.EndsWith('я')) return [Forms(word, Stem(1), "и", "е", "ю", "ей", "е")];
        if (IsAdjective(w))
        {
            var soft = w.EndsWith("ний", StringComparison.Ordinal) || Sibilants.Contains(w[^3]);
            var o = soft ? "е" : "о";
            var i = w.EndsWith("ый", StringComparison.Ordinal) || w.EndsWith("ой", StringComparison.Ordinal) ? "ы" : "и";
            return [Adjective(word, Stem(2), word[^2..], $"{o}го", $"{o}му", word[^2..], $"{i}м", $"{o}м")];
        }
        if (w.EndsWith("ий", StringComparison.Ordinal)) return [Forms(word, Stem(1), "я", "ю", "й", "ем", "и")];
        if (w.EndsWith('й')) return [Forms(word, Stem(1), "я", "ю", "й", "ем", "е")];
        if (w.EndsWith('ь'))
        {
            var feminine = Forms(word, Stem(1), "и", "и", "ь", "ью", "и");
            var masculine = Forms(word, Stem(1), "я", "ю", "ь", "ем", "е");
            return FeminineSoft.Any(e => w.EndsWith(e, StringComparison.Ordinal)) ? [feminine, masculine] : [masculine, feminine];
        }

        // A consonant: «Газпром», «Магнит»; a fleeting vowel is the likely reading of -ёк/-ец, a possible one of -ок/-ек.
        var hard = Masculine(word, word);
        if (w.Length >= 4 && w[^1] is 'к' or 'ц' && w[^2] is 'ё' or 'е' or 'о')
        {
            var before = w[^3];
            var fleeting = Masculine(word, word[..^2] + (Vowels.Contains(before) ? "й" : w[^1] == 'к' && !Sibilants.Contains(before) ? "ь" : "") + word[^1]);
            return w[^2] == 'ё' || w[^1] == 'ц' || (w[^2] == 'е' && before == 'л') ? [fleeting, hard] : [hard, fleeting];
        }
        return [hard];
    }

    /// <summary>A Cyrillic word that changes with case: not all capitals, not ending in a vowel other than -а/-я.</summary>
    public static bool Declines(string word)
    {
        if (word.Length < 2 || !word.All(c => c is >= '\u0400' and <= '\u04FF')) return false;
        if (word.All(char.IsUpper)) return false;
        var last = char.ToLowerInvariant(word[^1]);
        return !(Vowels.Contains(last) && last is not ('а' or 'я'));
    }

    private static bool IsAdjective(string w) =>
        w.Length > 4 && (w.EndsWith("ый", StringComparison.Ordinal) || AdjectiveOi.Any(e => w.EndsWith(e, StringComparison.Ordinal)) ||
                         (w.EndsWith("ий", StringComparison.Ordinal) && (Velars.Contains(w[^3]) || Sibilants.Contains(w[^3]) || w.EndsWith("ний", StringComparison.Ordinal))));

    private static string[] Masculine(string word, string stem)
    {
        var ins = Sibilants.Contains(char.ToLowerInvariant(stem[^1])) ? "ем" : "ом";
        return [word, stem + "а", stem + "у", word, stem + ins, stem + "е"];
    }

    private static string[] Forms(string word, string stem, string gen, string dat, string acc, string ins, string prep) =>
        [word, stem + gen, stem + dat, acc.Length == 1 && acc is "й" or "ь" ? word : stem + acc, stem + ins, stem + prep];

    private static string[] Adjective(string word, string stem, string nom, string gen, string dat, string acc, string ins, string prep) =>
        [word, stem + gen, stem + dat, acc == nom ? word : stem + acc, stem + ins, stem + prep];

    private static string[] Same(string word) => [word, word, word, word, word, word];
}
