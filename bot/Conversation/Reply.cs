namespace AccountCoachBot.Conversation;

/// <summary>What a feature answers: text, and optionally a card. Each channel renders it.</summary>
public sealed record Reply(string Text, Card? Card = null)
{
    public static implicit operator Reply(string text) => new(text);

    /// <summary>
    /// In a conversation others read (a Slack channel): the person the message is for. Channels that can mention
    /// people do (Slack <c>&lt;@U…&gt;</c>); others ignore it.
    /// </summary>
    public Mention? AddressedTo { get; init; }

    /// <summary>
    /// An answer to a button pressed in a conversation others read: true replaces the message for everyone
    /// (a nudge becomes "Called ✓"); false (the default) shows the answer only to the person who pressed.
    /// </summary>
    public bool ForEveryone { get; init; }

    /// <summary>
    /// A picture beside the text or card (the digest's trend chart). Optional in every sense: a channel that cannot
    /// deliver it still delivers the rest, and says so in its log.
    /// </summary>
    public ReplyImage? Image { get; init; }

    /// <summary>
    /// A holding line while the answer is worked out off the request path ("One moment…"): Teams shows a typing
    /// indicator instead, Slack a message only the person sees; channels without either show the text.
    /// </summary>
    public bool IsInterim { get; init; }
}

/// <summary>
/// A PNG to show with a reply. <paramref name="AltText"/> describes it for those who cannot see it (and is the
/// comment it is shared with in Slack); <paramref name="Title"/>, when given, is its caption.
/// </summary>
public sealed record ReplyImage(byte[] Png, string AltText, string FileName, string? Title = null)
{
    public const string ContentType = "image/png";
}

/// <summary>A person as a channel knows them (a <see cref="Features.People.ChannelIdentity"/>: channel and external id).</summary>
public sealed record Mention(string Channel, string ExternalId);

/// <summary>
/// The channel-neutral card: a title, lines, facts, inputs, actions, and the principles it rests on.
/// Renderers turn it into Adaptive Card 1.5, Block Kit, or plain text with numbered actions.
/// </summary>
public sealed record Card(
    string Title,
    IReadOnlyList<string>? Lines = null,
    IReadOnlyList<CardFact>? Facts = null,
    IReadOnlyList<CardAction>? Actions = null,
    IReadOnlyList<string>? PrincipleIds = null,
    string? Footnote = null,
    IReadOnlyList<CardInput>? Inputs = null)
{
    /// <summary>A form: inputs shown in the card itself, sent with whichever of its actions is pressed.</summary>
    public IReadOnlyList<CardInput> Inputs { get; init; } = Inputs ?? [];

    public IReadOnlyList<string> Lines { get; init; } = Lines ?? [];
    public IReadOnlyList<CardFact> Facts { get; init; } = Facts ?? [];
    public IReadOnlyList<CardAction> Actions { get; init; } = Actions ?? [];
    public IReadOnlyList<string> PrincipleIds { get; init; } = PrincipleIds ?? [];

    /// <summary>
    /// Text the person sends on as it is (a note to a client): shown after the lines in a block of its own, free of
    /// markup, so a channel's copy takes exactly it.
    /// </summary>
    public CardNote? Note { get; init; }
}

/// <summary>A block to copy: a short label ("Ready to send:") and the text itself.</summary>
public sealed record CardNote(string Label, string Text);

public sealed record CardFact(string Label, string Value);

public enum InputKind
{
    Text = 0,
    Date = 1,
}

public sealed record CardInput(string Id, InputKind Kind, string Label, string? Placeholder = null, bool Required = true, string? ErrorMessage = null, bool Multiline = false);

/// <summary>
/// A button. Its payload names its subject (e.g. the promise id); the handler re-checks the acting person may
/// touch it. Inputs, when present, are asked first (a sub-form in Teams, questions in plain chat).
/// </summary>
public sealed record CardAction(string Id, string Label, IReadOnlyDictionary<string, string>? Payload = null, IReadOnlyList<CardInput>? Inputs = null)
{
    public IReadOnlyDictionary<string, string> Payload { get; init; } = Payload ?? new Dictionary<string, string>();
    public IReadOnlyList<CardInput> Inputs { get; init; } = Inputs ?? [];
}
