using AccountCoachBot.Conversation;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>
/// Where an account's call nudges go: the owner's own chat (<see cref="Off"/>), the conversation the command came
/// from (<see cref="HereAddressId"/>, when others read it), or a named shared place (<see cref="Place"/>).
/// </summary>
public sealed record SetAccountChannel(int AccountId, bool Off = false, int? HereAddressId = null, string? Place = null);

public enum AccountChannelOutcome { Off, HereSet, HereNotShared, Invalid, NeedsChannelApp, Set }

public sealed record AccountChannelSet(AccountChannelOutcome Outcome, SharedPlace? Place = null);

public sealed class SetAccountChannelHandler(Destinations destinations)
{
    public async Task<AccountChannelSet> HandleAsync(CoachDbContext db, Person person, Account account, SetAccountChannel command, DateTime nowUtc, CancellationToken ct)
    {
        var cadence = await CallStore.EnsureCadenceAsync(db, account, ct);
        if (command.Off)
        {
            cadence.ChannelAddressId = null;
            cadence.ChannelWarnedUtc = null;
            return new(AccountChannelOutcome.Off);
        }
        if (command.HereAddressId is { } hereId)
        {
            // A conversation others read (the channel says which: a Teams channel or group chat) becomes the account's destination.
            var here = await db.Addresses.FindAsync([hereId], ct);
            if (here is not { IsShared: true }) return new(AccountChannelOutcome.HereNotShared);
            cadence.ChannelAddressId = here.Id;
            cadence.ChannelWarnedUtc = null;
            return new(AccountChannelOutcome.HereSet);
        }
        if (command.Place is null || destinations.ParsePlace(command.Place) is not { } place) return new(AccountChannelOutcome.Invalid);
        var address = await destinations.SharedAddressAsync(db, person.Id, place, nowUtc, ct);
        if (address is null) return new(AccountChannelOutcome.NeedsChannelApp);

        await db.SaveChangesAsync(ct);
        cadence.ChannelAddressId = address.Id;
        cadence.ChannelWarnedUtc = null;
        return new(AccountChannelOutcome.Set, place);
    }
}
