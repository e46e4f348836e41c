namespace AccountCoachBot.Features.People;

/// <summary>One way a person is known on a channel: (channel, the channel's user id).</summary>
public sealed class ChannelIdentity
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public string Channel { get; set; } = "";
    public string ExternalId { get; set; } = "";
    public Person? Person { get; set; }
}
