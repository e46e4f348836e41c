using AccountCoachBot.Conversation;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using AccountCoachBot.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.MeetingPrep;

/// <summary>Renders meeting nudges from the meeting as it is now; a cancelled or passed one says nothing.</summary>
public sealed class MeetingNudgeRenderer(CoachDbContext db, MeetingChecklists checklists) : INudgeRenderer
{
    public bool CanRender(string kind) => kind.StartsWith(MeetingPolicy.KindPrefix, StringComparison.Ordinal);

    public async Task<Reply?> RenderAsync(OutboxMessage message, Person person, DateTime nowUtc, CancellationToken ct)
    {
        if (MeetingPolicy.MeetingIdOf(message.SubjectId) is not { } id) return null;
        var meeting = await db.Set<Meeting>().Include(m => m.Account)
            .FirstOrDefaultAsync(m => m.Id == id && m.OwnerId == person.Id, ct);
        if (meeting is null || meeting.Status == MeetingStatus.Cancelled || meeting.StartUtc is null) return null;

        if (MeetingPolicy.IsPrep(message.Kind))
        {
            // Too late to prepare; and a checklist done early needs no afternoon-before nudge (the hour-before one offers the brief).
            if (nowUtc >= meeting.StartUtc) return null;
            if (message.Kind == MeetingPolicy.PrepDayBeforeKind && meeting.PreparedUtc is not null) return null;
            var facts = await AccountFacts.LoadAsync(db, person.Id, meeting.AccountId, nowUtc, meeting.Id, ct);
            return MeetingCards.PrepNudge(meeting, facts, person, nowUtc, checklists.PreMeeting);
        }

        if (message.Kind == MeetingPolicy.DebriefKind)
            return meeting.DebriefedUtc is null ? MeetingCards.DebriefNudge(meeting, person) : null;
        return null;
    }
}
