using System.Globalization;
using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.People;

/// <summary>settings, timezone, language, hours, workdays, pause, resume.</summary>
public sealed class PeopleCommands(IEnumerable<ISettingsSection> sections) : ITurnHandler
{
    public async Task<IReadOnlyList<Reply>?> TryHandleAsync(Turn turn, CancellationToken ct)
    {
        if (turn.Action is null && PeopleVerbs.Settings.Is(turn.Text))
            return [await SettingsAsync(turn, ct)];
        return Handle(turn);
    }

    private static IReadOnlyList<Reply>? Handle(Turn turn)
    {
        if (turn.Action is not null) return null;
        var text = turn.Text;
        Reply? reply = null;

        if (PeopleVerbs.TimeZone.Matches(text, out var zone))
            reply = SetZone(turn, zone);
        else if (PeopleVerbs.Language.Matches(text, out var lang))
            reply = SetLanguage(turn, lang);
        else if (PeopleVerbs.Hours.Matches(text, out var hours))
            reply = SetHours(turn, hours);
        else if (PeopleVerbs.WorkDays.Matches(text, out var days))
            reply = SetDays(turn, days);
        else if (PeopleVerbs.Pause.Is(text))
        {
            turn.Person.Paused = true;
            reply = turn.T(PeopleTexts.Paused);
        }
        else if (PeopleVerbs.Resume.Is(text))
        {
            turn.Person.Paused = false;
            reply = turn.T(PeopleTexts.Resumed);
        }

        return reply is null ? null : [reply];
    }

    private async Task<Reply> SettingsAsync(Turn turn, CancellationToken ct)
    {
        var p = turn.Person;
        var more = new List<CardFact>();
        foreach (var section in sections.OrderBy(s => s.Order))
            more.AddRange(await section.DescribeAsync(turn, ct));
        var card = new Card(
            turn.T(PeopleTexts.SettingsTitle),
            Facts:
            [
                new(turn.T(PeopleTexts.SettingsZone), p.TimeZoneId),
                new(turn.T(PeopleTexts.SettingsLanguage), turn.T(PeopleTexts.LanguageName)),
                new(turn.T(PeopleTexts.SettingsHours), $"{p.WorkStart:HH\\:mm}–{p.WorkEnd:HH\\:mm}"),
                new(turn.T(PeopleTexts.SettingsDays), WeekdayNames.Describe(p.Hours.Days, turn.Language)),
                new(turn.T(PeopleTexts.SettingsNudges), turn.T(p.Paused ? PeopleTexts.NudgesPaused : PeopleTexts.NudgesOn)),
                .. more,
            ],
            Footnote: turn.T(PeopleTexts.SettingsHint));
        var text = string.Join('\n', card.Facts.Select(f => $"{f.Label}: {f.Value}"));
        return new Reply(text, card);
    }

    private static Reply SetZone(Turn turn, string value)
    {
        if (!TimeZones.TryFind(value, out var zone))
            return turn.T(PeopleTexts.ZoneUnknown, value);
        turn.Person.TimeZoneId = zone.Id;
        turn.Person.TimeZoneSource = TimeZoneSource.Command;
        var localNow = TimeZones.ToLocal(turn.NowUtc, zone);
        return turn.T(PeopleTexts.ZoneSet, zone.Id, localNow.ToString("HH:mm", CultureInfo.InvariantCulture));
    }

    private static Reply SetLanguage(Turn turn, string value)
    {
        if (!LanguageExtensions.TryParse(value, out var language))
            return turn.T(PeopleTexts.LanguageUnknown);
        turn.Person.Language = language;
        turn.Person.LanguageChosen = true;
        return turn.T(PeopleTexts.LanguageSet);
    }

    private static Reply SetHours(Turn turn, string value)
    {
        var parts = value.Replace('–', '-').Replace('—', '-').Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !TimeOnly.TryParse(parts[0], CultureInfo.InvariantCulture, out var start)
            || !TimeOnly.TryParse(parts[1], CultureInfo.InvariantCulture, out var end)
            || start >= end)
            return turn.T(PeopleTexts.HoursInvalid);
        turn.Person.WorkStart = start;
        turn.Person.WorkEnd = end;
        return turn.T(PeopleTexts.HoursSet, start.ToString("HH:mm"), end.ToString("HH:mm"));
    }

    private static Reply SetDays(Turn turn, string value)
    {
        var days = WeekdayNames.ParseSet(value);
        if (days is null || days.Count == 0)
            return turn.T(PeopleTexts.DaysInvalid);
        turn.Person.WorkDaysMask = new WorkingHours(turn.Person.WorkStart, turn.Person.WorkEnd, days).DaysMask;
        return turn.T(PeopleTexts.DaysSet, WeekdayNames.Describe(days, turn.Language));
    }
}
