namespace AccountCoachBot.Features.People;

/// <summary>
/// A place the bot can speak again later: a Teams chat (its conversation reference), a terminal session...
/// Stored on every inbound message so proactive nudges survive restarts.
/// </summary>
public sealed class ConversationAddress
{
    public int Id { get; set; }
    public int PersonId { get; set; }

    /// <summary>Which sender delivers here: "botframework", "terminal", "slack".</summary>
    public string Transport { get; set; } = "";

    /// <summary>Unique per transport, e.g. "msteams|a:1xyz".</summary>
    public string Key { get; set; } = "";

    /// <summary>What the transport needs to send here (a Bot Framework ConversationReference), as JSON.</summary>
    public string ReferenceJson { get; set; } = "{}";

    /// <summary>
    /// A conversation others read (a Teams channel or group chat, a Slack channel an account's call nudges go to),
    /// as its channel says: never picked as the person's own place for private nudges.
    /// </summary>
    public bool IsShared { get; set; }

    /// <summary>
    /// The earliest moment the next nudge may go here (per-conversation pacing). In the database, not in a process's
    /// memory, so every instance sharing it keeps to one pace.
    /// </summary>
    public DateTime? PacedUntilUtc { get; set; }

    /// <summary>
    /// The widest platform budget nudges here are sent under (Teams' app in a tenant, Slack's workspace), as its sender
    /// names it; written by the dispatcher as it sends, so a claim takes no more of a budget's nudges than it can send.
    /// </summary>
    public string? BudgetKey { get; set; }

    public bool IsStale { get; set; }
    public string? StaleReason { get; set; }
    public DateTime UpdatedUtc { get; set; }
}
