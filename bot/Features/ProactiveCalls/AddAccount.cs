using AccountCoachBot.Data;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>Adds a client account (or finds the one of that name) with an optional tier and cadence.</summary>
public sealed record AddAccount(string Name, AccountTier? Tier = null, int? CadenceDays = null);

public static class AddAccountHandler
{
    /// <summary>Null when the name is blank or the days are out of range: nothing is changed.</summary>
    public static async Task<CadenceSet?> HandleAsync(CoachDbContext db, Person person, AddAccount command, DateTime nowUtc, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(command.Name) || !SetCadenceHandler.IsValidDays(command.CadenceDays)) return null;
        // «добавить клиента Ромашку»: a new name typed in an oblique case is added in the nominative.
        var (account, created) = await ClientAccounts.FindOrAddAsync(db, person.Id, command.Name, nowUtc, ct, asNominative: true);
        var cadence = await CallStore.EnsureCadenceAsync(db, account, ct);
        if (created) cadence.StartedUtc = nowUtc;
        return SetCadenceHandler.Apply(account, cadence, command.Tier, command.CadenceDays, person, nowUtc, created);
    }
}
