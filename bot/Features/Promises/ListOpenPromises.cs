using AccountCoachBot.Data;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.Promises;

/// <summary>The person's open promises, soonest due first (at most <paramref name="Limit"/>).</summary>
public sealed record ListOpenPromises(int Limit = 30);

public sealed class ListOpenPromisesHandler(CoachDbContext db)
{
    public Task<List<Promise>> HandleAsync(PromiseActor actor, ListOpenPromises query, CancellationToken ct) =>
        db.Promises.Include(p => p.Account)
            .Where(p => p.OwnerId == actor.Person.Id && p.Status == PromiseStatus.Open)
            .OrderBy(p => p.DueUtc).Take(query.Limit).ToListAsync(ct);
}
