using System.Security.Cryptography;
using System.Text;
using AccountCoachBot.Features.People;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;

namespace AccountCoachBot.Features.Calendar;

/// <summary>
/// The events of an ICS feed that start in the window ahead, recurring ones expanded with their exceptions. Times
/// with a zone are that zone's (the organiser's, wherever they are); floating times are the person's; an all-day
/// event spans the person's working day. Cancelled and private events, and those the person declined, are left out.
/// </summary>
public static class IcsEvents
{
    /// <summary>Throws on text that isn't iCalendar.</summary>
    public static IReadOnlyList<CalendarEventInfo> Read(string ics, Person person, DateTime nowUtc, int daysAhead)
    {
        var calendar = Ical.Net.Calendar.Load(ics) ?? throw new FormatException("Not an iCalendar feed.");
        var own = OwnEmails(person, calendar);
        var until = nowUtc.AddDays(daysAhead);
        var result = new List<CalendarEventInfo>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        // A day of slack on both sides: all-day and floating times are placed in the person's zone only below.
        var occurrences = calendar.GetOccurrences<CalendarEvent>(new CalDateTime(nowUtc.AddDays(-1), CalDateTime.UtcTzId))
            .TakeWhile(o => o.Period.StartTime.Value < until.AddDays(1));
        foreach (var occurrence in occurrences)
        {
            if (occurrence.Source is not CalendarEvent e || Skipped(e, own)) continue;
            var start = occurrence.Period.StartTime;
            var allDay = !start.HasTime;
            DateTime startUtc, endUtc;
            if (allDay)
            {
                var day = start.Date.ToDateTime(TimeOnly.MinValue);
                startUtc = TimeZones.ToUtc(day + person.Hours.Start.ToTimeSpan(), person.Zone);
                endUtc = TimeZones.ToUtc(day + person.Hours.End.ToTimeSpan(), person.Zone);
            }
            else
            {
                startUtc = Utc(start, person.Zone);
                endUtc = occurrence.Period.EffectiveEndTime is { } end ? Utc(end, person.Zone) : startUtc.Add(TimeSpan.FromHours(1));
            }
            if (startUtc < nowUtc || startUtc >= until) continue;

            var key = Key(e, start, person.Zone);
            if (!keys.Add(key)) continue;
            var people = People(e, own);
            var text = string.Join(' ', new[] { e.Summary, e.Description }.Concat(people.Select(p => p.Name)).Where(s => !string.IsNullOrWhiteSpace(s)));
            result.Add(new CalendarEventInfo(key, (e.Summary ?? "").Trim(), startUtc, endUtc <= startUtc ? startUtc.AddHours(1) : endUtc, allDay,
                people, ClientMeetingRule.NamesExecutive(text)));
        }
        return result;
    }

    private static bool Skipped(CalendarEvent e, HashSet<string> own)
    {
        if (string.Equals(e.Status, "CANCELLED", StringComparison.OrdinalIgnoreCase)) return true;
        if (e.Class is { } c && (c.Equals("PRIVATE", StringComparison.OrdinalIgnoreCase) || c.Equals("CONFIDENTIAL", StringComparison.OrdinalIgnoreCase))) return true;
        return e.Attendees.Any(a => Email(a.Value) is { } email && own.Contains(email)
                                    && string.Equals(a.ParticipationStatus, "DECLINED", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The person's own addresses: their email, and Google's feed names itself after its owner's address.</summary>
    private static HashSet<string> OwnEmails(Person person, Ical.Net.Calendar calendar)
    {
        var own = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (!string.IsNullOrWhiteSpace(person.Email)) own.Add(person.Email.Trim());
        var name = calendar.Properties.FirstOrDefault(p => p.Name == "X-WR-CALNAME")?.Value?.ToString();
        if (name is not null && AccountDomains.OfEmail(name) is not null && !name.Contains(' ')) own.Add(name.Trim());
        return own;
    }

    private static List<EventPerson> People(CalendarEvent e, HashSet<string> own)
    {
        var people = new List<EventPerson>();
        if (e.Organizer is { } organizer && Email(organizer.Value) is { } organizerEmail && !own.Contains(organizerEmail))
            people.Add(new EventPerson(Clean(organizer.CommonName), organizerEmail));
        foreach (var attendee in e.Attendees)
            if (Email(attendee.Value) is { } email && !own.Contains(email) && people.All(p => !p.Email.Equals(email, StringComparison.OrdinalIgnoreCase)))
                people.Add(new EventPerson(Clean(attendee.CommonName), email));
        return people;
    }

    private static string? Email(Uri? value)
    {
        if (value is null) return null;
        var s = value.OriginalString;
        if (s.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) s = s[7..];
        s = Uri.UnescapeDataString(s).Trim();
        return AccountDomains.OfEmail(s) is null ? null : s.ToLowerInvariant();
    }

    private static string? Clean(string? name) => string.IsNullOrWhiteSpace(name) ? null : name.Trim().Trim('"');

    private static DateTime Utc(CalDateTime time, TimeZoneInfo zone) =>
        time.IsFloating ? TimeZones.ToUtc(time.Value, zone) : time.AsUtc;

    /// <summary>UID, plus the original start for an occurrence of a series (a moved occurrence keeps it as its RECURRENCE-ID).</summary>
    private static string Key(CalendarEvent e, CalDateTime start, TimeZoneInfo zone)
    {
        var series = e.RecurrenceIdentifier is not null || e.RecurrenceRule is not null;
        var original = e.RecurrenceIdentifier?.StartTime ?? start;
        var raw = series ? $"{e.Uid}|{Utc(original, zone).Ticks}" : e.Uid ?? "";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(raw)));
    }
}
