using AccountCoachBot.Data;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Conversation;

/// <summary>
/// Where messages go, in one place: each channel's <see cref="IChannelDestinations"/>, picked by transport. A
/// transport without one (the terminal, tests) shows no forms, names no places and mentions no one.
/// </summary>
public sealed class Destinations(IEnumerable<IChannelDestinations> channels)
{
    private readonly IReadOnlyList<IChannelDestinations> _channels = channels.ToList();

    private IChannelDestinations? Of(string transport) => _channels.FirstOrDefault(c => c.Transport == transport);

    public bool ShowsForms(string transport) => Of(transport)?.ShowsForms == true;

    /// <summary>The shared place the text names, in whichever channel reads it as one.</summary>
    public SharedPlace? ParsePlace(string text) => _channels.Select(c => c.ParsePlace(text)).FirstOrDefault(p => p is not null);

    public SharedPlace? PlaceOf(ConversationAddress? address) => address is null ? null : Of(address.Transport)?.PlaceOf(address);

    /// <summary>The person as <paramref name="at"/>'s channel mentions them; null where it can't.</summary>
    public Task<Mention?> MentionAsync(CoachDbContext db, int personId, ConversationAddress at, CancellationToken ct) =>
        Of(at.Transport)?.MentionAsync(db, personId, ct) ?? Task.FromResult<Mention?>(null);

    /// <summary>Whether the person is known in the place's channel, so the place can be theirs.</summary>
    public async Task<bool> KnowsAsync(CoachDbContext db, int personId, SharedPlace place, CancellationToken ct) =>
        Of(place.Transport) is { } channel && await channel.MentionAsync(db, personId, ct) is not null;

    /// <summary>Whether the bot can post in the place: the one check for every place a person names or types in.</summary>
    public Task<PlaceAccess> CheckAsync(SharedPlace place, CancellationToken ct) =>
        Of(place.Transport)?.CheckAsync(place, ct) ?? Task.FromResult(PlaceAccess.Unchecked);

    public Task<ConversationAddress?> SharedAddressAsync(CoachDbContext db, int personId, SharedPlace place, DateTime nowUtc, CancellationToken ct) =>
        Of(place.Transport)?.SharedAddressAsync(db, personId, place, nowUtc, ct) ?? Task.FromResult<ConversationAddress?>(null);
}
