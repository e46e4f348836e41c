using System.Data.Common;
using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Scheduling;

/// <summary>How a batch records each row's outcome: sent (at once, before the next send), put off, or finished.</summary>
internal sealed partial class DispatchBatch
{
    /// <summary>
    /// The platform has the message: a row left unrecorded would be sent again once its claim lapsed. A database away
    /// for a moment is waited for while the claim holds; past it another instance may send the row, and this one says so.
    /// </summary>
    private async Task RecordSentAsync(OutboxMessage row, ConversationAddress address, DateTime sentUtc, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                await MarkSentAsync(row, address, sentUtc, ct);
                return;
            }
            catch (Exception e) when (IsDatabaseFault(e) && time.GetUtcNow().UtcDateTime + RecordRetry < row.ClaimedUntilUtc)
            {
                logger.LogWarning("Nudge {Id} was sent but could not be recorded yet ({Error}); trying again in {Delay}", row.Id, e.Message, RecordRetry);
                await Task.Delay(RecordRetry, time, ct);
            }
            catch (Exception e) when (IsDatabaseFault(e))
            {
                logger.LogError(e, "Nudge {Id} was sent but could not be recorded before its claim ran out; it may be sent again", row.Id);
                throw;
            }
        }
    }

    /// <summary>The database failed (Npgsql's execution strategy wraps a transient fault in an InvalidOperationException).</summary>
    private static bool IsDatabaseFault(Exception e) => e is DbException || e.InnerException is DbException;

    private static readonly TimeSpan RecordRetry = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Only after the platform took the message: the row is sent, and the conversation's pace counts from now (a slow
    /// send must not shorten the gap; never shortening a hold). One round trip, no change tracking: the row is let go of.
    /// </summary>
    private async Task MarkSentAsync(OutboxMessage row, ConversationAddress address, DateTime sentUtc, CancellationToken ct)
    {
        const int sent = (int)OutboxStatus.Sent;
        var until = sentUtc + Interval;
        if (Interval > TimeSpan.Zero)
            await db.Database.ExecuteSqlAsync($"""
                UPDATE "Outbox" SET "Status" = {sent}, "SentUtc" = {sentUtc}, "ClaimedUntilUtc" = NULL, "LastError" = NULL WHERE "Id" = {row.Id};
                UPDATE "Addresses" SET "PacedUntilUtc" = {until} WHERE "Id" = {address.Id} AND ("PacedUntilUtc" IS NULL OR "PacedUntilUtc" < {until});
                """, ct);
        else
            await db.Database.ExecuteSqlAsync($"""
                UPDATE "Outbox" SET "Status" = {sent}, "SentUtc" = {sentUtc}, "ClaimedUntilUtc" = NULL, "LastError" = NULL WHERE "Id" = {row.Id}
                """, ct);
        db.Entry(row).State = EntityState.Detached;
        metrics?.NudgeSent(row.Transport);
    }

    /// <summary>Not now: the row waits until <paramref name="due"/> without spending an attempt (saved with the batch).</summary>
    private void Defer(OutboxMessage row, DateTime due, string reason)
    {
        row.Status = OutboxStatus.Pending;
        row.DueUtc = due;
        row.Attempts--;
        metrics?.NudgeDeferred(row.Transport, reason);
    }

    private void Finish(OutboxMessage row, OutboxStatus status, string? note)
    {
        row.Status = status;
        row.LastError = note;
        row.ClaimedUntilUtc = null;
        if (status == OutboxStatus.Failed) metrics?.NudgeFailed(row.Transport, note ?? "failed");
    }
}
