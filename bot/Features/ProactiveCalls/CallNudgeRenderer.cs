using AccountCoachBot.Conversation;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using AccountCoachBot.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>
/// Renders call nudges from the account as it is now: a nudge whose cycle was closed (called, snoozed,
/// skipped) or that another row now carries says nothing. In a shared channel the owner is mentioned and
/// only counts are shown.
/// </summary>
public sealed class CallNudgeRenderer(CoachDbContext db, IEnumerable<IAccountOpenItems> openItems, Destinations destinations) : INudgeRenderer
{
    public bool CanRender(string kind) => kind.StartsWith(CallNudgeKinds.Prefix, StringComparison.Ordinal);

    public async Task<Reply?> RenderAsync(OutboxMessage message, Person person, DateTime nowUtc, CancellationToken ct)
    {
        if (message.Kind is CallNudgeKinds.Bundle or CallNudgeKinds.CatchUp)
            return await SummaryAsync(message, person, nowUtc, ct);

        if (!int.TryParse(message.SubjectId?.Split(':').LastOrDefault(), out var accountId)) return null;
        var cadence = await db.Cadences().Include(c => c.Account).FirstOrDefaultAsync(c => c.AccountId == accountId, ct);
        if (cadence?.Account is null || cadence.AnnouncedByKey != message.DedupeKey) return null;
        var status = CallCadence.Evaluate(cadence, person, nowUtc);
        if (status.CycleKey != cadence.AnnouncedCycleKey) return null;

        var address = await db.Addresses.FirstOrDefaultAsync(a => a.Id == message.AddressId, ct);
        var shared = address?.IsShared == true;
        var mention = shared ? await destinations.MentionAsync(db, person.Id, address!, ct) : null;

        SharedPlace? unreachable = null;
        if (message.Kind == CallNudgeKinds.Fallback && cadence.ChannelAddressId is { } channelAddressId)
            unreachable = destinations.PlaceOf(await db.Addresses.FirstOrDefaultAsync(a => a.Id == channelAddressId, ct));

        var open = await OpenAsync(cadence.Account, person, nowUtc, ct);
        return CallCards.Nudge(new DueAccount(cadence.Account, cadence, status), person, open, shared, mention, unreachable);
    }

    private async Task<Reply?> SummaryAsync(OutboxMessage message, Person person, DateTime nowUtc, CancellationToken ct)
    {
        var carried = await db.Cadences().Include(c => c.Account)
            .Where(c => c.AnnouncedByKey == message.DedupeKey).ToListAsync(ct);
        var due = carried
            .Select(c => new DueAccount(c.Account!, c, CallCadence.Evaluate(c, person, nowUtc)))
            .Where(d => d.Status.CycleKey == d.Cadence.AnnouncedCycleKey) // not called, snoozed or skipped since
            .OrderByDescending(d => d.Cadence.Tier).ThenByDescending(d => d.Status.DaysSince - d.Status.CadenceDays)
            .ThenBy(d => d.Account.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (due.Count == 0) return null;

        var open = new Dictionary<int, OpenItems?>();
        foreach (var d in due)
        {
            var items = await OpenAsync(d.Account, person, nowUtc, ct);
            open[d.Account.Id] = items.Count == 0 ? null : new OpenItems(string.Join("; ", items.Select(i => i.Summary)), []);
        }
        var title = message.Kind == CallNudgeKinds.CatchUp ? CallTexts.CatchUpTitle : CallTexts.BundleTitle;
        return CallCards.Summary(title, due, person, open);
    }

    private async Task<IReadOnlyList<OpenItems>> OpenAsync(Account account, Person owner, DateTime nowUtc, CancellationToken ct)
    {
        var result = new List<OpenItems>();
        foreach (var source in openItems)
            if (await source.DescribeAsync(db, account, owner, nowUtc, ct) is { } items)
                result.Add(items);
        return result;
    }
}
