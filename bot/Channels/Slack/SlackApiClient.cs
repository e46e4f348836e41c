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

    private static readonly MediaTypeHeaderValue JsonUtf8 = new("application/json") { CharSet = "utf-8" };

    /// <summary>Non-ASCII text (Russian) goes out as UTF-8, not as \u escapes; bodies are never embedded in HTML.</summary>
    private static readonly JsonSerializerOptions BodyJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

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

    private async Task<SlackApiResult> CallAsync(string method, HttpContent content, CancellationToken ct, string? channel = null)
    {
        using var _ = content;
        var settings = options.Value;
        if (limits is not null && await limits.TakeAsync(method, channel, ct) is { } wait)
        {
            // Slack would refuse it: not sent, answered as Slack would, so callers reschedule as for a 429.
            logger.LogInformation("Slack {Method} held back for {Wait} (rate limit)", method, wait);
            return new SlackApiResult(method, 0, false, SlackApiResult.HeldBack, wait, null, null);
        }
        var token = settings.BotToken?.Trim();
        if (string.IsNullOrEmpty(token))
        {
            logger.LogError("Slack {Method} not sent: no Slack:BotToken is configured", method);
            return new SlackApiResult(method, 0, false, SlackApiResult.NotConfigured, null, null, null);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, MethodUrl(settings.ApiBaseUrl, method)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Slack {Method} timed out after {Timeout}; it may still have taken effect", method, http.Timeout);
            return new SlackApiResult(method, 0, false, SlackApiResult.TransportTimeout, null, null, null);
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning("Slack {Method} failed before an answer arrived: {Reason}", method, e.HttpRequestError);
            return new SlackApiResult(method, 0, false, SlackApiResult.TransportError, null, null, null);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var retryAfter = RetryAfterOf(response);
            if (status == 429)
            {
                metrics?.PlatformThrottled("slack");
                // Slack's limits are per method: this one waits, the others go on.
                if (limits is not null) await limits.HoldAsync(method, channel, retryAfter ?? TimeSpan.FromSeconds(1), ct);
            }
            JsonObject? body;
            try
            {
                body = await ReadObjectAsync(response, ct);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning("Slack {Method} timed out reading the answer after {Timeout}; it may still have taken effect", method, http.Timeout);
                return new SlackApiResult(method, status, false, SlackApiResult.TransportTimeout, retryAfter, null, null);
            }
            catch (HttpRequestException e)
            {
                logger.LogWarning("Slack {Method} answer could not be read: {Reason}", method, e.HttpRequestError);
                return new SlackApiResult(method, status, false, SlackApiResult.TransportError, retryAfter, null, null);
            }

            var success = response.IsSuccessStatusCode;
            var ok = success && body?["ok"] is JsonValue okValue && okValue.TryGetValue<bool>(out var okFlag) && okFlag;
            var error = ok ? null
                : Str(body, "error") ?? (success ? SlackApiResult.InvalidResponse : $"http_{status}");
            var result = new SlackApiResult(method, status, ok, error, retryAfter, WarningOf(body), body);
            Log(result, body);
            return result;
        }
    }

    private void Log(SlackApiResult result, JsonObject? body)
    {
        if (result.Warning is not null)
            logger.LogWarning("Slack {Method} warned: {Warning} {Messages}", result.Method, result.Warning, MessagesOf(body));
        if (result.Ok) return;

        if (result.IsAuthProblem)
            logger.LogError("Slack refused the bot token for {Method} ({Error}); check Slack:BotToken, the app's installation and its scopes",
                result.Method, result.Error);
        else if (result.IsTransient)
            logger.LogWarning("Slack {Method} answered {Status} {Error} (transient, retry after {RetryAfter})",
                result.Method, result.HttpStatus, result.Error, result.RetryAfter);
        else
            logger.LogWarning("Slack {Method} answered {Status} {Error} {Messages}", result.Method, result.HttpStatus, result.Error, MessagesOf(body));
    }

    /// <summary><c>{base}/{method}</c> whether or not the configured base ends with a slash.</summary>
    internal static Uri MethodUrl(string apiBaseUrl, string method) => new(apiBaseUrl.TrimEnd('/') + "/" + method, UriKind.Absolute);

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private static ByteArrayContent Json(JsonObject body)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, BodyJson));
        content.Headers.ContentType = JsonUtf8;
        return content;
    }

    private static JsonObject Copy(JsonObject message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.DeepClone().AsObject();
    }

    private static SlackApiResult<T> With<T>(SlackApiResult r, Func<JsonObject, T?> value) where T : class =>
        new(r.Method, r.HttpStatus, r.Ok, r.Error, r.RetryAfter, r.Warning, r.Response, r.Ok && r.Response is { } body ? value(body) : null);

    private static SlackMessageRef? MessageRef(JsonObject response, string requestedChannel) =>
        Str(response, "ts") is { } ts ? new SlackMessageRef(Str(response, "channel") ?? requestedChannel, ts) : null;

    private static SlackUser? UserOf(JsonObject? user)
    {
        if (Str(user, "id") is not { } id) return null;
        var profile = user!["profile"] as JsonObject;
        return new SlackUser(
            id,
            Str(user, "name"),
            Str(user, "real_name") ?? Str(profile, "real_name"),
            Str(user, "tz"),
            user["tz_offset"] is JsonValue offset && offset.TryGetValue<int>(out var seconds) ? seconds : null,
            Str(user, "locale"),
            Str(profile, "email"),
            Bool(user, "is_bot"),
            Bool(user, "deleted"),
            Str(user, "team_id"));
    }

    private static string? Str(JsonObject? o, string key) =>
        o?[key] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

    private static bool Bool(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    private static string? WarningOf(JsonObject? body)
    {
        if (Str(body, "warning") is { } warning) return warning;
        var warnings = (body?["response_metadata"] as JsonObject)?["warnings"] as JsonArray;
        var list = warnings?.OfType<JsonValue>().Select(w => w.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToList();
        return list is { Count: > 0 } ? string.Join(",", list) : null;
    }

    /// <summary><c>response_metadata.messages</c>, e.g. <c>[ERROR] invalid_keys [json-pointer:/blocks/0/text]</c>: says which block Slack rejected.</summary>
    private static string MessagesOf(JsonObject? body) =>
        (body?["response_metadata"] as JsonObject)?["messages"] is JsonArray messages
            ? string.Join("; ", messages.OfType<JsonValue>().Select(m => m.TryGetValue<string>(out var s) ? s : null).OfType<string>())
            : "";

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date) return date - DateTimeOffset.UtcNow is var d && d > TimeSpan.Zero ? d : TimeSpan.Zero;
        // Tolerate a fractional or padded value ("1.5") that the typed header parser rejects.
        if (response.Headers.TryGetValues("Retry-After", out var raw)
            && double.TryParse(raw.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            return TimeSpan.FromSeconds(Math.Ceiling(seconds));
        return null;
    }

    private static async Task<JsonObject?> ReadObjectAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        if (bytes.Length == 0) return null;
        try
        {
            return JsonNode.Parse(bytes) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
