using AccountCoachBot.Data;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.Teams;

/// <summary>One kudos as the digest shows it: who praised whom, for what, when.</summary>
public sealed record KudosEntry(int FromId, string From, int ToId, string To, string Text, DateTime AtUtc);

/// <summary>Kudos for the digest: those received by any of the people in [from, to).</summary>
public sealed class KudosLog(CoachDbContext db)
{
    public async Task<List<KudosEntry>> KudosInAsync(IReadOnlyCollection<int> personIds, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var rows = await db.Set<Kudos>().Where(k => personIds.Contains(k.ToId) && k.AtUtc >= fromUtc && k.AtUtc < toUtc)
            .OrderBy(k => k.AtUtc).ToListAsync(ct);
        var ids = rows.SelectMany(k => new[] { k.FromId, k.ToId }).Distinct().ToList();
        var names = await db.People.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, TeamPeople.Who, ct);
        return rows.Select(k => new KudosEntry(k.FromId, names.GetValueOrDefault(k.FromId, "?"), k.ToId, names.GetValueOrDefault(k.ToId, "?"), k.Text, k.AtUtc)).ToList();
    }
}
