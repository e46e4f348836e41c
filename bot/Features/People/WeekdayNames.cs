namespace AccountCoachBot.Features.People;

/// <summary>Weekday names for `workdays mon-fri` / `рабочие дни пн-пт`.</summary>
public static class WeekdayNames
{
    private static readonly (DayOfWeek Day, string[] Names)[] Table =
    [
        (DayOfWeek.Monday, ["mon", "monday", "пн", "пон", "понедельник"]),
        (DayOfWeek.Tuesday, ["tue", "tues", "tuesday", "вт", "вторник"]),
        (DayOfWeek.Wednesday, ["wed", "wednesday", "ср", "среда"]),
        (DayOfWeek.Thursday, ["thu", "thur", "thurs", "thursday", "чт", "четверг"]),
        (DayOfWeek.Friday, ["fri", "friday", "пт", "пятница"]),
        (DayOfWeek.Saturday, ["sat", "saturday", "сб", "суббота"]),
        (DayOfWeek.Sunday, ["sun", "sunday", "вс", "воскресенье"]),
    ];

    private static readonly string[] ShortEn = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    private static readonly string[] ShortRu = ["вс", "пн", "вт", "ср", "чт", "пт", "сб"];

    public static DayOfWeek? Parse(string name)
    {
        var n = name.Trim().TrimEnd('.').ToLowerInvariant();
        foreach (var (day, names) in Table)
            if (names.Contains(n)) return day;
        return null;
    }

    /// <summary>"mon-fri", "mon,wed,fri", "пн-пт"; null when any part is not a day.</summary>
    public static HashSet<DayOfWeek>? ParseSet(string text)
    {
        var result = new HashSet<DayOfWeek>();
        foreach (var part in text.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            var range = part.Replace('–', '-').Split('-');
            if (range.Length == 1)
            {
                if (Parse(range[0]) is not { } d) return null;
                result.Add(d);
            }
            else if (range.Length == 2 && Parse(range[0]) is { } from && Parse(range[1]) is { } to)
            {
                // Walk forward from the first day, so "fri-mon" wraps over the weekend.
                for (var day = from; ; day = (DayOfWeek)(((int)day + 1) % 7))
                {
                    result.Add(day);
                    if (day == to) break;
                }
            }
            else return null;
        }
        return result;
    }

    public static string Describe(IReadOnlySet<DayOfWeek> days, Language language)
    {
        var names = language == Language.Ru ? ShortRu : ShortEn;
        var ordered = Enumerable.Range(0, 7).Select(i => (DayOfWeek)((i + 1) % 7)).Where(days.Contains).ToList();
        return string.Join(", ", ordered.Select(d => names[(int)d]));
    }
}
