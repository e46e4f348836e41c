using AccountCoachBot.Conversation;
using AccountCoachBot.Features.Coaching;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using AccountCoachBot.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.Teams;

/// <summary>
/// What teams say unasked, through the outbox to the person's own chat: the once-only notice to a new member (who
/// leads them, what the lead sees) and kudos. Someone the bot can't reach yet (a placeholder) is told by the
/// planner once they have written; the dedupe key keeps each message to one.
/// </summary>
public static class TeamNotices
{
    public const string NoticeKind = NudgeKinds.Prefix + "team.notice";
    public const string KudosKind = NudgeKinds.Prefix + "team.kudos";

    public static async Task<bool> QueueNoticeAsync(CoachDbContext db, TeamMember member, DateTime nowUtc, CancellationToken ct)
    {
        if (await PrivateAddressAsync(db, member.PersonId, ct) is not { } address) return false;
        await Outbox.EnqueueAsync(db, new NudgeRequest(NoticeKind, member.PersonId, $"team:{member.TeamId}", nowUtc, address,
            $"{NoticeKind}|{member.TeamId}|{member.PersonId}"), nowUtc, ct);
        member.ToldUtc = nowUtc;
        return true;
    }

    /// <summary>Needs the kudos saved (its id is the subject).</summary>
    public static async Task<bool> QueueKudosAsync(CoachDbContext db, Kudos kudos, DateTime nowUtc, CancellationToken ct)
    {
        if (await PrivateAddressAsync(db, kudos.ToId, ct) is not { } address) return false;
        await Outbox.EnqueueAsync(db, new NudgeRequest(KudosKind, kudos.ToId, $"kudos:{kudos.Id}", nowUtc, address,
            $"{KudosKind}|{kudos.Id}"), nowUtc, ct);
        kudos.ToldUtc = nowUtc;
        return true;
    }

    /// <summary>The person's own chat, the one they used last; never a shared channel.</summary>
    private static Task<ConversationAddress?> PrivateAddressAsync(CoachDbContext db, int personId, CancellationToken ct) =>
        db.Addresses.Where(a => a.PersonId == personId && !a.IsStale && !a.IsShared).OrderByDescending(a => a.UpdatedUtc).FirstOrDefaultAsync(ct);
}

/// <summary>Queues what placeholders could not be told yet, once they have a chat of their own.</summary>
public sealed class TeamNoticePlanner(IServiceScopeFactory scopes, TimeProvider time) : INudgePlanner
{
    public async Task PlanAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var reachable = db.Addresses.Where(a => !a.IsStale && !a.IsShared);
        foreach (var member in await db.Set<TeamMember>().Where(m => m.ToldUtc == null && reachable.Any(a => a.PersonId == m.PersonId)).ToListAsync(ct))
            await TeamNotices.QueueNoticeAsync(db, member, now, ct);
        foreach (var kudos in await db.Set<Kudos>().Where(k => k.ToldUtc == null && reachable.Any(a => a.PersonId == k.ToId)).ToListAsync(ct))
            await TeamNotices.QueueKudosAsync(db, kudos, now, ct);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Renders the notices at send time, in the person's language; nothing when the membership or kudos is gone.</summary>
public sealed class TeamNoticeRenderer(CoachDbContext db) : INudgeRenderer
{
    public bool CanRender(string kind) => kind is TeamNotices.NoticeKind or TeamNotices.KudosKind;

    public async Task<Reply?> RenderAsync(OutboxMessage message, Person person, DateTime nowUtc, CancellationToken ct)
    {
        var language = person.Language;
        if (message.Kind == TeamNotices.KudosKind)
        {
            var id = SubjectId(message.SubjectId, "kudos:");
            var kudos = await db.Set<Kudos>().FirstOrDefaultAsync(k => k.Id == id, ct);
            if (kudos is null) return null;
            var from = await db.People.FirstOrDefaultAsync(p => p.Id == kudos.FromId, ct);
            return WithPrinciple(KudosTexts.Told.Format(language, from is null ? "?" : TeamPeople.Who(from), kudos.Text),
                KudosTexts.ToldPrinciple, PrincipleIds.RecognizeSuccessRightAway, language);
        }
        var teamId = SubjectId(message.SubjectId, "team:");
        var team = await db.Set<Team>().FirstOrDefaultAsync(t => t.Id == teamId, ct);
        if (team?.LeadId is not { } leadId || !await db.Set<TeamMember>().AnyAsync(m => m.TeamId == teamId && m.PersonId == person.Id, ct))
            return null;
        var lead = await db.People.SingleAsync(p => p.Id == leadId, ct);
        return WithPrinciple(TeamTexts.Notice.Format(language, team.Name, TeamPeople.Who(lead)),
            TeamTexts.NoticePrinciple, PrincipleIds.KpiInYourControl, language);
    }

    /// <summary>Every nudge names the principle behind it, as the others do: a line and its id.</summary>
    private static Reply WithPrinciple(string text, Text why, string principleId, Language language) =>
        $"{text}\n{why.Format(language)} `{principleId}`";

    private static int SubjectId(string? subject, string prefix) =>
        subject is not null && subject.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(subject[prefix.Length..], out var id) ? id : 0;
}
