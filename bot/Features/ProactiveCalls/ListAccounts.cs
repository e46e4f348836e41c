using AccountCoachBot.Conversation;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>The person's accounts, soonest due first.</summary>
public sealed record ListAccounts;

/// <summary>One account: its cadence, when it can next be reached (after vacations), and its channel if it has one.</summary>
public sealed record AccountRow(Account Account, AccountCadence Cadence, CallStatus Status, DateTime ReachUtc, SharedPlace? Channel);

public sealed class ListAccountsHandler(Destinations destinations)
{
    public async Task<IReadOnlyList<AccountRow>> HandleAsync(CoachDbContext db, Person person, DateTime nowUtc, CancellationToken ct)
    {
        var accounts = await db.Accounts.Where(a => a.OwnerId == person.Id).ToListAsync(ct);
        var vacations = await Vacations.AheadAsync(db, person, nowUtc, ct);
        var rows = new List<AccountRow>();
        foreach (var account in accounts)
        {
            var cadence = await CallStore.EnsureCadenceAsync(db, account, ct);
            var status = CallCadence.Evaluate(cadence, person, nowUtc);
            var reach = CallCadence.AfterVacations(status.DueUtc, vacations, person.Zone, person.Hours);
            var channel = cadence.ChannelAddressId is { } addressId
                ? destinations.PlaceOf(await db.Addresses.FirstOrDefaultAsync(a => a.Id == addressId, ct))
                : null;
            rows.Add(new AccountRow(account, cadence, status, reach, channel));
        }
        return rows.OrderBy(r => r.Status.DueUtc).ToList();
    }
}
