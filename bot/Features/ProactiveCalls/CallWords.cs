using System.Globalization;
using System.Text.RegularExpressions;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Promises.Parsing;

namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>What the call commands' words mean: account settings, who was called, vacation days.</summary>
internal static partial class CallWords
{
    [GeneratedRegex(@"^(?<name>.+?)(?:\s+(?<tier>key|standard|ключевой|обычный|стандартный)(?:\s+(?:account|клиент))?)?(?:\s*,?\s+(?:every|каждые|раз\s+в)\s+(?<days>[0-9]{1,5})(?:\s*(?:days?|d|дн[а-я]*|день))?)?\s*$", RegexOptions.IgnoreCase)]
    public static partial Regex AddPattern();

    [GeneratedRegex(@"^(?:(?<tier>key|standard|ключевой|обычный|стандартный)(?:\s+(?:account|клиент))?)?(?:\s*,?\s*(?:every|каждые|раз\s+в)\s+(?<days>[0-9]{1,5})(?:\s*(?:days?|d|дн[а-я]*|день))?)?\s*$", RegexOptions.IgnoreCase)]
    public static partial Regex SettingsPattern();

    [GeneratedRegex(@"^(?<name>.+?)\s+(?:channel|канал)\s+(?<channel>\S+)$", RegexOptions.IgnoreCase)]
    public static partial Regex ChannelPattern();

    [GeneratedRegex(@"^(?:to|with|в|во|с|со|клиенту)\s+", RegexOptions.IgnoreCase)]
    public static partial Regex LeadingPreposition();

    [GeneratedRegex(@"\s+(?:-|–|—|to|till|until|through|по|до)\s+|\s*[–—]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex RangeSeparator();

    [GeneratedRegex(@"^(?:from|с|со)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingFrom();

    public static AccountTier? TierOf(Group group) => !group.Success ? null
        : group.Value.ToLowerInvariant() is "key" or "ключевой" ? AccountTier.Key : AccountTier.Standard;

    /// <summary>The days in a match (ASCII digits only), or null when none were given.</summary>
    public static int? DaysOf(Group group) => group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : null;

    /// <summary>`2026-08-03 2026-08-14`, `3.8 – 14.8`, `from Monday to Friday`; one day alone is a one-day vacation.</summary>
    public static (DateOnly First, DateOnly Last)? ParseRange(string text, DateTimeOffset localNow, TimeZoneInfo zone, WorkingHours hours)
    {
        var range = LeadingFrom().Replace(text.Trim(), "");
        var parts = RangeSeparator().Split(range).Where(p => p.Trim().Length > 0).ToArray();
        if (parts.Length == 1) parts = range.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: 2 } two ? two : parts;
        var first = parts.Length is 1 or 2 ? ParseDay(parts[0], localNow, zone, hours) : null;
        var last = parts.Length == 2 ? ParseDay(parts[1], localNow, zone, hours) : first;
        return first is null || last is null ? null : (first.Value, last.Value);
    }

    /// <summary>"2026-08-03", "3.8.2026", "3.08", or words the promise parser reads ("3 Aug", «3 августа», "Monday").</summary>
    internal static DateOnly? ParseDay(string text, DateTimeOffset localNow, TimeZoneInfo zone, WorkingHours hours)
    {
        text = text.Trim().Trim(',', '.', ';');
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso)) return iso;
        if (DateOnly.TryParseExact(text, ["d.M.yyyy", "d.M.yy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var dotted)) return dotted;
        var today = DateOnly.FromDateTime(localNow.DateTime);
        if (DateOnly.TryParseExact(text, "d.M", CultureInfo.InvariantCulture, DateTimeStyles.None, out var short_))
        {
            var day = new DateOnly(today.Year, short_.Month, short_.Day);
            return day < today ? day.AddYears(1) : day;
        }
        var match = DueParser.Find(text, new ParseContext(localNow, zone, [], hours));
        return match is null ? null : DateOnly.FromDateTime(TimeZones.ToLocal(match.Due.UtcDateTime, zone));
    }
}
