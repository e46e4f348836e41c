using System.Text.Json;
using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;
using AccountCoachBot.Scheduling;

namespace AccountCoachBot.Channels.BotFramework;

/// <summary>Delivers outbox nudges to stored conversation references (Teams chats, Emulator, Web Chat).</summary>
public sealed class BotFrameworkNudgeSender(ConnectorClient connector, ILogger<BotFrameworkNudgeSender> logger, IConfiguration configuration) : INudgeSender
{
    private readonly TeamsAppLimit _appLimit = new(configuration);

    public string Transport => ActivityMapper.Transport;

    public IReadOnlyList<SharedRateLimit> SharedLimitsOf(ConversationAddress address) =>
        JsonSerializer.Deserialize<ConversationReference>(address.ReferenceJson, BotFrameworkJson.Options) is { } reference && _appLimit.For(reference) is { } app ? [app] : [];

    public async Task<SendResult> SendAsync(ConversationAddress address, Reply reply, CancellationToken ct)
    {
        var reference = JsonSerializer.Deserialize<ConversationReference>(address.ReferenceJson, BotFrameworkJson.Options);
        if (reference?.ServiceUrl is null || reference.Conversation?.Id is null)
            return new SendResult(SendOutcome.Stale, null, "incomplete conversation reference");

        var result = await connector.SendToConversationAsync(reference.ServiceUrl, reference.Conversation.Id, ActivityMapper.ToMessage(reference, reply), ct);
        if (!result.Succeeded && result.MayBeTheImage && reply.Image is not null)
        {
            // The message matters more than its picture: send it again without one.
            logger.LogWarning("Teams refused a message with an image ({Status} {Code}); sending it without the image", (int)result.Status, result.ErrorCode);
            result = await connector.SendToConversationAsync(reference.ServiceUrl, reference.Conversation.Id, ActivityMapper.ToMessage(reference, reply with { Image = null }), ct);
        }
        if (result.Succeeded) return SendResult.Ok;
        if (result.IsGone) return new SendResult(SendOutcome.Stale, null, $"{(int)result.Status} {result.ErrorCode}");
        if (result.IsTransient)
            return new SendResult(SendOutcome.Retry, result.RetryAfter, $"{(int)result.Status} {result.ErrorCode}", result.Status == System.Net.HttpStatusCode.TooManyRequests);
        // Rejected credentials are a configuration problem the operator can fix: try again later, loudly.
        if ((int)result.Status is 401 or 403) return new SendResult(SendOutcome.Retry, TimeSpan.FromMinutes(5), $"{(int)result.Status} {result.ErrorCode}");
        return new SendResult(SendOutcome.Failed, null, $"{(int)result.Status} {result.ErrorCode}");
    }
}
