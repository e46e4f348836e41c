using AccountCoachBot.Data;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Scheduling;

/// <summary>How features write nudges: one row per (kind, subject, occurrence), never twice.</summary>
public static class Outbox
{
    public static async Task<bool> EnqueueAsync(
        CoachDbContext db, string kind, int personId, string? subjectId, DateTime dueUtc,
        int addressId, string transport, string dedupeKey, DateTime nowUtc, CancellationToken ct)
    {
        if (db.Outbox.Local.Any(o => o.DedupeKey == dedupeKey)) return false;
        var existing = await db.Outbox.FirstOrDefaultAsync(o => o.DedupeKey == dedupeKey, ct);
        if (existing is not null)
        {
            // The same occurrence withdrawn earlier (e.g. a date moved away and back) comes back to life.
            if (existing.Status != OutboxStatus.Skipped) return false;
            existing.Status = OutboxStatus.Pending;
            existing.DueUtc = dueUtc;
            existing.AddressId = addressId;
            existing.Transport = transport;
            return true;
        }
        db.Outbox.Add(new OutboxMessage
        {
            Kind = kind,
            PersonId = personId,
            SubjectId = subjectId,
            DueUtc = dueUtc,
            AddressId = addressId,
            Transport = transport,
            DedupeKey = dedupeKey,
            Status = OutboxStatus.Pending,
            CreatedUtc = nowUtc,
        });
        return true;
    }

    /// <summary>Withdraws the pending nudges about a subject (a promise done, moved or cancelled).</summary>
    public static Task<int> SkipPendingAsync(CoachDbContext db, string subjectId, IReadOnlyCollection<string> kinds, string reason, CancellationToken ct) =>
        db.Outbox
            .Where(o => o.SubjectId == subjectId && kinds.Contains(o.Kind) && o.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.Skipped).SetProperty(o => o.LastError, reason), ct);
}
