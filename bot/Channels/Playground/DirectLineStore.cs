using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace AccountCoachBot.Channels.Playground;

/// <summary>
/// The playground's conversations, in memory: a restart forgets them, and the page's next call recreates its
/// conversation under the id and token it still holds (a 404 would end Web Chat's session).
/// </summary>
public sealed partial class DirectLineStore(IOptions<PlaygroundOptions> options)
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> _conversations = new(StringComparer.Ordinal);

    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>A new conversation with a new token; null when the store is full.</summary>
    public DirectLineConversation? Start(string? userId)
    {
        if (_conversations.Count >= options.Value.MaxConversations) return null;
        var conversation = New(NewSecret(16), NewSecret(32), userId);
        return _conversations.TryAdd(conversation.Id, conversation) ? conversation : null;
    }

    public DirectLineConversation? Find(string id) => _conversations.GetValueOrDefault(id);

    /// <summary>The conversation, recreated when this process does not know it (token: the first one presented); null when full.</summary>
    public DirectLineConversation? FindOrRecreate(string id, string? token, string? userId = null)
    {
        if (_conversations.TryGetValue(id, out var known)) return known;
        if (_conversations.Count >= options.Value.MaxConversations) return null;
        return _conversations.GetOrAdd(id, _ => New(id, token, userId));
    }

    /// <summary>The conversation a token belongs to (token refresh); a scan, as refreshes come every 15 minutes.</summary>
    public DirectLineConversation? FindByToken(string token) =>
        _conversations.Values.FirstOrDefault(c => c.Token is { } t && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(t), System.Text.Encoding.UTF8.GetBytes(token)));

    private DirectLineConversation New(string id, string? token, string? userId) =>
        new(id, token, userId, Math.Max(1, options.Value.MaxActivitiesPerConversation));

    private static string NewSecret(int bytes) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex IdPattern();
}
