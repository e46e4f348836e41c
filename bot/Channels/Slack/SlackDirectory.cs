using System.Collections.Concurrent;

namespace AccountCoachBot.Channels.Slack;

/// <summary>
/// What Slack says about people (time zone, locale, email) and about the bot itself (its user id, so it never
/// answers its own messages). Cached: these change rarely and the Web API is rate limited.
/// </summary>
public sealed class SlackDirectory(SlackApiClient api, TimeProvider time, ILogger<SlackDirectory> logger)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, (SlackUser? User, DateTimeOffset At)> _users = new();
    private readonly ConcurrentDictionary<string, string> _dms = new();
    private string? _botUserId;

    public async Task<string?> BotUserIdAsync(CancellationToken ct)
    {
        if (_botUserId is not null) return _botUserId;
        var result = await api.AuthTestAsync(ct);
        if (result.Ok && result.Value is { } auth) _botUserId = auth.UserId;
        else logger.LogWarning("Slack auth.test failed: {Error}", result.Error);
        return _botUserId;
    }

    public async Task<SlackUser?> UserAsync(string userId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_users.TryGetValue(userId, out var cached) && now - cached.At < Lifetime) return cached.User;
        var result = await api.UsersInfoAsync(userId, ct);
        var user = result.Ok ? result.Value : null;
        if (!result.Ok) logger.LogWarning("Slack users.info failed: {Error}", result.Error);
        _users[userId] = (user, now);
        return user;
    }

    /// <summary>The person's DM with the bot, where replies to slash commands and nudges go.</summary>
    public async Task<string?> DirectChannelAsync(string userId, CancellationToken ct)
    {
        if (_dms.TryGetValue(userId, out var channel)) return channel;
        var result = await api.OpenConversationAsync(userId, ct);
        if (!result.Ok || result.Value is null)
        {
            logger.LogWarning("Slack conversations.open failed: {Error}", result.Error);
            return null;
        }
        return _dms[userId] = result.Value;
    }
}
