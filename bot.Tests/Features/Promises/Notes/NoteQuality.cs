using System.Text.RegularExpressions;

namespace AccountCoachBot.Tests.Features.Promises.Notes;

/// <summary>What no note to a client may contain: bracketed endings, abbreviated dates, leftover placeholders.</summary>
internal static partial class NoteQuality
{
    public static void AssertSendable(string note)
    {
        Assert.False(string.IsNullOrWhiteSpace(note));
        Assert.DoesNotMatch(Brackets(), note);
        Assert.DoesNotMatch(Placeholder(), note);
        Assert.DoesNotMatch(AbbreviatedEn(), note);
        Assert.DoesNotMatch(AbbreviatedRu(), note);
        Assert.DoesNotContain("..", note, StringComparison.Ordinal);
        Assert.DoesNotContain("  ", note, StringComparison.Ordinal);
        Assert.DoesNotContain("`", note, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"[()\[\]{}]")]
    private static partial Regex Brackets();

    [GeneratedRegex(@"\{[0-9]+\}")]
    private static partial Regex Placeholder();

    // "Dec", "Tue", "Tue 1 Dec": a month or weekday cut short.
    [GeneratedRegex(@"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b\.?")]
    private static partial Regex AbbreviatedEn();

    // «дек.», «пт,», «1 нояб»: a Russian month or weekday cut short.
    [GeneratedRegex(@"(?<![а-яё])(янв|февр?|мар|апр|июн|июл|авг|сент?|окт|нояб?|дек|пн|вт|ср|чт|пт|сб|вс)(?![а-яё])\.?", RegexOptions.IgnoreCase)]
    private static partial Regex AbbreviatedRu();
}
