using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Scheduling;

public enum SendOutcome
{
    Sent = 0,

    /// <summary>Try again later (throttled, the platform hiccuped, credentials rejected).</summary>
    Retry = 1,

    /// <summary>The destination is gone: mark the address stale, never retry.</summary>
    Stale = 2,

    /// <summary>A permanent failure for this message (e.g. too large).</summary>
    Failed = 3,
}

/// <param name="Throttled">The platform said "too many requests" (429): a limit shared beyond this conversation may be spent too.</param>
public sealed record SendResult(SendOutcome Outcome, TimeSpan? RetryAfter = null, string? Error = null, bool Throttled = false)
{
    public static readonly SendResult Ok = new(SendOutcome.Sent);
}

/// <summary>Delivers a rendered nudge to an address of its transport ("botframework", "terminal", "slack").</summary>
public interface INudgeSender
{
    string Transport { get; }

    Task<SendResult> SendAsync(ConversationAddress address, Reply reply, CancellationToken ct);

    /// <summary>
    /// The limits this address shares with others of the platform, widest first (Teams: the app in its tenant; Slack: the
    /// workspace, then the channel). Widest first: it is the one a busy spell runs out of, and a refusal by the first
    /// spends nothing of the others.
    /// </summary>
    IReadOnlyList<SharedRateLimit> SharedLimitsOf(ConversationAddress address) => [];
}

/// <summary>A feature's renderer for the outbox rows it wrote. Null means "nothing to say any more".</summary>
public interface INudgeRenderer
{
    bool CanRender(string kind);

    /// <summary>Called once per claimed batch with the rows it will render, so it can read what they need at once.</summary>
    Task PrepareAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken ct) => Task.CompletedTask;

    Task<Reply?> RenderAsync(OutboxMessage message, Person person, DateTime nowUtc, CancellationToken ct);
}
