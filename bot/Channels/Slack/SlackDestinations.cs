using System.Text.RegularExpressions;
using AccountCoachBot.Conversation;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Channels.Slack;

/// <summary>
/// Slack's places: a channel named by id ("C0123ABCD", "#C0123ABCD", or Slack's own <c>&lt;#C0123ABCD|sales&gt;</c>
/// when picked with #), its shared address, and people as <c>team:user</c> identities. Only the database is
/// needed, so the import and the terminal name Slack channels with Slack itself off; with Slack on, a place is
/// checked with <c>conversations.info</c> before it is taken.
/// </summary>
public sealed partial class SlackDestinations(IServiceProvider? services = null) : IChannelDestinations
{
    /// <summary>Slack only lets a member post in a channel: this is how people add the bot.</summary>
    private const string Invite = "`/invite @AccountCoachBot`";

    public string Transport => SlackReference.Transport;

    public bool ShowsForms => true;

    [GeneratedRegex(@"^(?:<#([CG][A-Z0-9]{2,30})(?:\|[^>]*)?>|#?([CG][A-Z0-9]{2,30}))$")]
    private static partial Regex ChannelPattern();

    public SharedPlace? ParsePlace(string text)
    {
        var m = ChannelPattern().Match(text.Trim());
        if (!m.Success) return null;
        return Place(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value);
    }

    public SharedPlace? PlaceOf(ConversationAddress address) =>
        address.Transport == Transport && SlackReference.FromJson(address.ReferenceJson)?.Channel is { } channel ? Place(channel) : null;

    private static SharedPlace Place(string channel) => new(SlackReference.Transport, channel, $"<#{channel}>", Invite);

    /// <summary>The channel a slash command or mention came from, as a place; null for a DM (D…).</summary>
    public static SharedPlace? ChannelPlace(string? channel) =>
        channel is not null && ChannelPattern().Match(channel) is { Success: true } m && m.Groups[2].Success ? Place(m.Groups[2].Value) : null;

    /// <summary>
    /// <c>conversations.info</c> (scopes <c>channels:read</c>, <c>groups:read</c>) tells whether the bot is a member
    /// (<c>is_member</c>); a private channel it is not in answers <c>channel_not_found</c>. Any other failure (Slack
    /// off, a scope not granted yet) can't tell, and the place is taken with the invitation shown.
    /// </summary>
    public async Task<PlaceAccess> CheckAsync(SharedPlace place, CancellationToken ct)
    {
        if (services?.GetService<SlackApiClient>() is not { } api) return PlaceAccess.Unchecked;
        var result = await api.ConversationInfoAsync(place.Id, ct);
        if (result.Ok && result.Value is { } info) return info.IsArchived ? PlaceAccess.NotFound : info.IsMember ? PlaceAccess.Open : PlaceAccess.NotMember;
        return result.Error switch
        {
            "channel_not_found" or "is_archived" => PlaceAccess.NotFound,
            "not_in_channel" => PlaceAccess.NotMember,
            _ => PlaceAccess.Unchecked,
        };
    }

    public async Task<Mention?> MentionAsync(CoachDbContext db, int personId, CancellationToken ct) =>
        await IdentityAsync(db, personId, ct) is { } identity ? new Mention(Transport, identity) : null;

    /// <summary>The person's Slack identity, "team:user", the newest when they have several.</summary>
    private static Task<string?> IdentityAsync(CoachDbContext db, int personId, CancellationToken ct) =>
        db.ChannelIdentities.Where(i => i.PersonId == personId && i.Channel == SlackReference.Transport)
            .OrderByDescending(i => i.Id).Select(i => i.ExternalId).FirstOrDefaultAsync(ct);

    /// <summary>Posting there needs only the channel; the reference keeps the person who set it, for the record.</summary>
    public async Task<ConversationAddress?> SharedAddressAsync(CoachDbContext db, int personId, SharedPlace place, DateTime nowUtc, CancellationToken ct)
    {
        if (await IdentityAsync(db, personId, ct) is not { } identity) return null;
        var colon = identity.IndexOf(':');
        var reference = new SlackReference(identity[..colon], place.Id, identity[(colon + 1)..]);
        var address = db.Addresses.Local.FirstOrDefault(a => a.Transport == Transport && a.Key == reference.AddressKey)
            ?? await db.Addresses.FirstOrDefaultAsync(a => a.Transport == Transport && a.Key == reference.AddressKey, ct);
        if (address is null)
        {
            address = new ConversationAddress { Transport = Transport, Key = reference.AddressKey, ReferenceJson = reference.ToJson(), PersonId = personId };
            db.Addresses.Add(address);
        }
        address.IsShared = true;
        address.IsStale = false;
        address.StaleReason = null;
        address.UpdatedUtc = nowUtc;
        return address;
    }
}
