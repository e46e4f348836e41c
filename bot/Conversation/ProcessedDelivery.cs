namespace AccountCoachBot.Conversation;

/// <summary>A delivery id the pipeline has handled; a redelivery of it is dropped.</summary>
public sealed class ProcessedDelivery
{
    public string Key { get; set; } = "";
    public DateTime AtUtc { get; set; }
}
