using System.Globalization;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Conversation;

/// <summary>A user-visible string in both languages. Declared as pairs so neither can be forgotten.</summary>
public sealed record Text(string En, string Ru)
{
    public string this[Language language] => language == Language.Ru ? Ru : En;

    public string Format(Language language, params object?[] args)
    {
        var text = string.Format(Formats.Culture(language), this[language], args);
        // Russian dates end in an abbreviation's dot («8 дек.»): a sentence ending there needs no second one.
        return language == Language.Ru && !text.Contains("...", StringComparison.Ordinal) ? text.Replace("..", ".", StringComparison.Ordinal) : text;
    }
}

public static class Formats
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    public static CultureInfo Culture(Language language) => language == Language.Ru ? Russian : English;

    /// <summary>"Fri 27 Nov, 18:00" / «пт, 27 нояб., 18:00» in the person's zone.</summary>
    public static string When(DateTime utc, TimeZoneInfo zone, Language language)
    {
        var local = TimeZones.ToLocal(utc, zone);
        return language == Language.Ru
            ? local.ToString("ddd, d MMM, HH:mm", Russian)
            : local.ToString("ddd d MMM, HH:mm", English);
    }

    /// <summary>"Fri 27 Nov" / «пт, 27 нояб.».</summary>
    public static string Day(DateTime utc, TimeZoneInfo zone, Language language)
    {
        var local = TimeZones.ToLocal(utc, zone);
        return language == Language.Ru ? local.ToString("ddd, d MMM", Russian) : local.ToString("ddd d MMM", English);
    }
}
