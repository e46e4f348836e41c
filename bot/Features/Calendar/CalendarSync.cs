using AccountCoachBot.Data;
using AccountCoachBot.Features.MeetingPrep;
using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.Calendar;

/// <summary>
/// Brings the person's meetings in line with what their calendar says: a new client meeting is scheduled like a
/// typed one (<see cref="ScheduleMeetingHandler"/>: the same nudges), a moved one moves its nudges, one gone from the
/// calendar is cancelled (its nudges withdrawn) and comes back if the event does. Typed meetings are never touched;
/// nor are meetings the person cancelled or said are not client meetings. The outbox's dedupe keys (meeting, lead
/// and start) make each nudge happen once however often this runs.
/// </summary>
public static class CalendarSync
{
    public sealed record Outcome(int Added, int Moved, int Removed);

    public static async Task<Outcome> ApplyAsync(CoachDbContext db, Person person, ConversationAddress address, IReadOnlyList<CalendarEventInfo> events,
        ClientMeetingRule rule, DateTime nowUtc, CancellationToken ct)
    {
        var links = await db.Set<CalendarMeeting>().Include(l => l.Meeting).ThenInclude(m => m!.Account)
            .Where(l => l.PersonId == person.Id).ToDictionaryAsync(l => l.EventKey, StringComparer.Ordinal, ct);
        var present = new HashSet<string>(StringComparer.Ordinal);
        int added = 0, moved = 0, removed = 0;

        foreach (var e in events)
        {
            if (e.StartUtc <= nowUtc || rule.Match(e) is not { } match) continue;
            present.Add(e.Key);
            var attendees = Attendees(match.ClientPeople);
            if (!links.TryGetValue(e.Key, out var link))
            {
                var minutes = (int)Math.Round((e.EndUtc - e.StartUtc).TotalMinutes);
                var scheduled = await ScheduleMeetingHandler.HandleAsync(db, person,
                    new ScheduleMeeting(match.Account.Name, e.StartUtc, minutes, match.Important, address.Id), nowUtc, ct);
                if (scheduled is null) continue;
                db.Set<CalendarMeeting>().Add(new CalendarMeeting { PersonId = person.Id, MeetingId = scheduled.Meeting.Id, EventKey = e.Key, Attendees = attendees });
                added++;
                continue;
            }

            var meeting = link.Meeting!;
            // Said not to be a client meeting, or cancelled by the person: the calendar doesn't bring it back.
            if (link.Dismissed || (meeting.Status == MeetingStatus.Cancelled && link.RemovedUtc is null)) continue;
            link.Attendees = attendees;
            meeting.Important = match.Important;
            var back = link.RemovedUtc is not null;
            if (!back && meeting.StartUtc == e.StartUtc && meeting.EndUtc == e.EndUtc) continue;

            await MeetingScheduler.WithdrawAllAsync(db, meeting, "moved in the calendar", ct);
            meeting.StartUtc = e.StartUtc;
            meeting.EndUtc = e.EndUtc;
            meeting.Status = MeetingStatus.Scheduled;
            meeting.CancelledUtc = null;
            link.RemovedUtc = null;
            await MeetingScheduler.PlanAsync(db, meeting, person, address, nowUtc, ct);
            moved++;
        }

        foreach (var link in links.Values)
        {
            var meeting = link.Meeting!;
            if (present.Contains(link.EventKey) || link.Dismissed || meeting.Status != MeetingStatus.Scheduled || meeting.StartUtc <= nowUtc) continue;
            await CancelMeetingHandler.HandleAsync(db, person.Id, new CancelMeeting(meeting.Id), nowUtc, ct);
            link.RemovedUtc = nowUtc;
            removed++;
        }
        await db.SaveChangesAsync(ct);
        return new Outcome(added, moved, removed);
    }

    private static string Attendees(IReadOnlyList<string> names)
    {
        var text = string.Join(", ", names);
        return text.Length <= 1000 ? text : text[..997] + "…";
    }
}
