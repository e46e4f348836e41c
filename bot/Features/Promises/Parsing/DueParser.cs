using System.Collections.Concurrent;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.Promises.Parsing;

/// <summary>A due expression found on tokens: tokens [First, End), the resolved instant, whether a time was said.</summary>
internal sealed record DueSpan(int First, int End, DateTimeOffset Due, bool HasTime);

/// <summary>
/// Finds due-time expressions. A phrase is read with the language's <see cref="DueRule"/> table; neighbouring
/// phrases that complete each other ("tomorrow" + "at 9", «в пятницу» + «утром») are joined into one due.
/// Dates are computed on the manager's wall clock (<see cref="ParseContext.Now"/> in <see cref="ParseContext.Zone"/>)
/// and returned with the zone's real offset for that wall time.
/// </summary>
public static class DueParser
{
    private static readonly ConcurrentDictionary<Language, DuePattern[]> Patterns = new();

    /// <summary>The first due-time expression in <paramref name="text"/>, or null if there is none.</summary>
    public static DueMatch? Find(string text, ParseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrWhiteSpace(text)) return null;
        var tokens = Tokenizer.Tokenize(text);
        var span = FindAll(tokens, context, LanguageExtensions.FromScript(text) ?? Language.En).FirstOrDefault();
        return span is null ? null : ToMatch(span, tokens);
    }

    internal static DueMatch ToMatch(DueSpan span, IReadOnlyList<Token> tokens)
    {
        var start = tokens[span.First].Start;
        return new DueMatch(span.Due, start, tokens[span.End - 1].End - start, span.HasTime);
    }

    /// <summary>
    /// Every due expression, in text order, read with the text's language; if that finds nothing, with the other
    /// language (a Latin "EOD" in Russian text, a Russian date in an English sentence).
    /// </summary>
    internal static IReadOnlyList<DueSpan> FindAll(IReadOnlyList<Token> tokens, ParseContext context, Language language)
    {
        var found = Scan(tokens, context, LanguageRules.For(language));
        return found.Count > 0 ? found : Scan(tokens, context, LanguageRules.For(language == Language.Ru ? Language.En : Language.Ru));
    }

    private enum Role
    {
        Date,
        DayPart,
        Clock,
        Instant,
    }

    private sealed record Component(int Start, int End, DueRule Rule, DueCaptures Caps)
    {
        public int Count => Caps.Count ?? Rule.Value;

        public DueUnit Unit => Caps.Unit ?? Rule.Unit;

        public Role Role => Rule.Kind switch
        {
            DueKind.Clock => Role.Clock,
            DueKind.TimeOfDay or DueKind.EndOfDay => Role.DayPart,
            DueKind.Offset when Unit is DueUnit.Minute or DueUnit.Hour => Role.Instant,
            _ => Role.Date,
        };
    }

    private static List<DueSpan> Scan(IReadOnlyList<Token> tokens, ParseContext context, LanguageRules rules)
    {
        var patterns = Patterns.GetOrAdd(rules.Language, _ => rules.DueRules.Select(r => new DuePattern(r)).ToArray());
        var spans = new List<DueSpan>();
        var i = 0;
        while (i < tokens.Count)
        {
            var first = MatchAt(tokens, i, rules, patterns);
            if (first is null)
            {
                i++;
                continue;
            }

            var chain = new List<Component> { first };
            var end = first.End;
            while (end < tokens.Count)
            {
                var next = MatchAt(tokens, tokens[end].Norm == "," ? end + 1 : end, rules, patterns);
                if (next is null || !CanJoin(chain, next)) break;
                chain.Add(next);
                end = next.End;
            }

            var span = StandsAsTime(chain, tokens, end, rules) ? Resolve(chain, context) : null;
            if (span is null)
            {
                i = first.Start + 1;
                continue;
            }

            spans.Add(span);
            i = end;
        }

        return spans;
    }

    // The longest phrase starting at index, optionally after a lead-in preposition that then belongs to it.
    private static Component? MatchAt(IReadOnlyList<Token> tokens, int index, LanguageRules rules, DuePattern[] patterns)
    {
        if (index >= tokens.Count) return null;
        Component? best = null;
        var starts = new List<int> { index };
        starts.AddRange(rules.LeadIns.MatchesAt(tokens, index).Select(m => index + m.Length));
        foreach (var start in starts)
        {
            foreach (var pattern in patterns)
            {
                var end = pattern.Match(tokens, start, rules, out var caps);
                if (end > (best?.End ?? -1)) best = new Component(index, end, pattern.Rule, caps);
            }
        }

        return best;
    }

    // One date, one part of day and one clock time make a due; an instant ("in 2 hours") stands alone.
    private static bool CanJoin(List<Component> chain, Component next) =>
        next.Role != Role.Instant && chain.All(c => c.Role != Role.Instant && c.Role != next.Role);

    // A bare number after "at"/«в» is a time only when a date or part of day backs it, or when it ends the
    // clause ("call at 3", «перезвоню в 9»): «в 2 экземплярах» is not a time.
    private static bool StandsAsTime(List<Component> chain, IReadOnlyList<Token> tokens, int end, LanguageRules rules)
    {
        if (chain.Any(c => c.Role != Role.Clock || c.Caps.Clock is not { Certainty: ClockCertainty.Bare })) return true;
        if (end >= tokens.Count) return true;
        var next = tokens[end];
        return next.IsPunct || next.BreakBefore || rules.ClockFollowers.Contains(next.Norm);
    }

    private static DueSpan? Resolve(List<Component> chain, ParseContext context)
    {
        var zone = context.Zone;
        var hours = context.Hours;
        var localNow = ZonedTime.ToLocal(context.Now, zone);
        var first = chain[0].Start;
        var end = chain[^1].End;

        if (chain.Find(c => c.Role == Role.Instant) is { } instant)
        {
            var length = instant.Unit == DueUnit.Minute ? TimeSpan.FromMinutes(instant.Count) : TimeSpan.FromHours(instant.Count);
            return new DueSpan(first, end, ZonedTime.ToZone(context.Now + length, zone), true);
        }

        var date = chain.Find(c => c.Role == Role.Date);
        var part = chain.Find(c => c.Role == Role.DayPart);
        var clock = chain.Find(c => c.Role == Role.Clock);

        TimeOnly? time = clock is not null ? ClockToTime(clock.Caps.Clock!.Value, part, hours)
            : part is not null ? PartTime(part, hours)
            : null;
        var hasTime = clock is not null || part?.Rule.Kind == DueKind.TimeOfDay;

        DateTime local;
        if (date is not null)
        {
            // "in 3 days" keeps the clock time of now; any other date without a time means the end of the working day.
            var keepsClock = date.Rule.Kind == DueKind.Offset;
            var t = time ?? (keepsClock ? TimeOnly.FromDateTime(localNow) : hours.End);
            hasTime |= keepsClock;
            if (DateFor(date, localNow, t, hours) is not { } day) return null;
            local = day.ToDateTime(t);
        }
        else
        {
            // A time alone is today's if still ahead, else tomorrow's.
            local = DateOnly.FromDateTime(localNow).ToDateTime(time!.Value);
            if (local <= localNow) local = local.AddDays(1);
        }

        return new DueSpan(first, end, ZonedTime.FromLocal(local, zone), hasTime);
    }

    private static DateOnly? DateFor(Component date, DateTime now, TimeOnly time, WorkingHours hours)
    {
        var today = DateOnly.FromDateTime(now);
        var caps = date.Caps;
        return date.Rule.Kind switch
        {
            DueKind.RelativeDay => today.AddDays(date.Rule.Value),
            DueKind.Weekday => DueCalendar.NextOccurrence(now, caps.Weekday!.Value, time),
            DueKind.NextWeekday => DueCalendar.InNextWeek(today, caps.Weekday!.Value, hours),
            DueKind.Offset => date.Unit switch
            {
                DueUnit.Week => today.AddDays(7 * date.Count),
                DueUnit.Month => today.AddMonths(date.Count),
                DueUnit.WorkDay => DueCalendar.AddWorkdays(today, date.Count, hours),
                _ => today.AddDays(date.Count),
            },
            DueKind.DayOfMonth => DueCalendar.DayOfMonth(now, caps.Day!.Value, time),
            DueKind.Date => DueCalendar.Date(now, caps.Month!.Value, caps.Day!.Value, caps.Year, time),
            DueKind.EndOfWeek => DueCalendar.EndOfWeek(now, date.Rule.Value, time, hours),
            DueKind.NextWeek => DueCalendar.FirstWorkday(DueCalendar.StartOfWeek(today, hours).AddDays(7), hours),
            DueKind.EndOfMonth => DueCalendar.EndOfMonth(now, date.Rule.Value, time),
            _ => null,
        };
    }

    private static TimeOnly PartTime(Component part, WorkingHours hours) =>
        part.Rule.Kind == DueKind.EndOfDay ? hours.End : new TimeOnly(part.Rule.Value / 60, part.Rule.Value % 60);

    /// <summary>
    /// am/pm (or «утра»/«вечера») decide when said. Otherwise a part of day said with it decides ("tomorrow
    /// morning at 8"); otherwise an hour 1–11 that falls outside working hours is read as pm when pm falls inside
    /// them: "at 3" → 15:00, «в 9» → 09:00, "at 6" → 18:00, but "at 8" → 08:00 (20:00 is outside too).
    /// </summary>
    private static TimeOnly ClockToTime(ClockTime clock, Component? part, WorkingHours hours)
    {
        var hour = clock.Hour;
        var meridiem = clock.Meridiem;
        if (meridiem == Meridiem.None && part is not null)
            meridiem = PartTime(part, hours).Hour >= 12 ? Meridiem.Pm : Meridiem.Am;

        if (meridiem == Meridiem.Pm && hour < 12) hour += 12;
        else if (meridiem == Meridiem.Am && hour == 12) hour = 0;
        else if (meridiem == Meridiem.None && hour is >= 1 and <= 11)
        {
            var asSaid = new TimeOnly(hour, clock.Minute);
            var pm = new TimeOnly(hour + 12, clock.Minute);
            if (!Within(asSaid, hours) && Within(pm, hours)) hour += 12;
        }

        return new TimeOnly(hour, clock.Minute);
    }

    private static bool Within(TimeOnly time, WorkingHours hours) => time >= hours.Start && time <= hours.End;
}
