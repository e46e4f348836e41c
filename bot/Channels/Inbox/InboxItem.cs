namespace AccountCoachBot.Channels.Inbox;

public enum InboxStatus
{
    Pending = 0,
    Done = 1,
    Failed = 2,
}

/// <summary>
/// A platform's request recorded before it is acknowledged: neither Slack nor the Bot Connector resends what was
/// acked, so a restart (or another instance) must still find it here. The key (Slack's event_id, the activity's
/// id) makes a retry one effect.
/// </summary>
public sealed class InboxItem
{
    public long Id { get; set; }
    /// <summary>Which channel's handler runs it (<see cref="IInboxHandler.Transport"/>).</summary>
    public string Transport { get; set; } = "";
    public string Key { get; set; } = "";
    public string Kind { get; set; } = "";
    /// <summary>Requests of one conversation run one after another, in arrival order; null: one lane per transport.</summary>
    public string? ConversationKey { get; set; }
    /// <summary>The request as the platform sent it: JSON, or a Slack slash command's form (<c>SlackForm</c>).</summary>
    public string PayloadJson { get; set; } = "{}";
    public InboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime ReceivedUtc { get; set; }
    public DateTime? ProcessedUtc { get; set; }
    /// <summary>The instance running it, until then; a claim that lapsed (its instance died) is free again.</summary>
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedUntilUtc { get; set; }
    public string? LastError { get; set; }

    /// <summary>The lane its turn waits in: its conversation, or (without one) its transport.</summary>
    public string Lane => ConversationKey ?? Transport;
}

/// <summary>Runs one recorded request of its transport: the turn and its replies.</summary>
public interface IInboxHandler
{
    string Transport { get; }

    Task RunAsync(InboxItem item, CancellationToken ct);

    /// <summary>
    /// The database is away and the request waits for it, safe (SQLite's arrivals): tells the person it is kept and will
    /// be answered. Without the database: the words it came with, or their client's locale, give the language.
    /// </summary>
    Task ApologiseAsync(InboxItem item, CancellationToken ct);
}
