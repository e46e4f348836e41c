using AccountCoachBot.Conversation;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>
/// Where an account's call nudges go: the owner's own chat (<see cref="Off"/>), the conversation the command came
/// from (<see cref="HereAddressId"/>, when others read it), or a named shared place (<see cref="Place"/>).
/// </summary>
public sealed record SetAccountChannel(int AccountId, bool Off = false, int? HereAddressId = null, string? Place = null);

/// <remarks><see cref="NotInPlace"/> and <see cref="NotFound"/>: the channel was checked and can't be posted in; nothing changed.
/// <see cref="Ready"/>: checked, and the bot is in it; <see cref="Set"/>: taken without a check (the invitation is shown).</remarks>
public enum AccountChannelOutcome { Off, HereSet, HereNotShared, Invalid, NeedsChannelApp, Set, Ready, NotInPlace, NotFound }

public sealed record AccountChannelSet(AccountChannelOutcome Outcome, SharedPlace? Place = null);

public sealed class SetAccountChannelHandler(Destinations destinations)
{
    public async Task<AccountChannelSet> HandleAsync(CoachDbContext db, Person person, Account account, SetAccountChannel command, DateTime nowUtc, CancellationToken ct)
    {
        // A named channel is checked first, as `digest channel` does: one the bot can't post in changes nothing.
        SharedPlace? place = null;
        var access = PlaceAccess.Unchecked;
        if (!command.Off && command.HereAddressId is null)
        {
            if (command.Place is null || (place = destinations.ParsePlace(command.Place)) is null) return new(AccountChannelOutcome.Invalid);
            access = await destinations.CheckAsync(place, ct);
            if (access == PlaceAccess.NotMember) return new(AccountChannelOutcome.NotInPlace, place);
            if (access == PlaceAccess.NotFound) return new(AccountChannelOutcome.NotFound, place);
        }
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
        var address = await destinations.SharedAddressAsync(db, person.Id, place!, nowUtc, ct);
        if (address is null) return new(AccountChannelOutcome.NeedsChannelApp);

        await db.SaveChangesAsync(ct);
        cadence.ChannelAddressId = address.Id;
        cadence.ChannelWarnedUtc = null;
        return new(access == PlaceAccess.Open ? AccountChannelOutcome.Ready : AccountChannelOutcome.Set, place);
    }
}
