using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using AccountCoachBot.Scheduling;

namespace AccountCoachBot.Features.MeetingPrep;

/// <summary>Turns a meeting's time into outbox rows, and withdraws them when the meeting is cancelled.</summary>
public static class MeetingScheduler
{
    public static async Task<IReadOnlyList<PlannedMeetingNudge>> PlanAsync(CoachDbContext db, Meeting meeting, Person person, ConversationAddress address, DateTime nowUtc, CancellationToken ct)
    {
        if (meeting.StartUtc is not { } start || meeting.EndUtc is not { } end) return [];
        var leads = (await db.Set<MeetingPreferences>().FindAsync([person.Id], ct))?.Leads ?? MeetingLeads.Default;
        var plan = MeetingPolicy.Plan(start, end, nowUtc, person.Zone, person.Hours, leads);
        foreach (var nudge in plan)
        {
            await Outbox.EnqueueAsync(db, new NudgeRequest(nudge.Kind, person.Id, MeetingPolicy.SubjectId(meeting.Id), nudge.AtUtc, address,
                MeetingPolicy.DedupeKey(nudge.Kind, person.Id, meeting.Id, start)), nowUtc, ct);
        }
        return plan;
    }

    public static Task WithdrawAllAsync(CoachDbContext db, Meeting meeting, string reason, CancellationToken ct) =>
        Outbox.SkipPendingAsync(db, MeetingPolicy.SubjectId(meeting.Id), MeetingPolicy.AllKinds.ToList(), reason, ct);
}
