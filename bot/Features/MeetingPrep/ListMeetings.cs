using AccountCoachBot.Data;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.MeetingPrep;

/// <summary>The person's meetings not over yet, soonest first (at most 20).</summary>
public sealed record ListMeetings;

public static class ListMeetingsHandler
{
    public static Task<List<Meeting>> HandleAsync(CoachDbContext db, int personId, DateTime nowUtc, CancellationToken ct) =>
        db.Set<Meeting>().Include(m => m.Account)
            .Where(m => m.OwnerId == personId && m.Status == MeetingStatus.Scheduled && m.EndUtc != null && m.EndUtc > nowUtc)
            .OrderBy(m => m.StartUtc).Take(20).ToListAsync(ct);
}
