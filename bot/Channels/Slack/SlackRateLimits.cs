using System.Collections.Concurrent;
using AccountCoachBot.Data;
using AccountCoachBot.Scheduling;

namespace AccountCoachBot.Channels.Slack;

/// <summary>
/// Slack's Web API limits, per method per workspace per app (https://api.slack.com/docs/rate-limits): Tier 2 20+ per
/// minute, Tier 3 50+, Tier 4 100+; <c>chat.postMessage</c> is special, about one message per second per channel and
/// "several hundred messages per minute" across the workspace (the method's page).
/// Each method gets a bucket of one minute's calls refilled at its tier's rate, and a 429's <c>Retry-After</c> holds
/// that method alone (<c>chat.postMessage</c>: that channel alone) until it has passed; a call it holds back is not sent
/// and comes back as <c>ratelimited</c>, like Slack's own answer, so every caller already knows what to do with it.
/// </summary>
/// <remarks>
/// One bot token is one workspace, so a method's name is the whole key. The buckets and holds live in the database
/// (<see cref="SharedBudget"/>), so instances sharing it share Slack's limits, as Teams' per-app budget does. Two cases
/// stay in this process's memory: a host without the app database, and a call made inside a turn on SQLite, whose one
/// write lock the turn already holds (<see cref="WriteGate.HeldHere"/>), so a write on another connection would wait
/// for the turn that waits for it. A database that fails is not a reason to stop talking to Slack: memory stands in.
/// <c>chat.postMessage</c> has no bucket here, only holds: the outbox paces it per workspace and per channel
/// (<see cref="SlackNudgeSender.SharedLimitsOf"/>), and a reply follows a person's message (it spends those budgets, unheld).
/// </remarks>
public sealed class SlackRateLimits(TimeProvider time, IServiceScopeFactory? scopes = null, ILogger<SlackRateLimits>? logger = null,
    Microsoft.Extensions.Options.IOptions<SlackOptions>? options = null)
{
    public const int DefaultChannelBurst = 3;

    /// <summary>The low end of Slack's "several hundred messages per minute" for one app in one workspace.</summary>
    public const int DefaultWorkspacePerMinute = 300;

    /// <summary>Two seconds' worth at once after a quiet spell (Slack grants "generous burst behavior").</summary>
    public const int DefaultWorkspaceBurst = 10;

    private readonly int _channelBurst = Math.Max(1, options?.Value.ChannelBurst ?? DefaultChannelBurst);
    private readonly int _workspacePerMinute = Math.Max(1, options?.Value.WorkspacePerMinute ?? DefaultWorkspacePerMinute);

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

    /// <summary>A channel's share of <c>chat.postMessage</c>: one a second, a short burst allowed (Slack's words).</summary>
    public SharedRateLimit ChannelLimit(string channel) => new($"slack:{PostMessage}:{channel}", PerSecond: 1, Burst: _channelBurst);

    /// <summary>The workspace's share of <c>chat.postMessage</c>: one bot token is one workspace.</summary>
    public SharedRateLimit WorkspaceLimit => new($"slack:{PostMessage}", _workspacePerMinute / 60.0, DefaultWorkspaceBurst);

    /// <summary>A 429's Retry-After for one channel, kept apart from its budget: replies spend the budget past the clock without being held.</summary>
    private static SharedRateLimit ChannelHold(string channel) => new($"slack:{PostMessage}:{channel}:held", PerSecond: 1, Burst: 1);

    /// <summary>A method's bucket as a shared budget: its tier's rate, a minute's calls at once after a quiet spell.</summary>
    private static SharedRateLimit MethodLimit(string method) => new($"slack:{method}", PerMinuteOf(method) / 60.0, PerMinuteOf(method));

    /// <summary>Takes one call of <paramref name="method"/>. Null: go ahead; else how long until it may be sent.</summary>
    public async ValueTask<TimeSpan?> TakeAsync(string method, string? channel, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        if (Shared() is { } scope)
            await using (scope)
            {
                try
                {
                    var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
                    var at = now.UtcDateTime;
                    var held = method == PostMessage
                        ? channel is null ? null : await SharedBudget.HeldUntilAsync(db, ChannelHold(channel), at, ct)
                        : await SharedBudget.TakeAsync(db, MethodLimit(method), at, ct);
                    return held is { } until && until > at ? until - at : null;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger?.LogWarning("Slack's shared limits could not be read; this instance counts alone for now: {Error}", e.Message);
                }
            }
        return GateOf(method, channel).Take(now, method == PostMessage ? null : PerMinuteOf(method));
    }

    /// <summary>Slack answered 429: no call of <paramref name="method"/> (for <c>chat.postMessage</c>, to that channel) before <paramref name="retryAfter"/> has passed.</summary>
    public async ValueTask HoldAsync(string method, string? channel, TimeSpan retryAfter, CancellationToken ct = default)
    {
        var until = time.GetUtcNow() + retryAfter;
        GateOf(method, channel).Hold(until);
        if (Shared() is not { } scope) return;
        await using (scope)
        {
            try
            {
                var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
                if (method != PostMessage)
                    await SharedBudget.HoldAsync(db, MethodLimit(method), until.UtcDateTime, ct);
                else if (channel is not null)
                {
                    await SharedBudget.HoldAsync(db, ChannelHold(channel), until.UtcDateTime, ct);
                    await SharedBudget.HoldAsync(db, ChannelLimit(channel), until.UtcDateTime, ct); // the outbox's nudges wait too
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger?.LogWarning("Slack's Retry-After could not be shared with other instances: {Error}", e.Message);
            }
        }
    }

    /// <summary>
    /// A reply to <paramref name="channel"/> goes now (it answers a person) but spends the workspace's and the channel's
    /// budgets, so nudges, on any instance, wait their turn behind it.
    /// </summary>
    public async ValueTask SpendAsync(string channel, CancellationToken ct = default)
    {
        if (Shared() is not { } scope) return;
        await using (scope)
        {
            try
            {
                var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
                var now = time.GetUtcNow().UtcDateTime;
                await SharedBudget.SpendAsync(db, WorkspaceLimit, now, ct);
                await SharedBudget.SpendAsync(db, ChannelLimit(channel), now, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger?.LogWarning("A Slack reply could not be counted in the channel's shared budget: {Error}", e.Message);
            }
        }
    }

    /// <summary>A scope with the app database when the shared budget can be used here, else null.</summary>
    private AsyncServiceScope? Shared()
    {
        if (scopes is null || WriteGate.HeldHere) return null;
        var scope = scopes.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<CoachDbContext>() is not null) return scope;
        scope.Dispose();
        return null;
    }

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
