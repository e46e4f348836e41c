using AccountCoachBot.Data;
using AccountCoachBot.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>`vacation &lt;from&gt; &lt;to&gt;` pauses every nudge, not only calls; the return brings summaries, not a backlog.</summary>
public sealed class VacationAvailability : IAvailability
{
    public Task<bool> IsAwayAsync(CoachDbContext db, int personId, DateOnly localDay, CancellationToken ct) =>
        db.Set<Vacation>().AnyAsync(v => v.PersonId == personId && v.FirstDay <= localDay && v.LastDay >= localDay, ct);
}
