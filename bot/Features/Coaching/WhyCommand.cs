using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.Coaching;

/// <summary>The "Why?" answer: a principle's title, its statement and the source it comes from.</summary>
public static class WhyCommand
{
    /// <summary>
    /// Three short lines, e.g.
    /// <code>
    /// Always do what you say you'll do
    /// Keep every promise you make to a client. If you can't, tell them before the date and say why.
    /// Source: seed 004 — «Всегда делайте то, что собираетесь сказать. …»
    /// </code>
    /// </summary>
    public static string FormatWhy(Principle p, Language lang)
    {
        ArgumentNullException.ThrowIfNull(p);
        return string.Join("\n", p.Title(lang), p.Statement(lang), SourceLine(p, lang));
    }

    /// <summary>"Source: seed 004 — «…»": where the principle comes from, in its original words.</summary>
    public static string SourceLine(Principle p, Language lang)
    {
        ArgumentNullException.ThrowIfNull(p);
        return lang == Language.Ru
            ? $"Источник: материал {p.Source.SeedNumber} — «{InnerQuotes(p.Source.Quote)}»"
            : $"Source: seed {p.Source.SeedNumber} — «{InnerQuotes(p.Source.Quote)}»";
    }

    /// <summary>The "Why?" text for an id, or null when the catalog has no such principle.</summary>
    public static string? FormatWhy(PrincipleCatalog catalog, string? id, Language lang)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var p = catalog.Find(id);
        return p is null ? null : FormatWhy(p, lang);
    }

    // Russian typography nests „…“ inside «…»; the quote itself stays verbatim otherwise.
    private static string InnerQuotes(string quote) =>
        string.Join(" ", quote.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Replace('«', '„').Replace('»', '“');
}
