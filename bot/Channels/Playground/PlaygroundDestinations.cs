using AccountCoachBot.Conversation;

namespace AccountCoachBot.Channels.Playground;

/// <summary>Web Chat renders Adaptive Card inputs, so the playground gets forms as Teams does; it has no shared places.</summary>
public sealed class PlaygroundDestinations : IChannelDestinations
{
    public string Transport => PlaygroundTurns.Transport;

    public bool ShowsForms => true;
}
