using AccountCoachBot.Conversation;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Teams;
using AccountCoachBot.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.Digests;

/// <summary>
/// Builds the weekly digest when it goes out, from the records as they are then: the week the row covers, on the
/// lead's calendar. Says nothing for an empty week, a digest turned off or a team that changed lead meanwhile, and
/// for a row more than <see cref="DigestSchedule.Lateness"/> past its time (held back by working hours or retries).
/// </summary>
public sealed class DigestNudgeRenderer(CoachDbContext db, TeamDigests digests) : INudgeRenderer
{
    public bool CanRender(string kind) => kind == DigestNudges.Kind;

    public async Task<Reply?> RenderAsync(OutboxMessage message, Person person, DateTime nowUtc, CancellationToken ct)
    {
        if (!DigestNudges.TryParse(message.SubjectId, out var teamId, out var week)) return null;
        var team = await db.Set<Team>().FirstOrDefaultAsync(t => t.Id == teamId, ct);
        if (team is null || team.LeadId != person.Id) return null;
        var delivery = await db.Set<DigestDelivery>().FirstOrDefaultAsync(d => d.TeamId == teamId, ct) ?? DigestDelivery.Default(teamId);
        if (delivery.Off) return null;

        var zone = person.Zone;
        if (nowUtc - DigestSchedule.DueUtc(week, delivery.Day, delivery.Time, zone) > DigestSchedule.Lateness) return null;
        var period = DigestPeriod.Of(PeriodKind.Week, week, week.AddDays(6), zone);
        var digest = await digests.BuildAsync(db, team, period, zone, ct);
        return digest.IsEmpty ? null : digests.Render(digest, person.Language);
    }
}
