using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Teams;
using AccountCoachBot.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.Digests;

/// <summary>
/// Queues each team's weekly digest once its time has come on the lead's clock: one outbox row per team and covered
/// week (the dedupe key, unique in the database), so restarts, retries and a second instance never double it. Runs
/// with the dispatcher every minute; a digest whose time passed more than <see cref="DigestSchedule.Lateness"/> ago
/// (the bot was down) is not queued at all.
/// </summary>
/// <remarks>
/// Every row is the lead's (<see cref="OutboxMessage.PersonId"/>), wherever it goes, so the dispatcher's checks for the
/// lead hold a channel digest as they hold the lead's own: while the lead is paused (or away) the week's digest is
/// skipped, not kept for after `resume` — the same as the lead's own chat, and as every nudge of a pause. A team
/// channel is the lead's voice to the team; it goes quiet with them rather than surprise them with last week's figures.
/// </remarks>
public sealed class DigestPlanner(IServiceScopeFactory scopes, TimeProvider time, ILogger<DigestPlanner> logger) : INudgePlanner
{
    public async Task PlanAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<(int TeamId, int LeadId)> teams;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
            teams = (await db.Set<Team>().Where(t => t.LeadId != null).Select(t => new { t.Id, t.LeadId }).ToListAsync(ct))
                .Select(t => (t.Id, t.LeadId!.Value)).ToList();
        }

        foreach (var (teamId, leadId) in teams)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
            try
            {
                await PlanTeamAsync(db, teamId, leadId, now, ct);
            }
            catch (DbUpdateException e)
            {
                // Another instance queued the same week at the same moment: its row stands.
                logger.LogInformation("Digest planning for team {TeamId} lost a race: {Reason}", teamId, e.InnerException?.Message ?? e.Message);
            }
        }
    }

    private static async Task PlanTeamAsync(CoachDbContext db, int teamId, int leadId, DateTime now, CancellationToken ct)
    {
        var delivery = await db.Set<DigestDelivery>().AsNoTracking().FirstOrDefaultAsync(d => d.TeamId == teamId, ct) ?? DigestDelivery.Default(teamId);
        if (delivery.Off) return;
        var lead = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == leadId, ct);
        if (lead is null) return;

        var (week, due) = DigestSchedule.Latest(now, delivery.Day, delivery.Time, lead.Zone);
        if (now - due >= DigestSchedule.Lateness) return;
        var key = DigestNudges.Key(teamId, week);
        // Any row for the week, whatever became of it (sent, empty, dropped), closes it.
        if (await db.Outbox.AnyAsync(o => o.DedupeKey == key, ct)) return;

        var address = await DestinationAsync(db, delivery, leadId, ct);
        if (address is null) return; // the lead has not written to the bot yet: looked at again next run
        await Outbox.EnqueueAsync(db, new NudgeRequest(DigestNudges.Kind, leadId, DigestNudges.Subject(teamId, week), due, address, key), now, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The chosen conversation while it works, else the lead's own chat (the one they used last).</summary>
    private static async Task<ConversationAddress?> DestinationAsync(CoachDbContext db, DigestDelivery delivery, int leadId, CancellationToken ct)
    {
        if (delivery.AddressId is { } id && await db.Addresses.FirstOrDefaultAsync(a => a.Id == id && !a.IsStale, ct) is { } chosen)
            return chosen;
        return await db.Addresses.Where(a => a.PersonId == leadId && !a.IsStale && !a.IsShared)
            .OrderByDescending(a => a.UpdatedUtc).FirstOrDefaultAsync(ct);
    }
}
