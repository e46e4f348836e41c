using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AccountCoachBot.Channels.Slack;

// One call on the wire: the rate limits first, then the request, and Slack's answer read into a SlackApiResult.
public sealed partial class SlackApiClient
{
    private static readonly MediaTypeHeaderValue JsonUtf8 = new("application/json") { CharSet = "utf-8" };

    /// <summary>Non-ASCII text (Russian) goes out as UTF-8, not as \u escapes; bodies are never embedded in HTML.</summary>
    private static readonly JsonSerializerOptions BodyJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

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
