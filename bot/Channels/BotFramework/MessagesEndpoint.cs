using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AccountCoachBot.Channels.BotFramework.Auth;
using AccountCoachBot.Channels.Inbox;
using AccountCoachBot.Conversation;
using Microsoft.Extensions.Options;

namespace AccountCoachBot.Channels.BotFramework;

/// <summary>
/// POST /api/messages: parse the activity, authenticate it before trusting anything in it, record it in the inbox
/// and answer 200 once it is committed; the turn runs off the request and its replies go to the channel's
/// serviceUrl (<see cref="ActivityTurnRunner"/>). An invoke must be answered in the response, so its turn runs here.
/// </summary>
/// <remarks>
/// The turn's services are resolved only for a turn run here (an invoke, expectReplies, the database away): built for
/// every request, they were most of an ack's allocations, and their collections part of its p99.
/// </remarks>
public sealed class MessagesEndpoint(
    IBotFrameworkAuthenticator authenticator,
    IOptions<BotFrameworkOptions> options,
    InboxWriter inbox,
    ILogger<MessagesEndpoint> logger)
{
    public const int MaxBodyBytes = 256 * 1024;
    private const string InvokeMessageType = "application/vnd.microsoft.activity.message";

    public async Task<IResult> HandleAsync(HttpContext http, CancellationToken ct)
    {
        var body = await RequestBody.ReadAsync(http.Request, MaxBodyBytes, ct);
        if (body is null) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, BotFrameworkJson.Options);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }
        if (activity is null || string.IsNullOrWhiteSpace(activity.Type)) return Results.BadRequest();

        var header = http.Request.Headers.Authorization.ToString();
        var auth = await authenticator.AuthenticateAsync(string.IsNullOrEmpty(header) ? null : header, activity.ChannelId ?? "", activity.ServiceUrl ?? "", ct);
        if (!auth.Succeeded)
        {
            logger.LogWarning("Refused a request to /api/messages: {Status} {Failure}", auth.StatusCode, auth.Failure);
            return Results.StatusCode(auth.StatusCode);
        }
        if (auth.IsAnonymous && !AnonymousAccess.IsPermitted(options.Value, http.Connection.RemoteIpAddress))
            return Results.StatusCode(StatusCodes.Status401Unauthorized);

        if (activity.From?.Id is null || activity.Conversation?.Id is null || activity.ServiceUrl is null || activity.ChannelId is null)
            return activity.Type == ActivityTypes.Message ? Results.BadRequest() : Results.Ok();

        switch (activity.Type)
        {
            case ActivityTypes.Message:
                return await HandOffAsync(http, activity, body, InboundKind.Message, ct);
            case ActivityTypes.ConversationUpdate when activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) == true:
            case ActivityTypes.InstallationUpdate when activity.Action is "add" or "add-upgrade":
                return await HandOffAsync(http, activity, body, InboundKind.Installed, ct);
            case ActivityTypes.Invoke when activity.Name == "adaptiveCard/action":
                return await InvokeActionAsync(http, activity, ct);
            case ActivityTypes.Invoke:
                return Results.StatusCode(StatusCodes.Status501NotImplemented);
            default:
                return Results.Ok();
        }
    }

    /// <summary>
    /// Profiled, a synchronous turn was nine tenths of the request (the database lock and the reply's round trip).
    /// The Connector needs only to know the activity is safe: recorded (group commit, <see cref="InboxWriter"/>), it is
    /// answered at once; the turn runs in the background, after the earlier ones of its conversation.
    /// </summary>
    private async Task<IResult> HandOffAsync(HttpContext http, Activity activity, byte[] body, InboundKind kind, CancellationToken ct)
    {
        // The sender waits for the replies in the response body: the turn has to run here.
        if (string.Equals(activity.DeliveryMode, "expectReplies", StringComparison.OrdinalIgnoreCase))
        {
            await Runner(http).RunAsync(activity, kind, ct);
            return Results.Ok();
        }
        var item = new InboxItem
        {
            Transport = ActivityMapper.Transport,
            Key = InboxKey(activity),
            Kind = kind == InboundKind.Installed ? ActivityTurnRunner.InstalledKind : ActivityTurnRunner.MessageKind,
            ConversationKey = ActivityMapper.AddressKey(activity.ChannelId!, activity.Conversation!.Id!),
            PayloadJson = Encoding.UTF8.GetString(body),
        };
        long? id;
        try
        {
            id = await inbox.RecordAsync(item, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database is away: the person still gets an answer, from the turn run on this request.
            logger.LogWarning("Could not record an activity ({Error}); running its turn on the request", e.GetType().Name);
            await Runner(http).RunAsync(activity, kind, ct);
            return Results.Ok();
        }
        if (id is not null) http.Items[InboxWriter.RecordedIdItem] = id.Value;
        return Acked.Instance;
    }

    private static ActivityTurnRunner Runner(HttpContext http) => http.RequestServices.GetRequiredService<ActivityTurnRunner>();

    /// <summary>Activity ids are unique within a conversation only; hashed with it, the key has a fixed length.</summary>
    private static string InboxKey(Activity activity) =>
        activity.Id is null
            ? $"activity:{Guid.NewGuid():N}"
            : "activity:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{activity.ChannelId}|{activity.Conversation!.Id}|{activity.Id}")));

    /// <summary>Action.Execute: the same turn, answered in the invoke response as the protocol requires.</summary>
    private async Task<IResult> InvokeActionAsync(HttpContext http, Activity activity, CancellationToken ct)
    {
        var inbound = ActivityMapper.ToInbound(activity, InboundKind.Message);
        if (inbound.Action is null)
            return Results.Json(new JsonObject
            {
                ["statusCode"] = 400,
                ["type"] = "application/vnd.microsoft.error",
                ["value"] = new JsonObject { ["code"] = "BadRequest", ["message"] = "The action has no verb." },
            }, statusCode: 200);

        var replies = await http.RequestServices.GetRequiredService<TurnPipeline>().HandleAsync(inbound, ct);
        foreach (var reply in replies)
            await Runner(http).SendReplyAsync(activity, reply, ct);
        return Results.Json(new JsonObject
        {
            ["statusCode"] = 200,
            ["type"] = InvokeMessageType,
            ["value"] = replies.Count > 0 ? replies[^1].Text.Split('\n')[0] : "",
        }, statusCode: 200);
    }
}
