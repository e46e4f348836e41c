using System.Text.Json;
using AccountCoachBot.Channels.BotFramework.Auth;
using AccountCoachBot.Channels.Inbox;
using AccountCoachBot.Conversation;
using AccountCoachBot.Data;
using AccountCoachBot.Scheduling;

namespace AccountCoachBot.Channels.BotFramework;

/// <summary>
/// Runs the turn of one activity and posts its replies to the channel's serviceUrl: off the request, from the inbox
/// (<see cref="IInboxHandler"/>), or on the request itself when it must answer there or the inbox cannot be written.
/// </summary>
public sealed class ActivityTurnRunner(TurnPipeline pipeline, ConnectorClient connector, ILogger<ActivityTurnRunner> logger,
    CoachDbContext db, TimeProvider time, IConfiguration configuration) : IInboxHandler
{
    private readonly TeamsAppLimit _appLimit = new(configuration);

    public const string MessageKind = "message";
    public const string InstalledKind = "installed";

    public string Transport => ActivityMapper.Transport;

    public async Task RunAsync(InboxItem item, CancellationToken ct)
    {
        // A recorded activity is tried again if the database goes away mid-turn, so no apology is due yet.
        await RunAsync(ActivityOf(item), item.Kind == InstalledKind ? InboundKind.Installed : InboundKind.Message, ct, retriedLater: true);
    }

    /// <summary>A message waits for the database; an install's welcome simply comes later.</summary>
    public async Task ApologiseAsync(InboxItem item, CancellationToken ct)
    {
        if (item.Kind != MessageKind) return;
        var activity = ActivityOf(item);
        await SendReplyAsync(activity, new Reply(PipelineTexts.DatabaseDownKept[PipelineTexts.LanguageWithoutRecords(activity.Text, activity.Locale)]), ct);
    }

    private static Activity ActivityOf(InboxItem item) =>
        JsonSerializer.Deserialize<Activity>(item.PayloadJson, BotFrameworkJson.Options)
        ?? throw new InvalidOperationException("An inbox row without its activity");

    public async Task RunAsync(Activity activity, InboundKind kind, CancellationToken ct, bool retriedLater = false)
    {
        var inbound = ActivityMapper.ToInbound(activity, kind);
        // Every line of the turn, the replies' included, carries its id.
        using var correlation = AccountCoachBot.Operations.Correlation.Turn(logger, inbound.DeliveryId);
        if (kind == InboundKind.Installed && activity.ChannelId == "msteams")
            inbound = inbound with { Sender = inbound.Sender with { Email = await TeamsEmailAsync(activity, activity.From!.Id!, ct) } };
        if (inbound.Mentions is { Count: > 0 } mentions && activity.ChannelId == "msteams")
            inbound = inbound with { Mentions = await WithMembersAsync(activity, mentions, ct) };
        var replies = await pipeline.HandleAsync(inbound, ct, retriedLater);
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
        await TakeAppBudgetAsync(inbound, ct);
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

    /// <summary>Replies go out on the connector; a throttled one is retried briefly, honouring Retry-After.</summary>
    public async Task SendReplyAsync(Activity inbound, Reply reply, CancellationToken ct)
    {
        var outbound = ActivityMapper.ToReply(inbound, reply);
        for (var attempt = 1; ; attempt++)
        {
            await TakeAppBudgetAsync(inbound, ct);
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

    /// <summary>
    /// Teams' per-app budget (<see cref="TeamsAppLimit"/>) is one for the tenant: the outbox's nudges and the replies
    /// of every instance draw on it in the database. A reply takes its place in it at once and, when the budget is spent,
    /// waits its turn on a timer (no thread waits; off the request but for an invoke). Without the database the reply
    /// goes unpaced rather than not at all.
    /// </summary>
    private async Task TakeAppBudgetAsync(Activity inbound, CancellationToken ct)
    {
        if (_appLimit.For(ActivityMapper.ReferenceOf(inbound)) is not { } limit) return;
        DateTime slot;
        try
        {
            slot = await SharedBudget.SpendAsync(db, limit, time.GetUtcNow().UtcDateTime, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Teams' app budget could not be read; the reply goes without it: {Error}", e.Message);
            return;
        }
        var wait = slot - time.GetUtcNow().UtcDateTime;
        if (wait > TimeSpan.Zero) await Task.Delay(wait, time, ct);
    }
}
