using System.Globalization;
using System.Text.RegularExpressions;
using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.Digests;

public enum PeriodKind
{
    Week = 0,
    Month = 1,
    Dates = 2,
}

/// <summary>
/// The days a digest covers, inclusive, on one person's calendar (a member's own, or the lead's for a team), and the
/// UTC instants that bound them: local midnight of the first day to local midnight after the last, each converted on
/// its own day, so a DST change inside the period makes it 167 or 169 hours long, never a shifted day.
/// </summary>
public sealed partial record DigestPeriod(PeriodKind Kind, DateOnly First, DateOnly Last, DateTime StartUtc, DateTime EndUtc)
{
    public const int MaxDays = 366;

    public int Days => Last.DayNumber - First.DayNumber + 1;

    public bool Contains(DateTime utc) => utc >= StartUtc && utc < EndUtc;

    public static DigestPeriod Of(PeriodKind kind, DateOnly first, DateOnly last, TimeZoneInfo zone) =>
        new(kind, first, last, TimeZones.ToUtc(first.ToDateTime(TimeOnly.MinValue), zone), TimeZones.ToUtc(last.AddDays(1).ToDateTime(TimeOnly.MinValue), zone));

    /// <summary>The last complete week, Monday to Sunday, before today in the zone.</summary>
    public static DigestPeriod LastWeek(DateTime nowUtc, TimeZoneInfo zone)
    {
        var today = DateOnly.FromDateTime(TimeZones.ToLocal(nowUtc, zone));
        var thisMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return Of(PeriodKind.Week, thisMonday.AddDays(-7), thisMonday.AddDays(-1), zone);
    }

    /// <summary>The last complete calendar month in the zone.</summary>
    public static DigestPeriod LastMonth(DateTime nowUtc, TimeZoneInfo zone)
    {
        var today = DateOnly.FromDateTime(TimeZones.ToLocal(nowUtc, zone));
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        return Of(PeriodKind.Month, first, first.AddMonths(1).AddDays(-1), zone);
    }

    /// <summary>The period before this one, of the same kind: the week, the month, or as many days, just before.</summary>
    public DigestPeriod Previous(TimeZoneInfo zone) => Kind switch
    {
        PeriodKind.Week => Of(Kind, First.AddDays(-7), Last.AddDays(-7), zone),
        PeriodKind.Month => Of(Kind, First.AddMonths(-1), First.AddDays(-1), zone),
        _ => Of(Kind, First.AddDays(-Days), First.AddDays(-1), zone),
    };

    /// <summary>This period and the <paramref name="count"/> − 1 before it, oldest first: the trend's x axis.</summary>
    public IReadOnlyList<DigestPeriod> WithPrevious(int count, TimeZoneInfo zone)
    {
        var list = new List<DigestPeriod> { this };
        while (list.Count < count) list.Add(list[^1].Previous(zone));
        list.Reverse();
        return list;
    }

    [GeneratedRegex(@"^(?<y1>[0-9]{4})-(?<m1>[0-9]{1,2})-(?<d1>[0-9]{1,2})\s*(?:\s|-|–|—|\.\.|to|по|до)\s*(?<y2>[0-9]{4})-(?<m2>[0-9]{1,2})-(?<d2>[0-9]{1,2})$", RegexOptions.IgnoreCase)]
    private static partial Regex DatesPattern();

    private static readonly string[] WeekWords = ["", "last week", "week", "прошлая неделя", "неделя", "за прошлую неделю", "за неделю"];
    private static readonly string[] MonthWords = ["last month", "month", "прошлый месяц", "месяц", "за прошлый месяц", "за месяц"];

    /// <summary>
    /// Reads what follows `digest me`: nothing (last week), `last month`, or two dates `YYYY-MM-DD YYYY-MM-DD`.
    /// Returns null with <paramref name="error"/> set when it can't: the caller answers it and changes nothing.
    /// </summary>
    public static DigestPeriod? Parse(string text, DateTime nowUtc, TimeZoneInfo zone, out Text? error)
    {
        error = null;
        var t = string.Join(' ', text.Trim().TrimEnd('.', '!').Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (WeekWords.Any(w => string.Equals(t, w, StringComparison.OrdinalIgnoreCase))) return LastWeek(nowUtc, zone);
        if (MonthWords.Any(w => string.Equals(t, w, StringComparison.OrdinalIgnoreCase))) return LastMonth(nowUtc, zone);

        var m = DatesPattern().Match(t);
        if (!m.Success)
        {
            error = DigestTexts.PeriodMalformed;
            return null;
        }
        if (Date(m, "1") is not { } first || Date(m, "2") is not { } last)
        {
            error = DigestTexts.PeriodNoSuchDate;
            return null;
        }
        if (last < first) error = DigestTexts.PeriodBackwards;
        else if (last.DayNumber - first.DayNumber + 1 > MaxDays) error = DigestTexts.PeriodTooLong;
        else if (first > DateOnly.FromDateTime(TimeZones.ToLocal(nowUtc, zone))) error = DigestTexts.PeriodInFuture;
        return error is null ? Of(PeriodKind.Dates, first, last, zone) : null;
    }

    private static DateOnly? Date(Match m, string n)
    {
        var y = int.Parse(m.Groups["y" + n].Value, CultureInfo.InvariantCulture);
        var mo = int.Parse(m.Groups["m" + n].Value, CultureInfo.InvariantCulture);
        var d = int.Parse(m.Groups["d" + n].Value, CultureInfo.InvariantCulture);
        return y is >= 2000 and <= 2100 && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) ? new DateOnly(y, mo, d) : null;
    }

    /// <summary>"23–29 Nov 2026" / «23–29 нояб. 2026».</summary>
    public string Label(Language language)
    {
        var culture = Formats.Culture(language);
        if (First == Last) return First.ToString("d MMM yyyy", culture);
        var firstFormat = First.Year != Last.Year ? "d MMM yyyy" : First.Month != Last.Month ? "d MMM" : "%d";
        return $"{First.ToString(firstFormat, culture)}–{Last.ToString("d MMM yyyy", culture)}";
    }
}
