using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AccountCoachBot.Features.People;
using Microsoft.Graph.Models;
using Person = AccountCoachBot.Features.People.Person;

namespace AccountCoachBot.Features.Calendar;

/// <summary>
/// Graph events as the ICS reader gives them (<see cref="IcsEvents"/>): times in UTC (asked for with
/// `Prefer: outlook.timezone="UTC"`), an all-day event over the person's working day, and cancelled, private or
/// confidential events and those the person declined left out. Rooms are not people.
/// </summary>
public static class GraphEvents
{
    public static IReadOnlyList<CalendarEventInfo> Map(IEnumerable<Event> events, Person person, DateTime nowUtc, int daysAhead)
    {
        var until = nowUtc.AddDays(daysAhead);
        var own = person.Email?.Trim();
        var result = new List<CalendarEventInfo>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (e.Id is null || e.IsCancelled == true || e.Sensitivity is Sensitivity.Private or Sensitivity.Confidential
                || e.ResponseStatus?.Response == ResponseType.Declined) continue;
            if (Utc(e.Start) is not { } start) continue;
            var end = Utc(e.End) ?? start.AddHours(1);
            var allDay = e.IsAllDay == true;
            if (allDay)
            {
                var day = start.Date;
                start = TimeZones.ToUtc(day + person.Hours.Start.ToTimeSpan(), person.Zone);
                end = TimeZones.ToUtc(day + person.Hours.End.ToTimeSpan(), person.Zone);
            }
            if (start < nowUtc || start >= until) continue;
            var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("graph|" + e.Id)));
            if (!keys.Add(key)) continue;

            var people = new List<EventPerson>();
            void Add(EmailAddress? address)
            {
                var email = address?.Address?.Trim().ToLowerInvariant();
                if (email is null || AccountDomains.OfEmail(email) is null || string.Equals(email, own, StringComparison.OrdinalIgnoreCase)
                    || people.Any(p => p.Email == email)) return;
                people.Add(new EventPerson(string.IsNullOrWhiteSpace(address!.Name) ? null : address.Name.Trim(), email));
            }
            Add(e.Organizer?.EmailAddress);
            foreach (var attendee in e.Attendees ?? [])
                if (attendee.Type != AttendeeType.Resource) Add(attendee.EmailAddress);

            var text = string.Join(' ', new[] { e.Subject, e.BodyPreview }.Concat(people.Select(p => p.Name)).Where(s => !string.IsNullOrWhiteSpace(s)));
            result.Add(new CalendarEventInfo(key, (e.Subject ?? "").Trim(), start, end <= start ? start.AddHours(1) : end, allDay, people,
                ClientMeetingRule.NamesExecutive(text)));
        }
        return result;
    }

    /// <summary>Graph gives `2026-03-10T14:00:00.0000000` and the zone apart; asked for UTC, that is what it gives.</summary>
    private static DateTime? Utc(DateTimeTimeZone? time)
    {
        if (time?.DateTime is not { } text || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
            return null;
        if (time.TimeZone is { } zone && !zone.Equals("UTC", StringComparison.OrdinalIgnoreCase) && TimeZones.TryFind(zone, out var tz))
            return TimeZones.ToUtc(DateTime.SpecifyKind(value, DateTimeKind.Unspecified), tz);
        return DateTime.SpecifyKind(value, DateTimeKind.Utc);
    }
}
