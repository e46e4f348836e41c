using AccountCoachBot.Data;

namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>
/// The seam other features use to say "we were in touch with this client": a promise kept (Promises), a
/// meeting held (MeetingPrep). A contact moves the account's last-contact date and closes its pending call nudge.
/// Runs inside the caller's unit of work; the caller saves.
/// </summary>
public interface IAccountTouchRecorder
{
    /// <returns>The touch written (its id once saved), or null when the account is gone.</returns>
    Task<Touch?> RecordAsync(CoachDbContext db, int accountId, TouchKind kind, DateTime atUtc, int? byPersonId, string? note, string? source, CancellationToken ct);
}
