using AccountCoachBot.Data;
using AccountCoachBot.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>`vacation &lt;from&gt; &lt;to&gt;` pauses every nudge, not only calls; the return brings summaries, not a backlog.</summary>
public sealed class VacationAvailability : IAvailability
{
    public Task<bool> IsAwayAsync(CoachDbContext db, int personId, DateOnly localDay, CancellationToken ct) =>
        db.Set<Vacation>().AnyAsync(v => v.PersonId == personId && v.FirstDay <= localDay && v.LastDay >= localDay, ct);

    /// <summary>One query for a whole batch: the vacations that touch any of the days asked, matched per person here.</summary>
    public async Task<HashSet<int>> AwayAsync(CoachDbContext db, IReadOnlyDictionary<int, DateOnly> localDays, CancellationToken ct)
    {
        if (localDays.Count == 0) return [];
        var ids = localDays.Keys.ToList();
        var (first, last) = (localDays.Values.Min(), localDays.Values.Max());
        var vacations = await db.Set<Vacation>().AsNoTracking()
            .Where(v => ids.Contains(v.PersonId) && v.FirstDay <= last && v.LastDay >= first)
            .Select(v => new { v.PersonId, v.FirstDay, v.LastDay })
            .ToListAsync(ct);
        return vacations.Where(v => v.FirstDay <= localDays[v.PersonId] && v.LastDay >= localDays[v.PersonId]).Select(v => v.PersonId).ToHashSet();
    }
}
