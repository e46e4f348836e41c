using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using static AccountCoachBot.Channels.Slack.SlackJson;
using AccountCoachBot.Channels.Inbox;
using AccountCoachBot.Conversation;
using Microsoft.Extensions.Options;

namespace AccountCoachBot.Channels.Slack;

/// <summary>
/// Turns one recorded Slack request into a turn of the pipeline and delivers the replies: in the DM, as an
/// ephemeral answer to a slash command, or in place of the message whose button was pressed.
/// </summary>
public sealed class SlackTurnRunner(
    TurnPipeline pipeline,
    SlackApiClient api,
    SlackDirectory directory,
    SlackAppHome home,
    IHttpClientFactory httpClients,
    IOptions<SlackOptions> options,
    ILogger<SlackTurnRunner> logger,
    SlackRateLimits? limits = null) : IInboxHandler
{
    public const string ResponseUrlClient = "SlackResponseUrl";

    public string Transport => SlackReference.Transport;

    public async Task RunAsync(InboxItem item, CancellationToken ct)
    {
        var payload = PayloadOf(item);
        // Replies are delivered after the pipeline's own scope has closed: their log lines name the turn too.
        using var correlation = AccountCoachBot.Operations.Correlation.Turn(logger, item.Kind == SlackInboxKinds.Event ? Str(payload["event_id"]) ?? item.Key : item.Key);
        switch (item.Kind)
        {
            case SlackInboxKinds.Event:
                await EventAsync(payload, ct);
                break;
            case SlackInboxKinds.Command:
                await CommandAsync(payload, item.Key, ct);
                break;
            case SlackInboxKinds.Action:
                await ActionAsync(payload, item.Key, ct);
                break;
            case SlackInboxKinds.View:
                await ViewAsync(payload, item.Key, ct);
                break;
        }
    }

    /// <summary>
    /// A slash command is answered on its response_url, a message for the person alone where it was written; a button
    /// or a form shows its result once its turn runs.
    /// </summary>
    public async Task ApologiseAsync(InboxItem item, CancellationToken ct)
    {
        var payload = PayloadOf(item);
        switch (item.Kind)
        {
            case SlackInboxKinds.Command when Str(payload["response_url"]) is { } responseUrl:
                await RespondAsync(responseUrl, Apology(Str(payload["text"])), ct);
                return;
            case SlackInboxKinds.Event when payload["event"] is JsonObject e && Str(e["type"]) is "message" or "app_mention"
                && Str(e["bot_id"]) is null && Str(e["subtype"]) is null && Str(e["user"]) is { } user && Str(e["channel"]) is { } channel:
                var threadTs = Str(e["channel_type"]) == "im" ? null : Str(e["thread_ts"]) ?? Str(e["ts"]);
                var result = await api.PostEphemeralAsync(channel, user, SlackMessages.Render(Apology(Str(e["text"]))), threadTs, ct);
                if (!result.Ok) logger.LogWarning("Slack chat.postEphemeral failed: {Error}", result.Error);
                return;
        }
    }

    private static Reply Apology(string? text) => new(PipelineTexts.DatabaseDownKept[PipelineTexts.LanguageWithoutRecords(text, null)]);

    private static JsonObject PayloadOf(InboxItem item) =>
        item.Kind == SlackInboxKinds.Command && SlackForm.IsForm(item.PayloadJson)
            ? SlackForm.ToJson(item.PayloadJson)
            : JsonNode.Parse(item.PayloadJson)!.AsObject();

    private async Task EventAsync(JsonObject envelope, CancellationToken ct)
    {
        var team = Str(envelope["team_id"]) ?? "";
        if (envelope["event"] is not JsonObject e) return;
        var user = Str(e["user"]);
        if (user is null) return;

        switch (Str(e["type"]))
        {
            case "app_home_opened" when Str(e["tab"]) is null or "home":
                await home.PublishAsync(team, user, await InboundForAsync(team, user, null, null, null, $"home:{Str(envelope["event_id"])}", ct), ct);
                return;
            case "message" when Str(e["channel_type"]) == "im":
            case "app_mention":
                // Never answer ourselves or other bots, nor edits and joins.
                if (Str(e["bot_id"]) is not null || Str(e["subtype"]) is not null) return;
                if (user == await directory.BotUserIdAsync(ct)) return;
                var (text, mentions) = await SlackMentions.ReadAsync(Str(e["text"]) ?? "", team, await directory.BotUserIdAsync(ct), directory, ct);
                var channel = Str(e["channel"])!;
                var isDm = Str(e["channel_type"]) == "im";
                var inbound = await InboundForAsync(team, user, isDm ? channel : null, text, null, Str(envelope["event_id"])!, ct);
                if (inbound is null) return;
                inbound = inbound with { Mentions = mentions, TypedIn = isDm ? null : SlackDestinations.ChannelPlace(channel) };
                var replies = await pipeline.HandleAsync(inbound, ct, retriedLater: true);
                var threadTs = isDm ? null : Str(e["thread_ts"]) ?? Str(e["ts"]);
                foreach (var reply in replies)
                {
                    // "Thinking…" is for the person alone and leaves no trace in the conversation.
                    if (reply.IsInterim && (await api.PostEphemeralAsync(channel, user, SlackMessages.Render(reply), threadTs, ct)).Ok) continue;
                    await PostAsync(channel, reply, threadTs, ct);
                }
                return;
        }
    }

    private async Task CommandAsync(JsonObject fields, string deliveryId, CancellationToken ct)
    {
        var team = Str(fields["team_id"]) ?? "";
        var user = Str(fields["user_id"])!;
        var (text, mentions) = await SlackMentions.ReadAsync(Str(fields["text"]) ?? "help", team, null, directory, ct);
        var inbound = await InboundForAsync(team, user, null, text, null, deliveryId, ct);
        if (inbound is null) return;
        // Answers go to the person alone, but the channel it was typed in is the place `digest channel here` means.
        inbound = inbound with { Mentions = mentions, TypedIn = SlackDestinations.ChannelPlace(Str(fields["channel_id"])) };
        var replies = await pipeline.HandleAsync(inbound, ct, retriedLater: true);

        var responseUrl = Str(fields["response_url"]);
        foreach (var reply in replies)
        {
            // A picture cannot be ephemeral: a reply with one goes to the person's DM, where the file can follow it.
            if (reply.Image is null && responseUrl is not null && await RespondAsync(responseUrl, reply, ct)) continue;
            await PostAsync(SlackReference.FromJson(inbound.Address.ReferenceJson)!.Channel, reply, null, ct);
        }
    }

    private async Task ActionAsync(JsonObject payload, string deliveryId, CancellationToken ct)
    {
        if (payload["actions"] is not JsonArray { Count: > 0 } actions || actions[0] is not JsonObject element) return;
        if (SlackActionParser.FromBlockAction(element) is not { } action) return;
        await RunActionAsync(payload, SlackMessages.Clean(action), Str(payload["container"], "channel_id") ?? Str(payload["channel"], "id"),
            Str(payload["container"], "message_ts"), deliveryId, ct);
    }

    private async Task ViewAsync(JsonObject payload, string deliveryId, CancellationToken ct)
    {
        if (payload["view"] is not JsonObject view || SlackActionParser.FromViewSubmission(view) is not { } action) return;
        await RunActionAsync(payload, SlackMessages.Clean(action), action.Get(SlackMessages.ChannelKey), action.Get(SlackMessages.MessageTsKey), deliveryId, ct);
    }

    /// <summary>
    /// A button's answer replaces the message it was pressed on (a reminder becomes "Done ✓"). In a channel others
    /// read, only an answer meant for everyone does; any other answer (a refusal, a welcome) goes to the person who
    /// pressed alone, as an ephemeral message.
    /// </summary>
    private async Task RunActionAsync(JsonObject payload, SubmittedAction action, string? channel, string? messageTs, string deliveryId, CancellationToken ct)
    {
        var team = Str(payload["team"], "id") ?? Str(payload["user"], "team_id") ?? "";
        // A payload without a user has no one to answer.
        if (Str(payload["user"], "id") is not { } user) return;
        var inbound = await InboundForAsync(team, user, null, null, action, deliveryId, ct);
        if (inbound is null) return;
        var replies = await pipeline.HandleAsync(inbound, ct, retriedLater: true);
        var dm = SlackReference.FromJson(inbound.Address.ReferenceJson)!.Channel;
        var target = channel ?? dm;
        var shared = channel is not null && !IsDirectMessage(channel);
        var replaced = false;
        foreach (var reply in replies)
        {
            if (shared && !reply.ForEveryone)
            {
                var ephemeral = await api.PostEphemeralAsync(channel!, user, SlackMessages.Render(reply), null, ct);
                if (ephemeral.Ok)
                {
                    // Files are never ephemeral: the picture goes to the person's DM rather than to everyone.
                    if (reply.Image is { } image) await SlackImages.ShareAsync(api, dm, image, null, logger, ct);
                    continue;
                }
                logger.LogWarning("Slack chat.postEphemeral failed: {Error}", ephemeral.Error);
                await PostAsync(dm, reply, null, ct);
                continue;
            }
            if (!replaced && messageTs is not null && channel is not null)
            {
                replaced = true;
                var updated = await api.UpdateMessageAsync(channel, messageTs, SlackMessages.Render(reply), ct);
                if (updated.Ok)
                {
                    if (reply.Image is { } image) await SlackImages.ShareAsync(api, channel, image, null, logger, ct);
                    continue;
                }
                logger.LogWarning("Slack chat.update failed: {Error}", updated.Error);
            }
            await PostAsync(target, reply, null, ct);
        }
    }

    /// <summary>DM channel ids start with D; channels (C…) and private channels or group DMs (G…) are read by others.</summary>
    private static bool IsDirectMessage(string channel) => channel.StartsWith('D');

    /// <summary>The turn as the pipeline sees it; the address is the person's DM with the bot, for nudges.</summary>
    private async Task<InboundMessage?> InboundForAsync(string team, string user, string? dmChannel, string? text, SubmittedAction? action, string deliveryId, CancellationToken ct)
    {
        var profile = await directory.UserAsync(user, ct);
        if (profile is { IsBot: true }) return null;
        var channel = dmChannel ?? await directory.DirectChannelAsync(user, ct);
        if (channel is null) return null;
        var reference = new SlackReference(team, channel, user);
        return new InboundMessage(
            SlackReference.Transport,
            deliveryId,
            new Sender(SlackReference.IdentityOf(team, user), profile?.RealName ?? profile?.Name, profile?.Email),
            new InboundAddress(SlackReference.Transport, reference.AddressKey, reference.ToJson(), IsShared: false), // always their DM, never a channel
            text,
            action,
            profile?.Locale,
            profile?.TimeZone);
    }

    private async Task PostAsync(string channel, Reply reply, string? threadTs, CancellationToken ct)
    {
        // A reply goes now, but spends the channel's budget: the outbox's nudges to it wait behind it.
        if (limits is not null) await limits.SpendAsync(channel, ct);
        var result = await api.PostMessageAsync(channel, SlackMessages.Render(reply), threadTs, ct);
        if (!result.Ok) logger.LogWarning("Slack chat.postMessage failed: {Error}", result.Error);
        else if (reply.Image is { } image) await SlackImages.ShareAsync(api, result.Value?.Channel ?? channel, image, threadTs, logger, ct);
    }

    /// <summary>A slash command's answer, visible only to the person, wherever they typed it.</summary>
    private async Task<bool> RespondAsync(string responseUrl, Reply reply, CancellationToken ct)
    {
        if (!Uri.TryCreate(responseUrl, UriKind.Absolute, out var url) || !IsSlackHost(url)) return false;
        var message = SlackMessages.Render(reply);
        message["response_type"] = "ephemeral";
        try
        {
            // Serialized up front so the post carries a Content-Length rather than a chunked body.
            using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(message));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            using var response = await httpClients.CreateClient(ResponseUrlClient).PostAsync(url, content, ct);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning("Slack response_url failed: {Error}", e.Message);
            return false;
        }
    }

    /// <summary>Only Slack's own hosts (or the configured API host, a loopback fake in tests) get our answers.</summary>
    private bool IsSlackHost(Uri url) =>
        (url.Scheme == Uri.UriSchemeHttps && (url.Host == "hooks.slack.com" || url.Host.EndsWith(".slack.com", StringComparison.OrdinalIgnoreCase)))
        || (Uri.TryCreate(options.Value.ApiBaseUrl, UriKind.Absolute, out var api) && api.Host == url.Host && api.Port == url.Port);
}
