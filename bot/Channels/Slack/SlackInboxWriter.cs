using AccountCoachBot.Channels.Inbox;

namespace AccountCoachBot.Channels.Slack;

/// <summary>Slack's requests into the shared inbox (<see cref="InboxWriter"/>): one lane, in arrival order, as before.</summary>
public sealed class SlackInboxWriter(InboxWriter inbox)
{
    public const string Transport = SlackReference.Transport;

    /// <summary>Completes once the request is committed (or was already there: a Slack retry).</summary>
    public Task RecordAsync(string key, string kind, string payload, CancellationToken ct) =>
        inbox.RecordAsync(new InboxItem { Transport = Transport, Key = key, Kind = kind, PayloadJson = payload }, ct);
}
