using System.Text.Json;
using AccountCoachBot.Channels.BotFramework;
using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;
using AccountCoachBot.Scheduling;

namespace AccountCoachBot.Channels.Playground;

/// <summary>
/// Reminders for a person whose address is a playground conversation: appended to its transcript, which the open page
/// polls. After a restart the conversation is recreated, and the page picks the reminder up when it reconnects.
/// </summary>
public sealed class PlaygroundNudgeSender(DirectLineStore store, TimeProvider time) : INudgeSender
{
    public string Transport => PlaygroundTurns.Transport;

    public Task<SendResult> SendAsync(ConversationAddress address, Reply reply, CancellationToken ct)
    {
        var reference = JsonSerializer.Deserialize<ConversationReference>(address.ReferenceJson, BotFrameworkJson.Options);
        if (reference?.Conversation?.Id is not { } id || !DirectLineStore.IsValidId(id))
            return Task.FromResult(new SendResult(SendOutcome.Stale, null, "incomplete conversation reference"));

        var conversation = store.FindOrRecreate(id, token: null, reference.User?.Id);
        if (conversation is null)
            return Task.FromResult(new SendResult(SendOutcome.Retry, TimeSpan.FromMinutes(1), "playground full"));
        conversation.Append(PlaygroundTurns.Tagged(ActivityMapper.ToMessage(reference, reply)), time.GetUtcNow());
        return Task.FromResult(SendResult.Ok);
    }
}
