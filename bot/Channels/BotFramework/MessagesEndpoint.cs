using System.Text.Json;
using System.Text.Json.Nodes;
using AccountCoachBot.Channels.BotFramework.Auth;
using AccountCoachBot.Conversation;
using Microsoft.Extensions.Options;

namespace AccountCoachBot.Channels.BotFramework;

/// <summary>
/// POST /api/messages: parse the activity, authenticate it before trusting anything in it, run the turn,
/// send the replies to the channel's serviceUrl, and answer the HTTP request per the protocol.
/// </summary>
public sealed class MessagesEndpoint(
    IBotFrameworkAuthenticator authenticator,
    IOptions<BotFrameworkOptions> options,
    TurnPipeline pipeline,
    ConnectorClient connector,
    ILogger<MessagesEndpoint> logger)
{
    public const int MaxBodyBytes = 256 * 1024;
    private const string InvokeMessageType = "application/vnd.microsoft.activity.message";

    public async Task<IResult> HandleAsync(HttpContext http, CancellationToken ct)
    {
        if (http.Request.ContentLength > MaxBodyBytes) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        var body = await ReadBodyAsync(http.Request, ct);
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
                await RunTurnAsync(activity, InboundKind.Message, ct);
                return Results.Ok();
            case ActivityTypes.ConversationUpdate when activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) == true:
            case ActivityTypes.InstallationUpdate when activity.Action is "add" or "add-upgrade":
                await RunTurnAsync(activity, InboundKind.Installed, ct);
                return Results.Ok();
            case ActivityTypes.Invoke when activity.Name == "adaptiveCard/action":
                return await InvokeActionAsync(activity, ct);
            case ActivityTypes.Invoke:
                return Results.StatusCode(StatusCodes.Status501NotImplemented);
            default:
                return Results.Ok();
        }
    }

    private async Task RunTurnAsync(Activity activity, InboundKind kind, CancellationToken ct)
    {
        var inbound = ActivityMapper.ToInbound(activity, kind);
        if (kind == InboundKind.Installed && activity.ChannelId == "msteams")
            inbound = inbound with { Sender = inbound.Sender with { Email = await TeamsEmailAsync(activity, activity.From!.Id!, ct) } };
        if (inbound.Mentions is { Count: > 0 } mentions && activity.ChannelId == "msteams")
            inbound = inbound with { Mentions = await WithMembersAsync(activity, mentions, ct) };
        var replies = await pipeline.HandleAsync(inbound, ct);
        for (var i = 0; i < replies.Count; i++)
        {
            // A button's answer replaces the card it was pressed on (a reminder becomes "Done — on time"); in a
            // channel or group chat only an answer meant for everyone does, so a refusal can't wipe a nudge.
            var shared = activity.Conversation!.IsGroup == true || activity.Conversation.ConversationType is "channel" or "groupChat";
            if (i == 0 && activity.Value is not null && activity.ReplyToId is { } cardId && (!shared || replies[0].ForEveryone)
                && await TryUpdateAsync(activity, cardId, replies[0], ct))
                continue;
            await SendReplyAsync(activity, replies[i], ct);
        }
    }

    /// <summary>
    /// Teams tells a member's email only when asked; asked once, at install, it links the person to the same
    /// person in Slack.
    /// </summary>
    private async Task<string?> TeamsEmailAsync(Activity activity, string memberId, CancellationToken ct) =>
        EmailOf(await TeamsMemberAsync(activity, memberId, ct));

    private async Task<ChannelAccount?> TeamsMemberAsync(Activity activity, string memberId, CancellationToken ct)
    {
        try
        {
            return await connector.GetMemberAsync(activity.ServiceUrl!, activity.Conversation!.Id!, memberId, ct);
        }
        catch (Exception e) when (e is ConnectorTokenException or HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning("Teams member lookup failed: {Error}", e.Message);
            return null;
        }
    }

    private static string? EmailOf(ChannelAccount? member)
    {
        var email = ExtraString(member, "email") ?? ExtraString(member, "userPrincipalName");
        return email is not null && email.Contains('@') ? email : null;
    }

    private static string? ExtraString(ChannelAccount? member, string key) =>
        member?.Extra?.TryGetValue(key, out var value) == true && value.ValueKind == System.Text.Json.JsonValueKind.String ? value.GetString() : null;

    /// <summary>
    /// People mentioned are members of the conversation: the member lookup gives their email (so a team named by
    /// mention finds them) and their tenant. A Teams mention entity carries only <c>mentioned.id</c> (29:…) and
    /// <c>name</c>; the tenant is the looked-up member's <c>tenantId</c> (TeamsChannelAccount, returned by
    /// <c>GET v3/conversations/{id}/members/{memberId}</c> — Bot Framework Connector API, botbuilder <c>TeamsInfo.getMember</c>).
    /// One that differs from the activity's (<c>channelData.tenant.id</c> / <c>conversation.tenantId</c>) is someone of
    /// another organisation (a federated chat) and is refused like a Slack user of another workspace. A guest's account
    /// lives in our tenant, so a guest is ours; with no tenant on either side nothing can be told, and the mention stands.
    /// </summary>
    private async Task<IReadOnlyList<MentionedPerson>> WithMembersAsync(Activity activity, IReadOnlyList<MentionedPerson> mentions, CancellationToken ct)
    {
        var tenant = ActivityMapper.ReferenceOf(activity).TenantId;
        var looked = new List<MentionedPerson>();
        foreach (var mention in mentions)
        {
            var member = await TeamsMemberAsync(activity, mention.ExternalId, ct);
            var theirs = ExtraString(member, "tenantId");
            var foreign = tenant is { Length: > 0 } && theirs is { Length: > 0 } && !string.Equals(theirs, tenant, StringComparison.OrdinalIgnoreCase);
            looked.Add(mention with { Email = mention.Email ?? EmailOf(member), Foreign = mention.Foreign || foreign });
        }
        return looked;
    }

    private async Task<bool> TryUpdateAsync(Activity inbound, string cardId, Reply reply, CancellationToken ct)
    {
        var update = ActivityMapper.ToMessage(ActivityMapper.ReferenceOf(inbound), reply);
        update.Id = cardId;
        try
        {
            var result = await connector.UpdateActivityAsync(inbound.ServiceUrl!, inbound.Conversation!.Id!, cardId, update, ct);
            return result.Succeeded;
        }
        catch (Exception e) when (e is ConnectorTokenException or HttpRequestException)
        {
            logger.LogWarning("Card update failed: {Error}", e.Message);
            return false;
        }
    }

    /// <summary>Action.Execute: the same turn, answered in the invoke response as the protocol requires.</summary>
    private async Task<IResult> InvokeActionAsync(Activity activity, CancellationToken ct)
    {
        var inbound = ActivityMapper.ToInbound(activity, InboundKind.Message);
        if (inbound.Action is null)
            return Results.Json(new JsonObject
            {
                ["statusCode"] = 400,
                ["type"] = "application/vnd.microsoft.error",
                ["value"] = new JsonObject { ["code"] = "BadRequest", ["message"] = "The action has no verb." },
            }, statusCode: 200);

        var replies = await pipeline.HandleAsync(inbound, ct);
        foreach (var reply in replies)
            await SendReplyAsync(activity, reply, ct);
        return Results.Json(new JsonObject
        {
            ["statusCode"] = 200,
            ["type"] = InvokeMessageType,
            ["value"] = replies.Count > 0 ? replies[^1].Text.Split('\n')[0] : "",
        }, statusCode: 200);
    }

    /// <summary>Replies go out on the connector; a throttled one is retried briefly, honouring Retry-After.</summary>
    private async Task SendReplyAsync(Activity inbound, Reply reply, CancellationToken ct)
    {
        var outbound = ActivityMapper.ToReply(inbound, reply);
        for (var attempt = 1; ; attempt++)
        {
            ConnectorResult result;
            try
            {
                result = inbound.Id is null
                    ? await connector.SendToConversationAsync(inbound.ServiceUrl!, inbound.Conversation!.Id!, outbound, ct)
                    : await connector.ReplyToActivityAsync(inbound.ServiceUrl!, inbound.Conversation!.Id!, inbound.Id, outbound, ct);
            }
            catch (Exception e) when (e is ConnectorTokenException or HttpRequestException)
            {
                // The turn's changes are saved; only this reply is lost, and the logs say why.
                logger.LogError("Reply not delivered: {Error}", e.Message);
                return;
            }
            if (!result.Succeeded && result.MayBeTheImage && reply.Image is not null)
            {
                // The answer matters more than its picture: send it again without one.
                logger.LogWarning("Teams refused a reply with an image ({Status} {Code}); sending it without the image", (int)result.Status, result.ErrorCode);
                await SendReplyAsync(inbound, reply with { Image = null }, ct);
                return;
            }
            if (result.Succeeded || !result.IsTransient || attempt == 3)
            {
                if (!result.Succeeded) logger.LogWarning("Reply not delivered: {Status} {Code}", (int)result.Status, result.ErrorCode);
                return;
            }
            var delay = result.RetryAfter ?? TimeSpan.FromSeconds(Math.Pow(2, attempt) * (0.8 + 0.4 * Random.Shared.NextDouble()));
            await Task.Delay(delay > TimeSpan.FromSeconds(10) ? TimeSpan.FromSeconds(10) : delay, ct);
        }
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes) return null;
        }
        return buffer.ToArray();
    }
}
