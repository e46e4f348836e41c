namespace AccountCoachBot.Features.Promises;

public enum PromiseEventKind
{
    Created = 0,
    Done = 1,
    Moved = 2,
    Cancelled = 3,
    Snoozed = 4,
    OnTrack = 5,
    Edited = 6,
}

/// <summary>One step in a promise's history: done, moved (with the reason), cancelled...</summary>
public sealed class PromiseEvent
{
    public int Id { get; set; }
    public int PromiseId { get; set; }
    public PromiseEventKind Kind { get; set; }
    public DateTime AtUtc { get; set; }
    public DateTime? OldDueUtc { get; set; }
    public DateTime? NewDueUtc { get; set; }
    public string? Reason { get; set; }
}
