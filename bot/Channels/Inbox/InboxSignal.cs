using System.Threading.Channels;

namespace AccountCoachBot.Channels.Inbox;

/// <summary>Wakes the inbox processor when a request was recorded.</summary>
public sealed class InboxSignal
{
    private readonly Channel<InboxEntry> _entries = Channel.CreateUnbounded<InboxEntry>();

    public void Notify(InboxItem item) => _entries.Writer.TryWrite(new InboxEntry(item.Id, item.Lane));

    public ChannelReader<InboxEntry> Reader => _entries.Reader;
}
