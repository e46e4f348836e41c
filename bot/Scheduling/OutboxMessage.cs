namespace AccountCoachBot.Scheduling;

public enum OutboxStatus
{
    Pending = 0,
    Sending = 1,
    Sent = 2,

    /// <summary>Nothing to say any more (the promise was done, the person paused...).</summary>
    Skipped = 3,

    /// <summary>Gave up after the allowed attempts.</summary>
    Failed = 4,

    /// <summary>The destination is gone (bot removed, conversation deleted).</summary>
    Stale = 5,
}

/// <summary>
/// Anything the bot says unasked. Features write rows; the dispatcher claims due rows, asks the owning
/// feature to render them, sends them and records the outcome. The dedupe key makes a nudge happen once.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public string Kind { get; set; } = "";
    public int PersonId { get; set; }
    public string? SubjectId { get; set; }
    public DateTime DueUtc { get; set; }
    public int AddressId { get; set; }

    /// <summary>Copied from the address so a process can claim only what it can deliver.</summary>
    public string Transport { get; set; } = "";

    public string DedupeKey { get; set; } = "";
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedUntilUtc { get; set; }
    public DateTime? SentUtc { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedUtc { get; set; }
}
