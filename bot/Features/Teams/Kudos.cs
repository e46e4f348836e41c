namespace AccountCoachBot.Features.Teams;

/// <summary>Praise from one colleague to another (seed 002: stronger than praise from the boss), for the digest.</summary>
public sealed class Kudos
{
    public int Id { get; set; }
    public int FromId { get; set; }
    public int ToId { get; set; }
    public string Text { get; set; } = "";
    public DateTime AtUtc { get; set; }

    /// <summary>When the praised person's message was queued: at once, or when a placeholder first writes.</summary>
    public DateTime? ToldUtc { get; set; }
}
