using AccountCoachBot.Conversation;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using AccountCoachBot.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.Promises;

/// <summary>Renders promise reminders from the promise as it is now; a closed promise says nothing.</summary>
public sealed class PromiseNudgeRenderer(CoachDbContext db) : INudgeRenderer
{
    private Dictionary<int, Promise?>? _batch;

    public bool CanRender(string kind) => kind.StartsWith(ReminderPolicy.KindPrefix, StringComparison.Ordinal);

    /// <summary>The dispatcher's batch: its promises (with their accounts) in one query instead of one each.</summary>
    public async Task PrepareAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        var ids = messages.Where(m => CanRender(m.Kind) && m.Kind != ReminderPolicy.OverdueKind).Select(PromiseId).OfType<int>().Distinct().ToList();
        if (ids.Count == 0) return;
        var found = await db.Promises.AsNoTracking().Include(p => p.Account).Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct); // read only
        _batch = ids.ToDictionary(id => id, id => found.GetValueOrDefault(id)); // a promise gone is asked about no more
    }

    private static int? PromiseId(OutboxMessage message) =>
        int.TryParse(message.SubjectId?.Split(':').LastOrDefault(), out var id) ? id : null;

    public async Task<Reply?> RenderAsync(OutboxMessage message, Person person, DateTime nowUtc, CancellationToken ct)
    {
        if (message.Kind == ReminderPolicy.OverdueKind)
        {
            var overdue = await OverduePlanner.OverdueFor(db, person.Id, nowUtc).Include(p => p.Account).OrderBy(p => p.DueUtc).Take(20).ToListAsync(ct);
            return overdue.Count == 0 ? null : PromiseCards.Overdue(overdue, person, nowUtc);
        }

        if (PromiseId(message) is not { } id) return null;
        var promise = _batch is not null && _batch.TryGetValue(id, out var prepared)
            ? prepared
            : await db.Promises.Include(p => p.Account).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (promise is null || promise.Status != PromiseStatus.Open) return null;

        // A reminder before the due time that arrives after it (the server was down) would only confuse.
        if (message.Kind == ReminderPolicy.BeforeKind && (promise.OnTrack || nowUtc >= promise.DueUtc)) return null;

        // Overdue since before today: the day's overdue list carries it, one message instead of two.
        var todayStart = TimeZones.ToUtc(TimeZones.ToLocal(nowUtc, person.Zone).Date, person.Zone);
        if (promise.DueUtc < todayStart) return null;
        return PromiseCards.Reminder(promise, person, nowUtc);
    }
}
