using System.Globalization;
using System.Text.RegularExpressions;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Promises.Parsing;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.MeetingPrep;

/// <summary>What the meeting commands' words mean: a client's name, "important", a length, a start, a number.</summary>
internal static partial class MeetingWords
{
    /// <summary>What dates are read against: the person's local now, zone, accounts and working hours.</summary>
    public static async Task<ParseContext> ContextAsync(CoachDbContext db, Person person, DateTime nowUtc, CancellationToken ct)
    {
        var accounts = await db.Accounts.Where(a => a.OwnerId == person.Id).Select(a => a.Name).ToListAsync(ct);
        var zone = person.Zone;
        var localNow = new DateTimeOffset(TimeZones.ToLocal(nowUtc, zone), zone.GetUtcOffset(nowUtc));
        return new ParseContext(localNow, zone, accounts, person.Hours);
    }

    /// <summary>A start given as an ISO instant (our own payloads) or in words; a day without a time is not enough.</summary>
    public static DateTime? ParseStart(string text, ParseContext context)
    {
        if (DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso)) return iso.UtcDateTime;
        var due = DueParser.Find(text, context);
        return due is { HasTime: true } ? due.Due.UtcDateTime : null;
    }

    /// <summary>`prep for Acme important` → ("Acme", true).</summary>
    public static (string Name, bool Important) PrepTarget(string rest) =>
        (Clean(ForWord().Replace(ImportantWord().Replace(rest, " "), "")), ImportantWord().IsMatch(rest));

    /// <summary>"2", "#2", "№ 2": the person's own number, or null.</summary>
    public static int? Number(string text)
    {
        var m = LeadingNumber().Match(text);
        return m.Success ? int.Parse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The client's name as left after the date and flags are cut: no "with"/«с», no stray punctuation.</summary>
    public static string Clean(string text)
    {
        var s = Spaces().Replace(text, " ").Trim(' ', ',', '.', ':', ';', '-', '—', '`', '"', '«', '»');
        s = WithWord().Replace(s, "").Trim(' ', ',', '.', ':', ';', '-', '—');
        return s;
    }

    /// <summary>The case the preposition before the client's name puts it in («у Яндекса», «с Газпромом», «к Ромашке»).</summary>
    public static People.Declension.RussianCase? CaseOfName(string text)
    {
        var m = CasePreposition().Match(Spaces().Replace(text, " ").Trim(' ', ',', '.', ':', ';', '-', '—', '`', '"', '«', '»'));
        if (!m.Success) return null;
        return m.Groups[1].Value.ToLowerInvariant() switch
        {
            "с" or "со" => People.Declension.RussianCase.Instrumental,
            "к" or "ко" => People.Declension.RussianCase.Dative,
            _ => People.Declension.RussianCase.Genitive,
        };
    }

    public static int DurationMinutes(Match d)
    {
        if (d.Groups["half"].Success) return 30;
        var n = double.Parse(d.Groups["n"].Value.Replace(',', '.'), CultureInfo.InvariantCulture);
        var unit = d.Groups["unit"].Value.ToLowerInvariant();
        var minutes = unit.StartsWith('m') || unit.StartsWith("мин", StringComparison.Ordinal) ? n : n * 60;
        return (int)Math.Clamp(Math.Round(minutes), 5, 24 * 60);
    }

    [GeneratedRegex(@"(?<![\p{L}])(important|важная|важное|важно|важной)(?![\p{L}])", RegexOptions.IgnoreCase)]
    public static partial Regex ImportantWord();

    [GeneratedRegex(@"(?<![\p{L}])(?:(?:for|на)\s+(?<n>[0-9]+(?:[.,][0-9]+)?)\s*(?<unit>h|hr|hrs|hour|hours|m|min|mins|minutes|ч|час|часа|часов|мин|минут|минуты)(?![\p{L}])|(?<half>for half an hour|на полчаса))", RegexOptions.IgnoreCase)]
    public static partial Regex Duration();

    [GeneratedRegex(@"^(с|со|у|для|к|ко)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex CasePreposition();

    [GeneratedRegex(@"^(?:with|at|с|со|у)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex WithWord();

    [GeneratedRegex(@"^(?:for|to|к|для)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ForWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>"2", "#2", "№ 2": the person's own meeting number, in ASCII digits (<c>\d</c> would take any script's digits).</summary>
    [GeneratedRegex(@"^\s*(?:#|№)?\s*([0-9]{1,9})\b")]
    private static partial Regex LeadingNumber();
}
