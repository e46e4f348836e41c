using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AccountCoachBot.Channels.BotFramework.Auth;

namespace AccountCoachBot.Channels.BotFramework;

/// <summary>What a connector call came to, in the terms the outbox needs.</summary>
public sealed record ConnectorResult(HttpStatusCode Status, string? ActivityId, TimeSpan? RetryAfter, string? ErrorCode)
{
    public bool Succeeded => (int)Status is >= 200 and < 300;

    /// <summary>Throttled or a transient service failure: worth trying again (412 and 500 included, as Teams advises).</summary>
    public bool IsTransient => Status is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed
        or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout or HttpStatusCode.ServiceUnavailable;

    /// <summary>Refused as too big (413 MessageSizeTooBig) or malformed: without its picture the message may still go.</summary>
    public bool MayBeTheImage => Status is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest;

    /// <summary>The bot was removed, blocked, or the conversation is gone: never retry this address.</summary>
    public bool IsGone => (Status == HttpStatusCode.Forbidden && ErrorCode is "BotNotInConversationRoster" or "MessageWritesBlocked")
        || (Status == HttpStatusCode.NotFound);
}

/// <summary>
/// The Bot Connector REST API v3 on plain HttpClient: send, reply, update. One attempt per call; the callers
/// decide about retries (briefly on the request path, through the outbox for nudges).
/// </summary>
public sealed class ConnectorClient(HttpClient http, IConnectorTokenProvider tokens, ILogger<ConnectorClient> logger, AccountCoachBot.Operations.CoachMetrics? metrics = null)
{
    public Task<ConnectorResult> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, Url(serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities"), activity, ct);

    /// <remarks>
    /// A reply goes out after the turn's pipeline has returned, outside its log scope; the activity replied to is the turn's
    /// delivery id, so what is logged here names the turn (<see cref="AccountCoachBot.Operations.Correlation.TurnId"/>).
    /// </remarks>
    public async Task<ConnectorResult> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct)
    {
        using var correlation = AccountCoachBot.Operations.Correlation.Turn(logger, activityId);
        return await SendAsync(HttpMethod.Post, Url(serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}"), activity, ct);
    }

    public Task<ConnectorResult> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct) =>
        SendAsync(HttpMethod.Put, Url(serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}"), activity, ct);

    /// <summary>One member of a conversation; in Teams it carries the person's email (for linking channels).</summary>
    public async Task<ChannelAccount?> GetMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get,
            Url(serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/members/{Uri.EscapeDataString(memberId)}"));
        var token = await tokens.GetTokenAsync(ct);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            logger.LogWarning("Bot Connector answered {Status} for a member lookup at {Host}", (int)response.StatusCode, request.RequestUri!.Host);
            return null;
        }
        return await SafeReadAsync<ChannelAccount>(response, ct);
    }

    private async Task<ConnectorResult> SendAsync(HttpMethod method, Uri url, Activity activity, CancellationToken ct)
    {
        // Serialized up front so the request carries a Content-Length: strict proxies in front of a connector
        // refuse chunked bodies, and Microsoft's SDKs send a length too.
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(activity, BotFrameworkJson.Options));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var request = new HttpRequestMessage(method, url) { Content = content };
        var token = await tokens.GetTokenAsync(ct);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await http.SendAsync(request, ct);
        if (response.IsSuccessStatusCode)
        {
            var body = await SafeReadAsync<ResourceResponse>(response, ct);
            return new ConnectorResult(response.StatusCode, body?.Id, null, null);
        }

        var error = await SafeReadAsync<ErrorResponse>(response, ct);
        // Teams puts the specific reason (MessageWritesBlocked) in subCode, next to a generic code.
        var result = new ConnectorResult(response.StatusCode, null, RetryAfterOf(response), error?.Error?.SubCode ?? error?.Error?.Code);
        if (response.StatusCode is HttpStatusCode.TooManyRequests) metrics?.PlatformThrottled("botframework");
        if (response.StatusCode is HttpStatusCode.Unauthorized || (response.StatusCode is HttpStatusCode.Forbidden && !result.IsGone))
            logger.LogError("The Bot Connector refused our credentials ({Status} {Code}) at {Host}; check MicrosoftAppId/MicrosoftAppPassword/MicrosoftAppType",
                (int)response.StatusCode, result.ErrorCode, url.Host);
        else
            logger.LogWarning("Bot Connector answered {Status} {Code} for {Method} {Host}", (int)response.StatusCode, result.ErrorCode, method, url.Host);
        return result;
    }

    private static Uri Url(string serviceUrl, string path) => new(serviceUrl.EndsWith('/') ? serviceUrl + path : serviceUrl + "/" + path);

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date) return date - DateTimeOffset.UtcNow is var d && d > TimeSpan.Zero ? d : TimeSpan.Zero;
        return null;
    }

    private static async Task<T?> SafeReadAsync<T>(HttpResponseMessage response, CancellationToken ct) where T : class
    {
        try
        {
            return response.Content.Headers.ContentLength == 0 ? null : await response.Content.ReadFromJsonAsync<T>(BotFrameworkJson.Options, ct);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or NotSupportedException)
        {
            return null;
        }
    }

    private sealed class ErrorResponse
    {
        public ErrorBody? Error { get; set; }
    }

    private sealed class ErrorBody
    {
        public string? Code { get; set; }
        public string? SubCode { get; set; }
        public string? Message { get; set; }
    }
}
