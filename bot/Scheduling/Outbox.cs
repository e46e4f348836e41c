using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Scheduling;

/// <summary>
/// One nudge to write: its kind (a <see cref="NudgeKinds"/> name, never a button id), whom it is for and about,
/// when and where it goes, and the key that makes it happen once.
/// </summary>
public sealed record NudgeRequest(string Kind, int PersonId, string? SubjectId, DateTime DueUtc, ConversationAddress Address, string DedupeKey);

/// <summary>How features write nudges: one row per (kind, subject, occurrence), never twice.</summary>
public static class Outbox
{
    public static async Task<bool> EnqueueAsync(CoachDbContext db, NudgeRequest request, DateTime nowUtc, CancellationToken ct)
    {
        if (db.Outbox.Local.Any(o => o.DedupeKey == request.DedupeKey)) return false;
        return await EnqueueManyAsync(db, [request], nowUtc, ct) > 0;
    }

    /// <summary>
    /// <see cref="EnqueueAsync"/> for many requests with one look-up of their keys (a planner's whole pass). Returns how
    /// many rows were written or revived.
    /// </summary>
    public static async Task<int> EnqueueManyAsync(CoachDbContext db, IReadOnlyList<NudgeRequest> requests, DateTime nowUtc, CancellationToken ct)
    {
        var (fresh, revived) = await SortAsync(db, requests, nowUtc, ct);
        db.Outbox.AddRange(fresh);
        return fresh.Count + revived;
    }

    /// <summary>
    /// <see cref="EnqueueManyAsync"/> without adding the new rows to the context: they are returned, for the caller to
    /// write in its transaction without EF Core's per-row work (<see cref="OutboxInserts"/>). Rows withdrawn earlier
    /// come back to life in the context, as there.
    /// </summary>
    public static async Task<(List<OutboxMessage> Fresh, int Revived)> SortAsync(CoachDbContext db, IReadOnlyList<NudgeRequest> requests, DateTime nowUtc, CancellationToken ct)
    {
        var existing = new Dictionary<string, OutboxMessage>();
        foreach (var chunk in requests.Select(r => r.DedupeKey).Distinct().Chunk(500))
            foreach (var row in await db.Outbox.Where(o => chunk.Contains(o.DedupeKey)).ToListAsync(ct))
                existing[row.DedupeKey] = row;
        var fresh = new List<OutboxMessage>();
        var revived = 0;
        foreach (var request in requests)
        {
            if (existing.TryGetValue(request.DedupeKey, out var row))
            {
                // The same occurrence withdrawn earlier (e.g. a date moved away and back) comes back to life.
                if (row.Status != OutboxStatus.Skipped) continue;
                (row.Status, row.DueUtc, row.AddressId, row.Transport) = (OutboxStatus.Pending, request.DueUtc, request.Address.Id, request.Address.Transport);
                revived++;
                continue;
            }
            row = new OutboxMessage
            {
                Kind = request.Kind, PersonId = request.PersonId, SubjectId = request.SubjectId, DueUtc = request.DueUtc,
                AddressId = request.Address.Id, Transport = request.Address.Transport, DedupeKey = request.DedupeKey,
                Status = OutboxStatus.Pending, CreatedUtc = nowUtc,
            };
            fresh.Add(row);
            existing[request.DedupeKey] = row;
        }
        return (fresh, revived);
    }

    /// <summary>Withdraws the pending nudges about a subject (a promise done, moved or cancelled).</summary>
    public static Task<int> SkipPendingAsync(CoachDbContext db, string subjectId, IReadOnlyCollection<string> kinds, string reason, CancellationToken ct) =>
        db.Outbox
            .Where(o => o.SubjectId == subjectId && kinds.Contains(o.Kind) && o.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.Skipped).SetProperty(o => o.LastError, reason), ct);
}
