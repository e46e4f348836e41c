using System.Text.Json.Nodes;

namespace AccountCoachBot.Channels.Slack;

/// <summary>A channel as <c>conversations.info</c> tells it to the bot: whether the bot is in it and may post.</summary>
public sealed record SlackChannelInfo(string Id, string? Name, bool IsMember, bool IsArchived);

public sealed partial class SlackApiClient
{
    /// <summary>
    /// <c>conversations.info</c> (a read method: form-encoded; scopes <c>channels:read</c>, and <c>groups:read</c> for
    /// private channels). <c>is_member</c> says whether the bot is in the channel; a private channel it is not in
    /// answers <c>channel_not_found</c>.
    /// </summary>
    public async Task<SlackApiResult<SlackChannelInfo>> ConversationInfoAsync(string channel, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        var result = await CallAsync("conversations.info", Form(("channel", channel)), ct);
        return With(result, r => r["channel"] is JsonObject c && Str(c, "id") is { } id
            ? new SlackChannelInfo(id, Str(c, "name"), Bool(c, "is_member"), Bool(c, "is_archived"))
            : null);
    }
}
