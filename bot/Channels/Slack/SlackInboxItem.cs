namespace AccountCoachBot.Channels.Slack;

public enum InboxStatus
{
    Pending = 0,
    Done = 1,
    Failed = 2,
}

/// <summary>
/// A Slack request recorded before it is acknowledged: Slack never resends what was acked, so a restart
/// after the ack must still find it here. The key (event_id, or the action's own id) makes a retry one effect.
/// </summary>
public sealed class SlackInboxItem
{
    public long Id { get; set; }
    public string Key { get; set; } = "";
    public string Kind { get; set; } = "";
    public string PayloadJson { get; set; } = "{}";
    public InboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime ReceivedUtc { get; set; }
    public DateTime? ProcessedUtc { get; set; }
    public string? LastError { get; set; }
}
