using AccountCoachBot.Data;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Conversation;

/// <summary>
/// A shared place in a channel that features can send to (a Slack channel): <see cref="Id"/> as people type it
/// and the import file holds it, <see cref="Label"/> as a message shows it, <see cref="Invite"/> how to let the
/// bot in.
/// </summary>
public sealed record SharedPlace(string Transport, string Id, string Label, string Invite);

/// <summary>Whether the bot can post in a shared place now, as far as its channel can tell.</summary>
public enum PlaceAccess
{
    /// <summary>The channel can't tell (no check, the check failed): say how to let the bot in.</summary>
    Unchecked = 0,

    /// <summary>The bot is in it and can post.</summary>
    Open = 1,

    /// <summary>The place exists but the bot is not in it (Slack's <c>not_in_channel</c>).</summary>
    NotMember = 2,

    /// <summary>No such place the bot can see (a wrong id, or a private channel it was not invited to).</summary>
    NotFound = 3,
}

/// <summary>
/// One channel's side of destinations: it reads the places people name, turns them into addresses it can send
/// to, and names people there. Features ask <see cref="Destinations"/> and never build a channel's reference.
/// Whether an address is shared is the channel's to say too: it sets <see cref="InboundAddress.IsShared"/>.
/// </summary>
public interface IChannelDestinations
{
    /// <summary>The addresses it speaks for (<see cref="ConversationAddress.Transport"/>).</summary>
    string Transport { get; }

    /// <summary>Shows a card's inputs as a form (an Adaptive Card, a Slack modal); elsewhere questions come one at a time.</summary>
    bool ShowsForms { get; }

    /// <summary>The shared place the text names in this channel, else null.</summary>
    SharedPlace? ParsePlace(string text) => null;

    /// <summary>The shared place an address of this channel is, else null (a person's own chat, a Teams channel).</summary>
    SharedPlace? PlaceOf(ConversationAddress address) => null;

    /// <summary>The person in this channel, to mention in a shared conversation; null when they have not used it.</summary>
    Task<Mention?> MentionAsync(CoachDbContext db, int personId, CancellationToken ct) => Task.FromResult<Mention?>(null);

    /// <summary>
    /// The address of a shared place, created when new, recorded as set by the person; null when the person is not
    /// known in this channel (posting there is done in their name).
    /// </summary>
    Task<ConversationAddress?> SharedAddressAsync(CoachDbContext db, int personId, SharedPlace place, DateTime nowUtc, CancellationToken ct) =>
        Task.FromResult<ConversationAddress?>(null);

    /// <summary>Whether the bot can post in the place, asked of the platform before the place is taken.</summary>
    Task<PlaceAccess> CheckAsync(SharedPlace place, CancellationToken ct) => Task.FromResult(PlaceAccess.Unchecked);
}
