using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>The accounts that have gone cold: due today (key accounts and the longest overdue first), and due later this week.</summary>
public sealed record DueCalls;

public sealed record DueCallsResult(IReadOnlyList<DueAccount> Today, IReadOnlyList<DueAccount> ThisWeek);

public static class DueCallsHandler
{
    public static async Task<DueCallsResult> HandleAsync(CoachDbContext db, Person person, DateTime nowUtc, CancellationToken ct)
    {
        var zone = person.Zone;
        var localToday = TimeZones.ToLocal(nowUtc, zone).Date;
        var todayEnd = TimeZones.ToUtc(localToday.AddDays(1), zone);
        var daysToMonday = ((int)DayOfWeek.Monday - (int)localToday.DayOfWeek + 7) % 7;
        var weekEnd = TimeZones.ToUtc(localToday.AddDays(daysToMonday == 0 ? 7 : daysToMonday), zone);

        var today = new List<DueAccount>();
        var week = new List<DueAccount>();
        foreach (var account in await db.Accounts.Where(a => a.OwnerId == person.Id).ToListAsync(ct))
        {
            var cadence = await CallStore.EnsureCadenceAsync(db, account, ct);
            var status = CallCadence.Evaluate(cadence, person, nowUtc);
            if (status.DueUtc < todayEnd) today.Add(new DueAccount(account, cadence, status));
            else if (status.DueUtc < weekEnd) week.Add(new DueAccount(account, cadence, status));
        }
        return new DueCallsResult(
            today.OrderByDescending(d => d.Cadence.Tier).ThenByDescending(d => d.Status.DaysSince - d.Status.CadenceDays).ToList(),
            week.OrderBy(d => d.Status.DueUtc).ToList());
    }
}
