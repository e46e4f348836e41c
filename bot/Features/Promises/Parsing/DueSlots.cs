using System.Globalization;
using System.Text.RegularExpressions;

namespace AccountCoachBot.Features.Promises.Parsing;

/// <summary>Reads the value of one pattern slot ({wd}, {n}, {clock}...) at a token position.</summary>
internal static partial class DueSlots
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>
    {
        "wd", "month", "n", "unit", "dom", "ord", "year", "numdate", "clock", "hour",
    };

    /// <summary>Every way the slot can be read at <paramref name="index"/>: (tokens used, captures), longest first.</summary>
    public static IEnumerable<(int Length, DueCaptures Captures)> Read(
        string slot, IReadOnlyList<Token> tokens, int index, LanguageRules rules, DueCaptures caps)
    {
        if (index >= tokens.Count) yield break;
        var token = tokens[index];
        switch (slot)
        {
            case "wd":
                foreach (var (len, day) in rules.Weekdays.MatchesAt(tokens, index)) yield return (len, caps with { Weekday = day });
                break;
            case "month":
                foreach (var (len, month) in rules.Months.MatchesAt(tokens, index)) yield return (len, caps with { Month = month });
                break;
            case "unit":
                foreach (var (len, unit) in rules.Units.MatchesAt(tokens, index)) yield return (len, caps with { Unit = unit });
                break;
            case "n":
                if (IsDigits(token.Norm, 1, 3, out var n) && n > 0) yield return (1, caps with { Count = n });
                foreach (var (len, count) in rules.Numbers.MatchesAt(tokens, index)) yield return (len, caps with { Count = count });
                break;
            case "dom":
                if (IsDigits(token.Norm, 1, 2, out var dom) && dom is >= 1 and <= 31) yield return (1, caps with { Day = dom });
                else if (ReadOrdinal(token.Norm, rules) is { } od) yield return (1, caps with { Day = od });
                break;
            case "ord":
                if (ReadOrdinal(token.Norm, rules) is { } ord) yield return (1, caps with { Day = ord });
                break;
            case "year":
                if (IsDigits(token.Norm, 4, 4, out var year) && year is >= 2000 and <= 2199) yield return (1, caps with { Year = year });
                break;
            case "numdate":
                if (ReadNumericDate(token.Norm) is { } d) yield return (1, caps with { Day = d.Day, Month = d.Month, Year = d.Year });
                break;
            case "clock":
            case "hour":
                if (ReadClock(tokens, index, rules) is { } c && (slot == "hour" || c.Time.Certainty == ClockCertainty.Strong))
                    yield return (c.Length, caps with { Clock = c.Time });
                break;
            default:
                throw new InvalidOperationException($"Unknown due slot {{{slot}}}");
        }
    }

    private static bool IsDigits(string s, int minLength, int maxLength, out int value)
    {
        value = 0;
        return s.Length >= minLength && s.Length <= maxLength && s.All(char.IsAsciiDigit) &&
               int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    // "10th", «10-го»: a day number followed by one of the language's ordinal endings.
    private static int? ReadOrdinal(string norm, LanguageRules rules)
    {
        var digits = 0;
        while (digits < norm.Length && digits < 2 && char.IsAsciiDigit(norm[digits])) digits++;
        if (digits == 0 || !rules.OrdinalSuffixes.Contains(norm[digits..])) return null;
        var day = int.Parse(norm[..digits], CultureInfo.InvariantCulture);
        return day is >= 1 and <= 31 ? day : null;
    }

    // "15.12", "15.12.2026", "15.12.26" (day first, as written in Russia and Europe) and ISO "2026-12-15".
    // US "12/15" is not read: with day-first writers it is ambiguous.
    private static (int Day, int Month, int? Year)? ReadNumericDate(string norm)
    {
        var m = DottedDate().Match(norm);
        if (m.Success)
        {
            int day = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), month = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            int? year = m.Groups[3].Success ? int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) : null;
            if (year < 100) year += 2000;
            return day is >= 1 and <= 31 && month is >= 1 and <= 12 ? (day, month, year) : null;
        }

        m = IsoDate().Match(norm);
        if (m.Success)
        {
            int year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), month = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture),
                day = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
            return day is >= 1 and <= 31 && month is >= 1 and <= 12 ? (day, month, year) : null;
        }

        return null;
    }

    /// <summary>
    /// A clock time: "3", "3pm", "3:30 p.m.", "15:00", «9 часов утра», «3 дня». A trailing hour word or
    /// am/pm word may follow as separate tokens.
    /// </summary>
    public static (ClockTime Time, int Length)? ReadClock(IReadOnlyList<Token> tokens, int index, LanguageRules rules)
    {
        var m = ClockToken().Match(tokens[index].Norm);
        if (!m.Success) return null;
        var hour = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var hasMinutes = m.Groups[2].Success;
        var minute = hasMinutes ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
        var meridiem = Meridiem.None;
        var worded = false;
        var suffix = m.Groups[3].Value;
        if (suffix.Length > 0 && !TryWord(suffix, rules, ref meridiem, ref worded)) return null;

        var length = 1;
        while (index + length < tokens.Count)
        {
            var next = tokens[index + length];
            if (next.BreakBefore) break;
            if (next.IsPunct && next.Norm == "." && tokens[index + length - 1].Norm.Contains('.') && next.Start == tokens[index + length - 1].End)
            {
                length++; // the last dot of "p.m."
                continue;
            }

            if (next.IsPunct || !TryWord(next.Norm, rules, ref meridiem, ref worded)) break;
            length++;
        }

        if (hour > 23 || minute > 59) return null;
        if (meridiem != Meridiem.None && hour is 0 or > 12) return null;
        var certainty = hasMinutes || meridiem != Meridiem.None ? ClockCertainty.Strong : worded ? ClockCertainty.Worded : ClockCertainty.Bare;
        return (new ClockTime(hour, minute, meridiem, certainty), length);
    }

    // Accepts one hour word and one am/pm word, each at most once.
    private static bool TryWord(string word, LanguageRules rules, ref Meridiem meridiem, ref bool worded)
    {
        if (meridiem == Meridiem.None && rules.AmWords.Contains(word)) { meridiem = Meridiem.Am; return true; }
        if (meridiem == Meridiem.None && rules.PmWords.Contains(word)) { meridiem = Meridiem.Pm; return true; }
        if (!worded && meridiem == Meridiem.None && rules.HourWords.Contains(word)) { worded = true; return true; }
        return false;
    }

    [GeneratedRegex(@"^([0-9]{1,2})\.([0-9]{1,2})(?:\.([0-9]{4}|[0-9]{2}))?$")]
    private static partial Regex DottedDate();

    [GeneratedRegex(@"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^([0-9]{1,2})(?::([0-9]{2}))?(\p{L}[\p{L}.']*)?$")]
    private static partial Regex ClockToken();
}
