using System.Globalization;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.People.Declension;

namespace AccountCoachBot.Features.Promises.Notes;

/// <summary>
/// Dates as a letter writes them: "Tuesday, 1 December" / «вторник, 1 декабря», the year only when it is not the
/// current one ("Tuesday, 5 January 2027" / «вторник, 5 января 2027 года»). In Russian the weekday takes the case its
/// preposition needs: «до вторника», «на вторник».
/// </summary>
public static class NoteDates
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    // Indexed by DayOfWeek (Sunday first).
    private static readonly string[] Nominative = ["воскресенье", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота"];
    private static readonly string[] Genitive = ["воскресенья", "понедельника", "вторника", "среды", "четверга", "пятницы", "субботы"];
    private static readonly string[] Accusative = ["воскресенье", "понедельник", "вторник", "среду", "четверг", "пятницу", "субботу"];

    // «1 декабря»: the month in the genitive, as a date says it.
    private static readonly string[] Months =
        ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];

    /// <summary>The due day in the person's zone; <paramref name="nowUtc"/> decides whether the year is said.</summary>
    public static string Full(DateTime utc, TimeZoneInfo zone, Language language, DateTime nowUtc, RussianCase weekdayCase = RussianCase.Nominative)
    {
        var day = TimeZones.ToLocal(utc, zone);
        var thisYear = TimeZones.ToLocal(nowUtc, zone).Year == day.Year;
        if (language == Language.En)
            return day.ToString(thisYear ? "dddd, d MMMM" : "dddd, d MMMM yyyy", English);

        var weekday = weekdayCase switch
        {
            RussianCase.Genitive => Genitive,
            RussianCase.Accusative => Accusative,
            _ => Nominative,
        };
        var text = $"{weekday[(int)day.DayOfWeek]}, {day.Day.ToString(CultureInfo.InvariantCulture)} {Months[day.Month - 1]}";
        return thisYear ? text : $"{text} {day.Year.ToString(CultureInfo.InvariantCulture)} года";
    }
}
