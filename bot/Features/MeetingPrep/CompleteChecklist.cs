using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Promises;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.MeetingPrep;

/// <summary>
/// The checklist done: a prep marks the meeting prepared; a debrief marks it debriefed and, for a meeting that
/// was held, counts as a contact with the account (its call cadence starts again from the meeting's end).
/// </summary>
public sealed record CompleteChecklist(Meeting Meeting, MeetingPhase Phase);

/// <summary>The promises tracked from this meeting (a debrief's), soonest due first.</summary>
public sealed record ChecklistCompleted(IReadOnlyList<Promise> Tracked);

public sealed class CompleteChecklistHandler(IEnumerable<ProactiveCalls.IAccountTouchRecorder> touches)
{
    public async Task<ChecklistCompleted> HandleAsync(CoachDbContext db, Person person, CompleteChecklist command, DateTime nowUtc, CancellationToken ct)
    {
        var meeting = command.Meeting;
        if (command.Phase == MeetingPhase.Prep)
        {
            meeting.PreparedUtc = nowUtc;
            await db.SaveChangesAsync(ct);
            return new ChecklistCompleted([]);
        }

        meeting.DebriefedUtc = nowUtc;
        if (!meeting.IsAdHoc)
            foreach (var touch in touches)
                await touch.RecordAsync(db, meeting.AccountId, ProactiveCalls.TouchKind.Meeting, meeting.EndUtc ?? nowUtc,
                    person.Id, null, $"meeting:{meeting.Id}", ct);
        await db.SaveChangesAsync(ct);
        var promiseIds = db.Set<MeetingPromise>().Where(l => l.MeetingId == meeting.Id).Select(l => l.PromiseId);
        return new ChecklistCompleted(await db.Promises.Where(p => promiseIds.Contains(p.Id)).OrderBy(p => p.DueUtc).ToListAsync(ct));
    }
}
