using System.Text.RegularExpressions;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.People.Declension;

namespace AccountCoachBot.Features.Promises.Notes;

/// <summary>
/// The promise and the reason as clauses of a letter to the client: "send the revised quote" becomes "send you the
/// revised quote" («прислать вам акт сверки»); a reason typed with or without "because" («потому что», «из-за»)
/// gets exactly one connective.
/// </summary>
public static partial class NoteWording
{
    // Verbs whose deliverable goes to the reader: "send you the quote", «прислать вам акт».
    private static readonly HashSet<string> ToYouEn = new(StringComparer.OrdinalIgnoreCase)
    {
        "send", "give", "show", "bring", "email", "e-mail", "forward", "hand", "mail", "offer", "pass", "get", "call", "ring", "phone",
        "text", "tell", "resend", "sign", "return",
    };

    private static readonly HashSet<string> ToYouRu = new(StringComparer.OrdinalIgnoreCase)
    {
        "прислать", "отправить", "выслать", "направить", "передать", "показать", "дать", "предоставить", "переслать", "написать",
        "позвонить", "перезвонить", "сообщить", "рассказать", "вернуть", "выставить", "скинуть", "отдать", "объяснить", "подтвердить",
    };

    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "you", "them", "him", "her", "us", "me", "it", "вам", "вас", "ему", "ей", "им", "нам", "мне", "тебе",
    };

    private static readonly HashSet<string> NoReason = new(StringComparer.OrdinalIgnoreCase)
    {
        "", "-", "—", "no", "none", "n/a", "skip", "нет", "пропустить",
    };

    /// <summary>The deliverable as the note says it, an infinitive clause without "to": "send you the revised quote".</summary>
    public static string Action(string what, Language language)
    {
        var text = Lead().Replace(Spaces().Replace(what, " ").Trim().TrimEnd('.', '!', ';'), "");
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count == 0) return text;
        words[0] = words[0].ToLowerInvariant();
        var verbs = language == Language.Ru ? ToYouRu : ToYouEn;
        var next = words.Count > 1 ? words[1] : null;
        var alreadyAddressed = next is not null && (Pronouns.Contains(next) || IsName(next))
            || words.Skip(1).Any(w => w is "to" or "для" || w.Equals("вам", StringComparison.OrdinalIgnoreCase));
        if (verbs.Contains(words[0]) && !alreadyAddressed)
            words.Insert(1, language == Language.Ru ? "вам" : "you");
        return string.Join(' ', words);
    }

    // "Olga", «Ольге»: a capital and then small letters (an acronym such as "NDA" or «КП» is the deliverable).
    private static bool IsName(string word) => char.IsUpper(word[0]) && word.Skip(1).Any(char.IsLower);

    /// <summary>
    /// The reason after its connective ("because legal needs another day", "due to the audit", «из-за проверки»), or null
    /// when none was given. <paramref name="names"/>: names that keep their capital letter at the start of the reason.
    /// </summary>
    public static string? Reason(string? reason, Language language, params string?[] names)
    {
        var text = Spaces().Replace(reason ?? "", " ").Trim().Trim('—', '-', ':', ',', ' ').TrimEnd('.', '!', ';', ' ');
        if (NoReason.Contains(text)) return null;

        var (connective, rest) = Split(text, language);
        if (rest.Length == 0) return null;
        return $"{connective} {LowerFirst(rest, names)}";
    }

    private static (string Connective, string Tail) Split(string text, Language language)
    {
        var m = (language == Language.Ru ? RuConnective() : EnConnective()).Match(text);
        var rest = m.Success ? text[m.Length..].TrimStart(',', ' ') : text;
        if (!m.Success) return (language == Language.Ru ? "потому что" : "because", rest);
        var word = m.Groups[1].Value.ToLowerInvariant();
        return word switch
        {
            "because of" or "due to" or "из-за" or "так как" => (word, rest),
            _ => (language == Language.Ru ? "потому что" : "because", rest),
        };
    }

    /// <summary>"Legal needs…" → "legal needs…" after a connective; "I", acronyms ("NDA") and the client's and contact's names stay.</summary>
    private static string LowerFirst(string text, IEnumerable<string?> names)
    {
        var first = text.Split(' ')[0].TrimEnd(',', '.', ':', ';');
        if (first.Length == 0 || !char.IsUpper(first[0])) return text;
        if (first is "I" || first.StartsWith("I'", StringComparison.Ordinal) || first.StartsWith("I’", StringComparison.Ordinal)) return text;
        if (first.Skip(1).Any(c => char.IsUpper(c) || char.IsDigit(c))) return text;
        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(name)) continue;
            var head = name.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
            if (string.Equals(first, head, StringComparison.OrdinalIgnoreCase) || RussianNames.IsWordFormOf(first, head)) return text;
        }
        return char.ToLower(text[0], System.Globalization.CultureInfo.InvariantCulture) + text[1..];
    }

    [GeneratedRegex(@"^(?:to|i'll|i will|i promised to)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Lead();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(because of|because|due to|since|as|cause|b/c|bc)\b[,:]?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex EnConnective();

    [GeneratedRegex(@"^(потому,?\s+что|потому|так как|т\.\s?к\.|ибо|из-за|поскольку)(?=[\s,:]|$)[,:]?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex RuConnective();
}
