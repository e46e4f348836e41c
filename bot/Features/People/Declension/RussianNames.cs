namespace AccountCoachBot.Features.People.Declension;

/// <summary>
/// A client's name in the six Russian cases, both ways: a known name's forms (to find it however it is typed,
/// and to write «Скажите Ромашке…»), and the nominatives a name typed in some case may come from (to propose
/// «Ромашка» for «Ромашке»). In a multi-word name the adjectives and the last word decline («Северной звезде»,
/// «Газпром нефти»); a legal form in front keeps the quoted name as it is («для ООО «Ромашка»»); Latin names
/// stay as typed.
/// </summary>
public static class RussianNames
{
    private static readonly HashSet<string> LegalForms = new(["ооо", "зао", "оао", "пао", "ао", "ип", "нко", "гк"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The name in one case («Ромашка», Dative → «Ромашке»).</summary>
    public static string Form(string name, RussianCase @case) => Forms(name)[(int)@case];

    /// <summary>The six forms of a nominative name, in <see cref="RussianCase"/> order (the likely reading).</summary>
    public static IReadOnlyList<string> Forms(string name)
    {
        var words = Words(name);
        if (words.Length == 0) return Enumerable.Repeat(name, 6).ToArray();
        if (LegalForms.Contains(words[0])) return Enumerable.Repeat(string.Join(' ', words), 6).ToArray();
        var perWord = words.Select((w, k) => Declines(words, k) ? WordForms(w)[0] : Enumerable.Repeat(w, 6).ToArray()).ToArray();
        return Enumerable.Range(0, 6).Select(c => string.Join(' ', perWord.Select(f => f[c]))).ToArray();
    }

    /// <summary>
    /// Is <paramref name="typed"/> the name <paramref name="name"/> in some case? Case of letters, «ё», quotes and
    /// spacing aside; each word may be in any of its forms, so «Газпром нефти» and «с Васильком» find their client.
    /// </summary>
    public static bool IsFormOf(string typed, string name)
    {
        var (a, b) = (Words(typed), Words(name));
        if (a.Length != b.Length || a.Length == 0) return false;
        for (var k = 0; k < a.Length; k++)
            if (!IsWordFormOf(a[k], b[k])) return false;
        return true;
    }

    /// <summary>Is a text word a form of a name word («Васильку» of «Василёк», «Северстали» of «Северсталь»)?</summary>
    public static bool IsWordFormOf(string typedWord, string nameWord)
    {
        var typed = Fold(typedWord);
        if (typed == Fold(nameWord)) return true;
        return WordForms(nameWord).Any(forms => forms.Any(f => Fold(f) == typed));
    }

    /// <summary>
    /// The nominatives a name typed in some case may come from, likeliest first, the name as typed among them
    /// («Ромашке» → «Ромашка», «Ромашке»). A Latin or indeclinable name is only itself.
    /// </summary>
    public static IReadOnlyList<string> Nominatives(string typed)
    {
        var words = Words(typed);
        if (words.Length == 0 || LegalForms.Contains(words[0])) return [typed.Trim()];
        var perWord = words.Select((w, k) => k == words.Length - 1 ? WordNominativesOf(w) : IsAdjectiveLike(w) ? WordNominatives.Of(w, adjective: true) : [w]).ToArray();
        // An adjective in an oblique case («Уральского завода») puts its noun in that case too: read the noun back.
        if (words.Length > 1 && Enumerable.Range(0, words.Length - 1).Any(k => IsAdjectiveLike(words[k]) && !string.Equals(perWord[k][0], words[k], StringComparison.OrdinalIgnoreCase)))
            perWord[^1] = perWord[^1].OrderBy(n => string.Equals(n, words[^1], StringComparison.OrdinalIgnoreCase)).ToList();
        var likely = string.Join(' ', perWord.Select(c => c[0]));
        var result = new List<string> { likely };
        // The other readings of the last word, the rest as in the likely one.
        foreach (var alt in perWord[^1].Skip(1))
            result.Add(string.Join(' ', perWord[..^1].Select(c => c[0]).Append(alt)));
        result.Add(string.Join(' ', words));
        return result.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>
    /// The nominative when the sentence fixes the case («у Яндекса» is a genitive, so «Яндекс», not «Яндекса»): the
    /// reading whose form in that case is what was typed; the likeliest reading when none is.
    /// </summary>
    public static string NominativeIn(string typed, RussianCase @case)
    {
        var readings = Nominatives(typed);
        var asTyped = string.Join(' ', Words(typed));
        return readings.FirstOrDefault(n => string.Equals(Form(n, @case), asTyped, StringComparison.OrdinalIgnoreCase)) ?? readings[0];
    }

    /// <summary>True when the likeliest nominative differs from what was typed: worth asking which one is meant.</summary>
    public static bool LooksOblique(string typed) => !string.Equals(Nominatives(typed)[0], string.Join(' ', Words(typed)), StringComparison.OrdinalIgnoreCase);

    private static IReadOnlyList<string[]> WordForms(string word)
    {
        // «Альфа-Банк»: the last part declines.
        var dash = word.LastIndexOf('-');
        if (dash <= 0 || dash == word.Length - 1) return WordParadigms.Of(word);
        var head = word[..(dash + 1)];
        return WordParadigms.Of(word[(dash + 1)..]).Select(forms => forms.Select(f => head + f).ToArray()).ToList();
    }

    private static IReadOnlyList<string> WordNominativesOf(string word)
    {
        var dash = word.LastIndexOf('-');
        if (dash <= 0 || dash == word.Length - 1) return WordNominatives.Of(word);
        var head = word[..(dash + 1)];
        return WordNominatives.Of(word[(dash + 1)..]).Select(n => head + n).ToList();
    }

    private static bool Declines(string[] words, int k) => k == words.Length - 1 || IsAdjectiveLike(words[k]);

    private static bool IsAdjectiveLike(string word)
    {
        var w = word.ToLowerInvariant();
        return w.Length > 4 && (w.EndsWith("ая", StringComparison.Ordinal) || w.EndsWith("яя", StringComparison.Ordinal) ||
                                w.EndsWith("ый", StringComparison.Ordinal) || w.EndsWith("ий", StringComparison.Ordinal) ||
                                w.EndsWith("ой", StringComparison.Ordinal) || w.EndsWith("ую", StringComparison.Ordinal) ||
                                w.EndsWith("ого", StringComparison.Ordinal) || w.EndsWith("ому", StringComparison.Ordinal) ||
                                w.EndsWith("ым", StringComparison.Ordinal) || w.EndsWith("им", StringComparison.Ordinal) ||
                                w.EndsWith("его", StringComparison.Ordinal) || w.EndsWith("ему", StringComparison.Ordinal) ||
                                w.EndsWith("ском", StringComparison.Ordinal) || w.EndsWith("ном", StringComparison.Ordinal));
    }

    private static string[] Words(string name) =>
        name.Trim().Trim('"', '«', '»', '“', '”', '„', '\'', '`').Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Lower case with «ё» as «е»: people type both.</summary>
    private static string Fold(string s) => s.ToLowerInvariant().Replace('ё', 'е');
}
