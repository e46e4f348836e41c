namespace AccountCoachBot.Features.People;

/// <summary>The languages the coach speaks. Every user-visible string exists in both.</summary>
public enum Language
{
    En = 0,
    Ru = 1,
}

public static class LanguageExtensions
{
    public static string Code(this Language language) => language == Language.Ru ? "ru" : "en";

    public static bool TryParse(string? value, out Language language)
    {
        language = Language.En;
        switch (value?.Trim().ToLowerInvariant())
        {
            case "en" or "english" or "англ" or "английский":
                language = Language.En;
                return true;
            case "ru" or "russian" or "рус" or "русский":
                language = Language.Ru;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Guesses the language of a message from its script: Cyrillic letters mean Russian.</summary>
    public static Language? FromScript(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        int cyrillic = 0, latin = 0;
        foreach (var c in text)
        {
            if (c is >= '\u0400' and <= '\u04FF') cyrillic++;
            else if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z') latin++;
        }
        if (cyrillic == 0 && latin == 0) return null;
        return cyrillic >= latin ? Language.Ru : Language.En;
    }

    /// <summary>Maps a locale such as "ru-RU" or "en-US" to a language; unknown locales give null.</summary>
    public static Language? FromLocale(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale)) return null;
        var lang = locale.Split('-', '_')[0].ToLowerInvariant();
        return lang switch { "ru" => Language.Ru, "en" => Language.En, _ => null };
    }
}
