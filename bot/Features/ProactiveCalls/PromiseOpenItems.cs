using AccountCoachBot.Conversation;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Promises;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>The owner's open promises to the client: "1 promise due Fri" for anyone, the promises themselves for the owner.</summary>
public sealed class PromiseOpenItems : IAccountOpenItems
{
    public async Task<OpenItems?> DescribeAsync(CoachDbContext db, Account account, Person owner, DateTime nowUtc, CancellationToken ct)
    {
        var open = await db.Promises
            .Where(p => p.AccountId == account.Id && p.OwnerId == owner.Id && p.Status == PromiseStatus.Open)
            .OrderBy(p => p.DueUtc).Take(20).ToListAsync(ct);
        if (open.Count == 0) return null;

        var l = owner.Language;
        var count = CallTexts.Promises(open.Count, l);
        var first = open[0];
        var day = CallCards.ShortDay(first.DueUtc, owner, nowUtc);
        var summary = first.DueUtc < nowUtc ? CallTexts.PromisesOverdue.Format(l, count, day)
            : open.Count == 1 ? CallTexts.PromisesDue.Format(l, count, day)
            : CallTexts.PromisesNextDue.Format(l, count, day);
        var details = open.Take(3).Select(p => $"• {p.What} · {Formats.When(p.DueUtc, owner.Zone, l)}").ToList();
        return new OpenItems(summary, details);
    }
}
