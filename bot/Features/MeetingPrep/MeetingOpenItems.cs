using AccountCoachBot.Conversation;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.ProactiveCalls;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.MeetingPrep;

/// <summary>An upcoming meeting with the client, for a call nudge ("meeting Tue 15:00").</summary>
public sealed class MeetingOpenItems : IAccountOpenItems
{
    private static readonly Text Upcoming = new("meeting {0}", "встреча {0}");

    public async Task<OpenItems?> DescribeAsync(CoachDbContext db, Account account, Person owner, DateTime nowUtc, CancellationToken ct)
    {
        var next = await db.Set<Meeting>()
            .Where(m => m.AccountId == account.Id && m.OwnerId == owner.Id && m.Status == MeetingStatus.Scheduled && m.StartUtc > nowUtc)
            .OrderBy(m => m.StartUtc).FirstOrDefaultAsync(ct);
        if (next?.StartUtc is not { } start) return null;
        var line = Upcoming.Format(owner.Language, Formats.When(start, owner.Zone, owner.Language));
        return new OpenItems(line, [$"• {line}"]);
    }
}
