using AccountCoachBot.Conversation;

namespace AccountCoachBot.Channels.Slack;

/// <summary>A reply's picture, shared after its message: the figures are in the Block Kit text, the chart is the file.</summary>
internal static class SlackImages
{
    /// <summary>Shares the image; a failure is logged and otherwise ignored, since the message it belongs to is already out.</summary>
    public static async Task ShareAsync(SlackApiClient api, string channel, ReplyImage image, string? threadTs, ILogger logger, CancellationToken ct)
    {
        var shared = await api.ShareImageAsync(channel, image, threadTs, ct);
        if (!shared.Ok)
            logger.LogWarning("The image {File} was not shared in Slack ({Step}: {Error}); the message went without it",
                image.FileName, shared.Method, shared.Error);
    }
}
