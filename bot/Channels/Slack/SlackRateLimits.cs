using System.Collections.Concurrent;

namespace AccountCoachBot.Channels.Slack;

/// <summary>
/// Slack's Web API limits, per method per workspace per app (https://api.slack.com/docs/rate-limits): Tier 2 20+ per
/// minute, Tier 3 50+, Tier 4 100+; <c>chat.postMessage</c> is special, about one message per second per channel.
/// Each method gets a bucket of one minute's calls refilled at its tier's rate, and a 429's <c>Retry-After</c> holds
/// that method alone (<c>chat.postMessage</c>: that channel alone) until it has passed; a call it holds back is not sent
/// and comes back as <c>ratelimited</c>, like Slack's own answer, so every caller already knows what to do with it.
/// </summary>
/// <remarks>
/// One bot token is one workspace, so a method's name is the whole key. Kept in this process: each instance learns
/// Slack's Retry-After from its own 429 (Slack tells every caller); Teams' per-app budget is the one shared in the
/// database. <c>chat.postMessage</c> has no bucket here: the outbox paces it per conversation, and a reply follows a
/// person's message.
/// </remarks>
public sealed class SlackRateLimits(TimeProvider time)
{
    /// <summary>Slack's documented floor for most methods; a method not listed gets it.</summary>
    public const int DefaultPerMinute = 20;

    public const string PostMessage = "chat.postMessage";

    /// <summary>Tiers of the methods the bot calls (Slack's method pages; reference/slack-contract.md §5.2).</summary>
    private static readonly Dictionary<string, int> PerMinute = new(StringComparer.Ordinal)
    {
        ["chat.postEphemeral"] = 100,          // Tier 4
        ["chat.update"] = 50,                  // Tier 3
        ["views.open"] = 100,                  // Tier 4
        ["views.publish"] = 100,               // Tier 4
        ["users.info"] = 100,                  // Tier 4
        ["conversations.open"] = 50,           // Tier 3
        ["files.getUploadURLExternal"] = 100,  // Tier 4
    };

    private readonly ConcurrentDictionary<string, Gate> _gates = new(StringComparer.Ordinal);

    /// <summary>The calls a method may make per minute here.</summary>
    public static int PerMinuteOf(string method) => PerMinute.GetValueOrDefault(method, DefaultPerMinute);

    /// <summary>Takes one call of <paramref name="method"/>. Null: go ahead; else how long until it may be sent.</summary>
    public TimeSpan? Take(string method, string? channel)
    {
        var now = time.GetUtcNow();
        return GateOf(method, channel).Take(now, method == PostMessage ? null : PerMinuteOf(method));
    }

    /// <summary>Slack answered 429: no call of <paramref name="method"/> (for <c>chat.postMessage</c>, to that channel) before <paramref name="retryAfter"/> has passed.</summary>
    public void Hold(string method, string? channel, TimeSpan retryAfter) => GateOf(method, channel).Hold(time.GetUtcNow() + retryAfter);

    private Gate GateOf(string method, string? channel) =>
        _gates.GetOrAdd(method == PostMessage && channel is not null ? $"{method}:{channel}" : method, _ => new Gate());

    private sealed class Gate
    {
        private readonly Lock _lock = new();
        private DateTimeOffset _heldUntil = DateTimeOffset.MinValue;
        private double _tokens = double.NaN;
        private DateTimeOffset _refilled;

        public TimeSpan? Take(DateTimeOffset now, int? perMinute)
        {
            lock (_lock)
            {
                if (now < _heldUntil) return _heldUntil - now;
                if (perMinute is not { } capacity) return null;
                _tokens = double.IsNaN(_tokens) ? capacity : Math.Min(capacity, _tokens + (now - _refilled).TotalMinutes * capacity);
                _refilled = now;
                if (_tokens >= 1)
                {
                    _tokens--;
                    return null;
                }
                return TimeSpan.FromMinutes((1 - _tokens) / capacity);
            }
        }

        public void Hold(DateTimeOffset until)
        {
            lock (_lock)
                if (until > _heldUntil) _heldUntil = until;
        }
    }
}
