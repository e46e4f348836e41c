using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace AccountCoachBot.Channels.Slack;

/// <summary>
/// The Slack Web API methods the bot uses, on plain HttpClient (typed client, named <see cref="HttpClientName"/>).
/// One attempt per call, no internal retries: every method returns a <see cref="SlackApiResult"/> and the caller
/// decides (the outbox reschedules on <see cref="SlackApiResult.IsTransient"/>, honouring <see cref="SlackApiResult.RetryAfter"/>).
/// </summary>
/// <remarks>
/// Transport (contract §5.1): <c>POST {ApiBaseUrl}{method}</c> with <c>Authorization: Bearer &lt;bot token&gt;</c>.
/// Write methods (<c>chat.*</c>, <c>views.*</c>, <c>conversations.open</c>) send <c>application/json; charset=utf-8</c>;
/// read methods (<c>auth.test</c>, <c>users.info</c>, <c>users.lookupByEmail</c>) send form-encoded arguments, which Slack
/// requires for them. Arguments never go in the URL, so ids and e-mail addresses stay out of request logs; the token
/// is never logged (HttpClient's own logging redacts header values), nor are message bodies.
/// Only <see cref="OperationCanceledException"/> for the caller's own token escapes; network failures and timeouts come
/// back as transient results.
/// </remarks>
public sealed partial class SlackApiClient(HttpClient http, IOptions<SlackOptions> options, ILogger<SlackApiClient> logger, AccountCoachBot.Operations.CoachMetrics? metrics = null,
    SlackRateLimits? limits = null)
{
    public const string HttpClientName = "SlackApi";

    /// <summary><c>auth.test</c>: the bot's own user id, bot id and workspace. Call once at start-up.</summary>
    public async Task<SlackApiResult<SlackAuthInfo>> AuthTestAsync(CancellationToken ct = default)
    {
        var result = await CallAsync("auth.test", Form(), ct);
        return With(result, r => Str(r, "user_id") is { } user && Str(r, "team_id") is { } team
            ? new SlackAuthInfo(user, Str(r, "bot_id"), team, Str(r, "team"), Str(r, "url"))
            : null);
    }

    /// <summary>
    /// <c>chat.postMessage</c>. <paramref name="message"/> holds the message fields (<c>text</c>, <c>blocks</c>,
    /// <c>unfurl_links</c>, ...); it is copied, not changed. Keep a <c>text</c> fallback next to <c>blocks</c>.
    /// </summary>
    /// <returns>The channel id Slack posted to (a user id becomes the DM's <c>D…</c> id) and the message <c>ts</c>.</returns>
    public async Task<SlackApiResult<SlackMessageRef>> PostMessageAsync(string channel, JsonObject message, string? threadTs = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        var body = Copy(message);
        body["channel"] = channel;
        if (threadTs is not null) body["thread_ts"] = threadTs;
        var result = await CallAsync("chat.postMessage", Json(body), ct, channel);
        return With(result, r => MessageRef(r, channel));
    }

    /// <summary><c>chat.postEphemeral</c>: visible to <paramref name="user"/> only, not persisted. Returns the <c>message_ts</c>.</summary>
    public async Task<SlackApiResult<string>> PostEphemeralAsync(string channel, string user, JsonObject message, string? threadTs = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentException.ThrowIfNullOrEmpty(user);
        var body = Copy(message);
        body["channel"] = channel;
        body["user"] = user;
        if (threadTs is not null) body["thread_ts"] = threadTs;
        var result = await CallAsync("chat.postEphemeral", Json(body), ct);
        return With(result, r => Str(r, "message_ts"));
    }

    /// <summary><c>chat.update</c>: replaces the text/blocks of the message <paramref name="ts"/> in <paramref name="channel"/>.</summary>
    public async Task<SlackApiResult<SlackMessageRef>> UpdateMessageAsync(string channel, string ts, JsonObject message, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentException.ThrowIfNullOrEmpty(ts);
        var body = Copy(message);
        body["channel"] = channel;
        body["ts"] = ts;
        var result = await CallAsync("chat.update", Json(body), ct);
        return With(result, r => MessageRef(r, channel));
    }

    /// <summary><c>views.open</c>: opens a modal. <paramref name="triggerId"/> is only good for 3 seconds after Slack sent it. Returns the view id.</summary>
    public async Task<SlackApiResult<string>> OpenViewAsync(string triggerId, JsonObject view, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(triggerId);
        ArgumentNullException.ThrowIfNull(view);
        var body = new JsonObject { ["trigger_id"] = triggerId, ["view"] = view.DeepClone() };
        var result = await CallAsync("views.open", Json(body), ct);
        return With(result, r => Str(r["view"] as JsonObject, "id"));
    }

    /// <summary><c>views.publish</c>: sets <paramref name="userId"/>'s App Home tab (<c>view.type</c> = <c>home</c>). Returns the view id.</summary>
    /// <param name="hash">The previous view's hash, to refuse the update if the view changed meanwhile (<c>hash_conflict</c>).</param>
    public async Task<SlackApiResult<string>> PublishHomeAsync(string userId, JsonObject view, string? hash = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(view);
        var body = new JsonObject { ["user_id"] = userId, ["view"] = view.DeepClone() };
        if (hash is not null) body["hash"] = hash;
        var result = await CallAsync("views.publish", Json(body), ct);
        return With(result, r => Str(r["view"] as JsonObject, "id"));
    }

    /// <summary><c>users.info</c> with <c>include_locale=true</c>: time zone, locale, e-mail (scope <c>users:read.email</c>), bot flag.</summary>
    public async Task<SlackApiResult<SlackUser>> UsersInfoAsync(string userId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var result = await CallAsync("users.info", Form(("user", userId), ("include_locale", "true")), ct);
        return With(result, r => UserOf(r["user"] as JsonObject));
    }

    /// <summary>
    /// <c>users.lookupByEmail</c> (scope <c>users:read.email</c>). An unknown address is not <see cref="SlackApiResult.Ok"/>:
    /// Slack answers <c>users_not_found</c>, and <see cref="SlackApiResult{T}.Value"/> is null.
    /// </summary>
    public async Task<SlackApiResult<SlackUser>> LookupByEmailAsync(string email, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(email);
        var result = await CallAsync("users.lookupByEmail", Form(("email", email)), ct);
        return With(result, r => UserOf(r["user"] as JsonObject));
    }

    /// <summary><c>conversations.open</c> with one user: the DM channel id (<c>D…</c>) to post to. Cache it; it does not change.</summary>
    public async Task<SlackApiResult<string>> OpenConversationAsync(string userId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var result = await CallAsync("conversations.open", Json(new JsonObject { ["users"] = userId }), ct);
        return With(result, r => Str(r["channel"] as JsonObject, "id"));
    }
}
