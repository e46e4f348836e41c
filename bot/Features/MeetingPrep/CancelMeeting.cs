using AccountCoachBot.Data;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.MeetingPrep;

/// <summary>Calls a meeting off: its nudges are withdrawn.</summary>
public sealed record CancelMeeting(int MeetingId);

public static class CancelMeetingHandler
{
    /// <summary>The meeting, cancelled (or already cancelled before); null when it is not the person's own.</summary>
    public static async Task<Meeting?> HandleAsync(CoachDbContext db, int personId, CancelMeeting command, DateTime nowUtc, CancellationToken ct)
    {
        var meeting = await db.Set<Meeting>().Include(m => m.Account)
            .FirstOrDefaultAsync(m => m.Id == command.MeetingId && m.OwnerId == personId, ct);
        if (meeting is null || meeting.Status == MeetingStatus.Cancelled) return meeting;
        meeting.Status = MeetingStatus.Cancelled;
        meeting.CancelledUtc = nowUtc;
        await MeetingScheduler.WithdrawAllAsync(db, meeting, "meeting cancelled", ct);
        return meeting;
    }
}
