using System.Text.Json;
using AccountCoachBot.Data;
using AccountCoachBot.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.Undo;

/// <summary>The nudges about some subjects that were waiting before a change, so the change's effect on them can be recorded.</summary>
public sealed record UndoCapture(IReadOnlyList<string> Subjects, IReadOnlySet<long> PendingBefore);

/// <summary>
/// How a feature makes a change undoable: <see cref="CaptureAsync"/> before it, <see cref="RecordAsync"/> after it.
/// The nudges are compared by row, so each feature records only its own state; withdrawing and restoring the
/// nudges is done here, the same for every kind of change.
/// </summary>
public static class UndoLog
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    public static async Task<UndoCapture> CaptureAsync(CoachDbContext db, IReadOnlyList<string> subjects, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        return new UndoCapture(subjects, (await PendingAsync(db, subjects, ct)).ToHashSet());
    }

    /// <summary>Saves the change, then writes its undo row (replacing the person's older ones: only the last change can be undone).</summary>
    public static async Task<UndoEntry> RecordAsync(CoachDbContext db, UndoCapture capture, int personId, string kind, string subjectId,
        Func<object> state, DateTime nowUtc, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        var after = await PendingAsync(db, capture.Subjects, ct);
        var before = capture.PendingBefore.ToList();
        var withdrawn = await db.Outbox.Where(o => before.Contains(o.Id) && o.Status == OutboxStatus.Skipped).Select(o => o.Id).ToListAsync(ct);
        await db.Set<UndoEntry>().Where(u => u.PersonId == personId).ExecuteDeleteAsync(ct);
        var entry = new UndoEntry
        {
            PersonId = personId,
            Kind = kind,
            SubjectId = subjectId,
            AtUtc = nowUtc,
            State = JsonSerializer.Serialize(state()), // after saving: new rows have their ids
            WithdrawnNudges = withdrawn,
            AddedNudges = after.Where(id => !capture.PendingBefore.Contains(id)).ToList(),
        };
        db.Set<UndoEntry>().Add(entry);
        await db.SaveChangesAsync(ct);
        return entry;
    }

    /// <summary>Brings back what the change withdrew and withdraws what it wrote (those not sent meanwhile).</summary>
    public static async Task RestoreNudgesAsync(CoachDbContext db, UndoEntry entry, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        var withdrawn = entry.WithdrawnNudges;
        var added = entry.AddedNudges;
        await db.Outbox.Where(o => withdrawn.Contains(o.Id) && o.Status == OutboxStatus.Skipped)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.Pending).SetProperty(o => o.LastError, (string?)null), ct);
        await db.Outbox.Where(o => added.Contains(o.Id) && o.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.Skipped).SetProperty(o => o.LastError, "undone"), ct);
    }

    private static Task<List<long>> PendingAsync(CoachDbContext db, IReadOnlyList<string> subjects, CancellationToken ct) =>
        db.Outbox.Where(o => o.SubjectId != null && subjects.Contains(o.SubjectId) && o.Status == OutboxStatus.Pending).Select(o => o.Id).ToListAsync(ct);
}
