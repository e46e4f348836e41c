using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AccountCoachBot.Conversation;

namespace AccountCoachBot.Channels.BotFramework;

/// <summary>Wire activity -> normalized inbound message; reply -> outbound activity.</summary>
public static partial class ActivityMapper
{
    public const string Transport = "botframework";

    public static ConversationReference ReferenceOf(Activity activity) => new()
    {
        ActivityId = activity.Id,
        User = activity.From,
        Bot = activity.Recipient,
        Conversation = activity.Conversation,
        ChannelId = activity.ChannelId,
        ServiceUrl = activity.ServiceUrl,
        Locale = activity.Locale,
        TenantId = activity.Conversation?.TenantId ?? Str(((activity.ChannelData as JsonObject)?["tenant"] as JsonObject)?["id"]),
    };

    public static InboundMessage ToInbound(Activity activity, InboundKind kind)
    {
        var reference = ReferenceOf(activity);
        var address = new InboundAddress(Transport, AddressKey(activity.ChannelId!, activity.Conversation!.Id!),
            JsonSerializer.Serialize(reference, BotFrameworkJson.Options), IsShared(activity.Conversation));
        var (text, mentions) = CleanText(activity);
        return new InboundMessage(
            Channel: activity.ChannelId!,
            DeliveryId: activity.Id ?? Guid.NewGuid().ToString("N"),
            Sender: new Sender(activity.From!.Id!, activity.From.Name, DirectoryId: activity.From.AadObjectId),
            Address: address,
            Text: text,
            Action: ActionOf(activity.Value),
            Locale: activity.Locale,
            TimeZone: activity.LocalTimezone ?? ClientInfoTimeZone(activity),
            Kind: kind,
            Mentions: mentions);
    }

    /// <summary>A Teams channel or group chat, where others read what the bot says.</summary>
    public static bool IsShared(ConversationAccount conversation) =>
        conversation.IsGroup == true || conversation.ConversationType is "channel" or "groupChat";

    public static string AddressKey(string channelId, string conversationId) => $"{channelId}|{conversationId}";

    /// <summary>A card submit's value: `action` names the button, everything else is payload and inputs.</summary>
    public static SubmittedAction? ActionOf(JsonNode? value)
    {
        if (value is not JsonObject data) return null;
        // Action.Execute arrives as an invoke whose value wraps the data: {action:{verb, data}}.
        if (data["action"] is JsonObject execute)
        {
            var inner = (execute["data"] as JsonObject)?.DeepClone().AsObject() ?? new JsonObject();
            if (inner[AdaptiveCardRenderer.ActionKey] is null && execute["verb"]?.GetValue<string>() is { } verb)
                inner[AdaptiveCardRenderer.ActionKey] = verb;
            data = inner;
        }
        if (data[AdaptiveCardRenderer.ActionKey] is not JsonValue idNode || !idNode.TryGetValue<string>(out var id) || string.IsNullOrWhiteSpace(id))
            return null;
        var payload = new Dictionary<string, string>();
        foreach (var (key, node) in data)
        {
            if (key == AdaptiveCardRenderer.ActionKey || node is null) continue;
            payload[AdaptiveCardRenderer.InputKey(key)] = node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node.ToJsonString();
        }
        return new SubmittedAction(id, payload);
    }

    public static Activity ToReply(Activity inbound, Reply reply) => ToMessage(ReferenceOf(inbound), reply, replyToId: inbound.Id);

    public static Activity ToMessage(ConversationReference reference, Reply reply, string? replyToId = null)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = reference.ChannelId,
            From = reference.Bot,
            Recipient = reference.User,
            Conversation = new ConversationAccount { Id = reference.Conversation?.Id, TenantId = reference.Conversation?.TenantId },
            ReplyToId = replyToId,
            Locale = reference.Locale,
        };
        // Teams shows "…" while the answer is on its way; a typing activity carries no text.
        if (reply.IsInterim)
        {
            activity.Type = ActivityTypes.Typing;
            return activity;
        }
        if (reply.Card is null)
        {
            activity.Text = reply.Text;
            activity.TextFormat = "markdown";
        }
        else
        {
            // The card carries the content; the text becomes the notification summary.
            activity.Summary = reply.Text.Split('\n')[0];
            activity.Attachments = [AdaptiveCardRenderer.ToAttachment(reply.Card)];
        }
        if (reply.Image is { } image)
            (activity.Attachments ??= []).Add(ImageAttachment(image));
        return activity;
    }

    /// <summary>
    /// A picture beside the card, inline as a data URL: Teams shows it in personal chats, group chats and channels
    /// with no Graph permission, and base64 images do not count towards the 100 KB message limit. (An Adaptive Card
    /// <c>Image</c> with a data URL has had rendering bugs in Teams desktop, so the card stays text.)
    /// </summary>
    public static Attachment ImageAttachment(ReplyImage image) => new()
    {
        ContentType = ReplyImage.ContentType,
        ContentUrl = "data:" + ReplyImage.ContentType + ";base64," + Convert.ToBase64String(image.Png),
        Name = image.FileName,
    };

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>
    /// The user's words without the bot's own @-mention (Teams channels and group chats); anyone else mentioned
    /// stays in the text as "@Name" and is carried as a <see cref="MentionedPerson"/>.
    /// </summary>
    private static (string? Text, IReadOnlyList<MentionedPerson>? Mentions) CleanText(Activity activity)
    {
        var text = activity.Text;
        if (string.IsNullOrEmpty(text)) return (text, null);
        var mentions = new List<MentionedPerson>();
        // Entities are whatever the client sent: a null, a number where a string belongs, must not end the turn.
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity is null || Str(entity["type"]) != "mention") continue;
            var mentioned = entity["mentioned"] as JsonObject;
            var id = Str(mentioned?["id"]);
            var tag = Str(entity["text"]);
            if (id == activity.Recipient?.Id)
            {
                if (tag is { Length: > 0 }) text = text.Replace(tag, "");
                continue;
            }
            if (id is null || tag is not { Length: > 0 } || !text.Contains(tag, StringComparison.Ordinal)) continue;
            var name = Str(mentioned?["name"]) ?? AtTag().Replace(tag, m => m.Groups[1].Value);
            var shown = "@" + name.Trim();
            var at = text.IndexOf(tag, StringComparison.Ordinal);
            text = text[..at] + shown + text[(at + tag.Length)..];
            mentions.Add(new MentionedPerson(id, shown, name));
        }
        return (AtTag().Replace(text, "").Trim(), mentions.Count == 0 ? null : mentions);
    }

    private static string? ClientInfoTimeZone(Activity activity) =>
        activity.Entities?.FirstOrDefault(e => e["type"]?.GetValue<string>() == "clientInfo")?["timezone"]?.GetValue<string>();

    [GeneratedRegex("<at>([^<]*)</at>")]
    private static partial Regex AtTag();
}
