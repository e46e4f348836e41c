using AccountCoachBot.Conversation;

namespace AccountCoachBot.Channels.BotFramework;

/// <summary>
/// Teams and Web Chat show card inputs as an Adaptive Card form. A Teams channel or group chat becomes an account's
/// place by `here` typed in it (marked shared by <see cref="ActivityMapper"/>), so there are no place names to read.
/// </summary>
public sealed class BotFrameworkDestinations : IChannelDestinations
{
    public string Transport => ActivityMapper.Transport;

    public bool ShowsForms => true;
}
