using AccountCoachBot.Data;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>An account's tier and call cadence; naming a tier without days goes back to the tier's default.</summary>
public sealed record SetCadence(int AccountId, AccountTier? Tier, int? CadenceDays);

/// <summary>The account as configured, when its next call is due, and whether this command created it.</summary>
public sealed record CadenceSet(Account Account, AccountCadence Cadence, CallStatus Status, bool Created);

public static class SetCadenceHandler
{
    /// <summary>Null when the account is not the person's own; throws nothing for days out of range: see <see cref="IsValidDays"/>.</summary>
    public static async Task<CadenceSet?> HandleAsync(CoachDbContext db, Person person, SetCadence command, DateTime nowUtc, CancellationToken ct)
    {
        var account = await db.Accounts.FindAsync([command.AccountId], ct);
        if (account is null || account.OwnerId != person.Id || !IsValidDays(command.CadenceDays)) return null;
        var cadence = await CallStore.EnsureCadenceAsync(db, account, ct);
        return Apply(account, cadence, command.Tier, command.CadenceDays, person, nowUtc, created: false);
    }

    public static bool IsValidDays(int? days) => days is null or (>= 1 and <= CallCadence.MaxDays);

    internal static CadenceSet Apply(Account account, AccountCadence cadence, AccountTier? tier, int? days, Person person, DateTime nowUtc, bool created)
    {
        if (tier is not null)
        {
            cadence.Tier = tier.Value;
            cadence.CadenceDays = null;
        }
        if (days is not null) cadence.CadenceDays = days == CallCadence.DefaultDays(cadence.Tier) ? null : days;
        return new CadenceSet(account, cadence, CallStore.Refresh(cadence, person, nowUtc), created);
    }
}
