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

        // A handful of set queries for the whole pass, not a few per person: with thousands of people this runs every
        // minute. Overdue by at least an hour, so the at-due reminder is not followed straight away by a list.
        var threshold = now.AddHours(-1);
        // Each person's oldest open promise is the first entry of theirs in the (owner, status, due) index: a seek a person,
        // where grouping the open promises read all of them (a million promises: 80 ms against 16).
        var oldest = await db.People
            .Select(p => new { p.Id, Oldest = db.Promises.Where(q => q.OwnerId == p.Id && q.Status == PromiseStatus.Open).Min(q => (DateTime?)q.DueUtc) })
            .Where(o => o.Oldest < threshold)
            .ToDictionaryAsync(o => o.Id, o => o.Oldest!.Value, ct);
        if (oldest.Count == 0) return;

        var requests = new List<NudgeRequest>();
        foreach (var chunk in oldest.Keys.Chunk(500))
        {
            var people = await db.People.AsNoTracking().Where(p => chunk.Contains(p.Id)).ToListAsync(ct);
            var addresses = (await db.Addresses.AsNoTracking().Where(a => chunk.Contains(a.PersonId) && !a.IsStale && !a.IsShared).ToListAsync(ct))
                .GroupBy(a => a.PersonId).ToDictionary(g => g.Key, g => g.MaxBy(a => a.UpdatedUtc)!);
            foreach (var person in people)
            {
                if (person.Paused || !WorkingTime.IsWorkingTime(now, person.Zone, person.Hours)) continue;
                var localDay = TimeZones.ToLocal(now, person.Zone).Date;
                var dayStart = TimeZones.ToUtc(localDay, person.Zone);
                // Only promises that were already overdue when this working day began; today's are covered by their due reminder.
                if (oldest[person.Id] >= dayStart || !addresses.TryGetValue(person.Id, out var address)) continue;
                var key = $"{ReminderPolicy.OverdueKind}:{person.Id}:{localDay:yyyy-MM-dd}";
                requests.Add(new NudgeRequest(ReminderPolicy.OverdueKind, person.Id, $"person:{person.Id}", now, address, key));
            }
        }
        // The morning's lists (one a person at work) in a statement or two rather than one INSERT each.
        var (fresh, revived) = await Outbox.SortAsync(db, requests, now, ct);
        if (fresh.Count + revived == 0) return;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct); // lists withdrawn earlier today, back
        await OutboxInserts.InsertAsync(db, fresh, ct);
        await transaction.CommitAsync(ct);
    }
}
