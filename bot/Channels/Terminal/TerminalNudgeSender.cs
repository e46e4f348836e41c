using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;
using AccountCoachBot.Scheduling;

namespace AccountCoachBot.Channels.Terminal;

/// <summary>Prints reminders in the running terminal chat; only that process claims terminal rows.</summary>
public sealed class TerminalNudgeSender(TerminalConsole console) : INudgeSender
{
    public string Transport => TerminalChat.Transport;

    public Task<SendResult> SendAsync(ConversationAddress address, Reply reply, CancellationToken ct)
    {
        console.Write(reply);
        return Task.FromResult(SendResult.Ok);
    }
}
