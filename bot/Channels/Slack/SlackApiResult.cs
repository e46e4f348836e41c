using System.Text.Json.Nodes;

namespace AccountCoachBot.Channels.Slack;

/// <summary>
/// What one Slack Web API call came to, in the terms its callers (the outbox, the request path) need.
/// The client never retries; <see cref="IsTransient"/>, <see cref="IsChannelGone"/> and <see cref="IsAuthProblem"/>
/// tell the caller what to do next. At most one of the three is true.
/// </summary>
/// <param name="Method">The Slack method called, e.g. <c>chat.postMessage</c>.</param>
/// <param name="HttpStatus">The HTTP status, or 0 when no response arrived (<see cref="TransportError"/>, <see cref="TransportTimeout"/>).</param>
/// <param name="Ok">HTTP 2xx and <c>"ok": true</c>.</param>
/// <param name="Error">
/// Slack's <c>error</c> code (<c>not_in_channel</c>, <c>ratelimited</c>, ...) when the body carries one; otherwise
/// <c>http_&lt;status&gt;</c> for a non-2xx answer, <see cref="InvalidResponse"/> for a 2xx answer that is not a Slack
/// JSON object, <see cref="TransportError"/> / <see cref="TransportTimeout"/> when no answer arrived. Null when <see cref="Ok"/>.
/// </param>
/// <param name="RetryAfter">From the <c>Retry-After</c> header (429): wait at least this long before calling this method again.</param>
/// <param name="Warning">Slack's <c>warning</c>, or else <c>response_metadata.warnings</c> joined with commas (e.g. <c>missing_charset</c>).</param>
/// <param name="Response">The parsed response body, when it was a JSON object.</param>
public record SlackApiResult(string Method, int HttpStatus, bool Ok, string? Error, TimeSpan? RetryAfter, string? Warning, JsonObject? Response)
{
    /// <summary>The request failed before an answer arrived (connection refused/reset, DNS, TLS, oversized answer).</summary>
    public const string TransportError = "transport_error";

    /// <summary>No answer within the client's timeout. The call may still have taken effect (a message may have been posted).</summary>
    public const string TransportTimeout = "transport_timeout";

    /// <summary>A 2xx answer whose body is not a JSON object with <c>ok</c>.</summary>
    public const string InvalidResponse = "invalid_response";

    /// <summary>Not sent: Slack's limit for this method (a 429's Retry-After, or the method's tier) holds it back. Slack's own 429 code.</summary>
    public const string HeldBack = "ratelimited";

    /// <summary>No bot token configured: the call was not sent.</summary>
    public const string NotConfigured = "not_authed";

    private static readonly HashSet<string> TransientErrors = new(StringComparer.Ordinal)
    {
        "ratelimited",          // HTTP 429 body
        "rate_limited",         // chat.* app-level posting limit, HTTP 200 (contract §5.2, §6.3)
        "service_unavailable",
        "fatal_error",
        "request_timeout",
        "internal_error",
        TransportError,
        TransportTimeout,
    };

    private static readonly HashSet<string> ChannelGoneErrors = new(StringComparer.Ordinal)
    {
        "channel_not_found",
        "not_in_channel",       // bot removed from the channel (or never added, without chat:write.public)
        "is_archived",
        "user_not_found",       // the DM's user no longer exists
        "user_not_in_channel",  // chat.postEphemeral: the target user left the channel
        "user_disabled",        // conversations.open: the user was deactivated
    };

    private static readonly HashSet<string> AuthErrors = new(StringComparer.Ordinal)
    {
        "invalid_auth",
        "not_authed",
        "token_revoked",
        "token_expired",
        "account_inactive",     // the token's own user/workspace was deactivated: every destination fails alike
        "missing_scope",        // the installation lacks a scope: fixed by reinstalling, not by retrying
        "not_allowed_token_type",
    };

    /// <summary>
    /// Worth trying again later (after <see cref="RetryAfter"/> when set): HTTP 429 or 5xx, no answer at all, or the
    /// platform errors Slack documents as temporary (<c>ratelimited</c>, <c>rate_limited</c>, <c>service_unavailable</c>,
    /// <c>fatal_error</c>, <c>request_timeout</c>, <c>internal_error</c>). After a <see cref="TransportTimeout"/> the
    /// message may already be posted.
    /// </summary>
    public bool IsTransient => !Ok && !IsAuthProblem && !IsChannelGone && (HttpStatus == 429 || HttpStatus >= 500 || (Error is not null && TransientErrors.Contains(Error)));

    /// <summary>
    /// The destination will not take messages again: mark the address stale, never retry it.
    /// <c>channel_not_found</c>, <c>not_in_channel</c>, <c>is_archived</c>, <c>user_not_found</c>,
    /// <c>user_not_in_channel</c>, <c>user_disabled</c>. (<c>account_inactive</c> is about our own token, so it is an
    /// <see cref="IsAuthProblem"/> instead: every destination would fail the same way.)
    /// </summary>
    public bool IsChannelGone => !Ok && Error is not null && ChannelGoneErrors.Contains(Error);

    /// <summary>
    /// The bot token is missing, wrong, revoked or under-scoped: stop sending and alert an operator; retrying or marking
    /// destinations stale would not help. <c>invalid_auth</c>, <c>not_authed</c>, <c>token_revoked</c>,
    /// <c>token_expired</c>, <c>account_inactive</c>, <c>missing_scope</c>, <c>not_allowed_token_type</c>.
    /// </summary>
    public bool IsAuthProblem => !Ok && Error is not null && AuthErrors.Contains(Error);
}

/// <summary>A <see cref="SlackApiResult"/> with the part of the answer the caller asked for (null unless <see cref="SlackApiResult.Ok"/>).</summary>
public sealed record SlackApiResult<T>(string Method, int HttpStatus, bool Ok, string? Error, TimeSpan? RetryAfter, string? Warning, JsonObject? Response, T? Value)
    : SlackApiResult(Method, HttpStatus, Ok, Error, RetryAfter, Warning, Response) where T : class;

/// <summary><c>auth.test</c>: who the bot token belongs to. <see cref="UserId"/> is the bot user (to ignore our own messages).</summary>
public sealed record SlackAuthInfo(string UserId, string? BotId, string TeamId, string? Team, string? Url);

/// <summary>Where a message landed: channel id and message <c>ts</c> (the message's id, needed for <c>chat.update</c> and threads).</summary>
public sealed record SlackMessageRef(string Channel, string Ts);

/// <summary>The parts of a Slack user we use.</summary>
/// <param name="TimeZone">IANA zone id, e.g. <c>Europe/Berlin</c>.</param>
/// <param name="TimeZoneOffsetSeconds">Current UTC offset in seconds, as Slack reports it (changes with DST; prefer <paramref name="TimeZone"/>).</param>
/// <param name="Locale">e.g. <c>en-US</c>; only when asked for (<c>include_locale</c>).</param>
/// <param name="Email">Only with the <c>users:read.email</c> scope.</param>
public sealed record SlackUser(string Id, string? Name, string? RealName, string? TimeZone, int? TimeZoneOffsetSeconds, string? Locale, string? Email,
    bool IsBot, bool IsDeleted, string? TeamId = null);
