using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using AccountCoachBot.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.Promises;

/// <summary>
/// Once per working day, a person with promises overdue since before that day gets one list of them,
/// shrinking as each is done, moved or cancelled.
/// </summary>
public sealed class OverduePlanner(IServiceScopeFactory scopes, TimeProvider time) : INudgePlanner
{
    public static IQueryable<Promise> OverdueFor(CoachDbContext db, int personId, DateTime nowUtc) =>
        db.Promises.Where(p => p.OwnerId == personId && p.Status == PromiseStatus.Open && p.DueUtc < nowUtc);

    public async Task PlanAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
        var now = time.GetUtcNow().UtcDateTime;

        // Overdue by at least an hour, so the at-due reminder is not followed straight away by a list.
        var threshold = now.AddHours(-1);
        var ownerIds = await db.Promises
            .Where(p => p.Status == PromiseStatus.Open && p.DueUtc < threshold)
            .Select(p => p.OwnerId).Distinct().ToListAsync(ct);

        foreach (var ownerId in ownerIds)
        {
            var person = await db.People.SingleAsync(p => p.Id == ownerId, ct);
            if (person.Paused || !WorkingTime.IsWorkingTime(now, person.Zone, person.Hours)) continue;

            var localDay = TimeZones.ToLocal(now, person.Zone).Date;
            var dayStart = TimeZones.ToUtc(localDay, person.Zone);
            // Only promises that were already overdue when this working day began; today's are covered by their due reminder.
            var hasOld = await db.Promises.AnyAsync(p => p.OwnerId == ownerId && p.Status == PromiseStatus.Open && p.DueUtc < dayStart, ct);
            if (!hasOld) continue;

            var address = await db.Addresses
                .Where(a => a.PersonId == ownerId && !a.IsStale && !a.IsShared)
                .OrderByDescending(a => a.UpdatedUtc).FirstOrDefaultAsync(ct);
            if (address is null) continue;

            var key = $"{ReminderPolicy.OverdueKind}:{ownerId}:{localDay:yyyy-MM-dd}";
            await Outbox.EnqueueAsync(db, new NudgeRequest(ReminderPolicy.OverdueKind, ownerId, $"person:{ownerId}", now, address, key), now, ct);
        }
        await db.SaveChangesAsync(ct);
    }
}
