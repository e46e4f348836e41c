namespace AccountCoachBot.Conversation;

public enum InboundKind
{
    /// <summary>The person wrote something or pressed a button.</summary>
    Message = 0,

    /// <summary>The bot was added to a conversation (Teams install): welcome, store the address.</summary>
    Installed = 1,
}

/// <summary>
/// Who wrote, as the channel knows them. The email, when the channel gives it, links channels. <paramref name="DirectoryId"/>:
/// their Microsoft Entra object id (Teams' `from.aadObjectId`), how Graph finds their calendar.
/// </summary>
public sealed record Sender(string ExternalId, string? Name, string? Email = null, string? DirectoryId = null);

/// <summary>
/// Where the message came from, in a form the channel can use again later. <paramref name="IsShared"/>: others
/// read it (a Teams channel or group chat), so it is never the person's own place for private nudges.
/// </summary>
public sealed record InboundAddress(string Transport, string Key, string ReferenceJson, bool IsShared = false);

/// <summary>A button press: the action id and its payload (with any inputs the card carried).</summary>
public sealed record SubmittedAction(string Id, IReadOnlyDictionary<string, string> Payload)
{
    public string? Get(string key) => Payload.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
}

/// <summary>
/// Someone the message names with the channel's own mention: their id on that channel (as <see cref="Sender.ExternalId"/>
/// would be when they write), the text standing for them in <see cref="InboundMessage.Text"/> ("@Anna Petrova"),
/// and what the channel tells about them. <paramref name="Foreign"/>: from another workspace or tenant than the sender.
/// </summary>
public sealed record MentionedPerson(string ExternalId, string Text, string? Name, string? Email = null, bool Foreign = false);

/// <summary>
/// One normalized inbound turn, from any channel. <paramref name="TypedIn"/>: the shared place the message was typed
/// in when the address is not it (Slack answers in the person's DM, but a slash command or an app mention in a
/// channel names the channel); null where it was typed in the address itself.
/// </summary>
public sealed record InboundMessage(
    string Channel,
    string DeliveryId,
    Sender Sender,
    InboundAddress Address,
    string? Text,
    SubmittedAction? Action = null,
    string? Locale = null,
    string? TimeZone = null,
    InboundKind Kind = InboundKind.Message,
    IReadOnlyList<MentionedPerson>? Mentions = null,
    SharedPlace? TypedIn = null)
{
    public IReadOnlyList<MentionedPerson> MentionsOrEmpty => Mentions ?? [];
}
