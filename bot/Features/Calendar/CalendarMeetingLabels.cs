using AccountCoachBot.Data;
using AccountCoachBot.Features.MeetingPrep;
using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.Calendar;

/// <summary>In `meetings`, the ones the calendar brought are marked so, with who attends from the client.</summary>
public sealed class CalendarMeetingLabels : IMeetingLabels
{
    public async Task<IReadOnlyDictionary<int, string>> LabelsAsync(CoachDbContext db, IReadOnlyCollection<int> meetingIds, Language language, CancellationToken ct)
    {
        var links = await db.Set<CalendarMeeting>().AsNoTracking().Where(l => meetingIds.Contains(l.MeetingId))
            .Select(l => new { l.MeetingId, l.Attendees }).ToListAsync(ct);
        return links.ToDictionary(l => l.MeetingId, l => l.Attendees.Length == 0
            ? CalendarTexts.FromCalendarMark[language]
            : $"{CalendarTexts.FromCalendarMark[language]} · {CalendarTexts.WithAttendees.Format(language, l.Attendees)}");
    }
}
