using AccountCoachBot.Conversation;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using AccountCoachBot.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.Promises;

/// <summary>Renders promise reminders from the promise as it is now; a closed promise says nothing.</summary>
public sealed class PromiseNudgeRenderer(CoachDbContext db) : INudgeRenderer
{
    public bool CanRender(string kind) => kind.StartsWith(ReminderPolicy.KindPrefix, StringComparison.Ordinal);

    public async Task<Reply?> RenderAsync(OutboxMessage message, Person person, DateTime nowUtc, CancellationToken ct)
    {
        if (message.Kind == ReminderPolicy.OverdueKind)
        {
            var overdue = await OverduePlanner.OverdueFor(db, person.Id, nowUtc).Include(p => p.Account).OrderBy(p => p.DueUtc).Take(20).ToListAsync(ct);
            return overdue.Count == 0 ? null : PromiseCards.Overdue(overdue, person, nowUtc);
        }

        if (!int.TryParse(message.SubjectId?.Split(':').LastOrDefault(), out var id)) return null;
        var promise = await db.Promises.Include(p => p.Account).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (promise is null || promise.Status != PromiseStatus.Open) return null;

        // A reminder before the due time that arrives after it (the server was down) would only confuse.
        if (message.Kind == ReminderPolicy.BeforeKind && (promise.OnTrack || nowUtc >= promise.DueUtc)) return null;

        // Overdue since before today: the day's overdue list carries it, one message instead of two.
        var todayStart = TimeZones.ToUtc(TimeZones.ToLocal(nowUtc, person.Zone).Date, person.Zone);
        if (promise.DueUtc < todayStart) return null;
        return PromiseCards.Reminder(promise, person, nowUtc);
    }
}
