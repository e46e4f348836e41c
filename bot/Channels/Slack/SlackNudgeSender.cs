using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;
using AccountCoachBot.Scheduling;

namespace AccountCoachBot.Channels.Slack;

/// <summary>Delivers outbox nudges in Slack; 429 and gone channels go back to the outbox as retry or stale.</summary>
public sealed class SlackNudgeSender(SlackApiClient api, ILogger<SlackNudgeSender> logger, SlackRateLimits limits) : INudgeSender
{
    public string Transport => SlackReference.Transport;

    /// <summary>
    /// The workspace's and the channel's shares of <c>chat.postMessage</c>, which replies of every instance spend too
    /// (<see cref="SlackRateLimits.WorkspaceLimit"/>, <see cref="SlackRateLimits.ChannelLimit"/>).
    /// </summary>
    public IReadOnlyList<SharedRateLimit> SharedLimitsOf(ConversationAddress address) =>
        SlackReference.FromJson(address.ReferenceJson) is { } reference ? [limits.WorkspaceLimit, limits.ChannelLimit(reference.Channel)] : [];

    public async Task<SendResult> SendAsync(ConversationAddress address, Reply reply, CancellationToken ct)
    {
        if (SlackReference.FromJson(address.ReferenceJson) is not { } reference)
            return new SendResult(SendOutcome.Stale, null, "incomplete Slack reference");

        var result = await api.PostMessageAsync(reference.Channel, SlackMessages.Render(reply), null, ct);
        if (result.Ok)
        {
            // The message is out; a picture that fails now must not send it again on a retry.
            if (reply.Image is { } image)
                await SlackImages.ShareAsync(api, result.Value?.Channel ?? reference.Channel, image, null, logger, ct);
            return SendResult.Ok;
        }
        if (result.IsTransient) return new SendResult(SendOutcome.Retry, result.RetryAfter, result.Error);
        if (result.IsChannelGone) return new SendResult(SendOutcome.Stale, null, result.Error);
        // A revoked or wrong token is the operator's to fix: keep the nudge and try again later.
        if (result.IsAuthProblem) return new SendResult(SendOutcome.Retry, TimeSpan.FromMinutes(5), result.Error);
        return new SendResult(SendOutcome.Failed, null, result.Error);
    }
}
