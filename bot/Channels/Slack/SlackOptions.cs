namespace AccountCoachBot.Channels.Slack;

/// <summary>
/// Slack app credentials and the Web API address, from configuration section <c>Slack</c>
/// (environment variables <c>Slack__BotToken</c>, <c>Slack__SigningSecret</c>, ...).
/// </summary>
/// <remarks>
/// The Slack channel is on when <see cref="BotToken"/> is set. Tokens and the signing secret are secrets:
/// nothing here, in <see cref="Validate"/> or in <see cref="SlackApiClient"/> ever writes their values anywhere.
/// </remarks>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";

    public const string DefaultApiBaseUrl = "https://slack.com/api/";

    /// <summary>Bot token (<c>xoxb-…</c>), sent as <c>Authorization: Bearer</c> on every Web API call.</summary>
    public string? BotToken { get; set; }

    /// <summary>Signing secret: verifies the v0 signature of every request Slack sends us (contract §1).</summary>
    public string? SigningSecret { get; set; }

    /// <summary>Web API root, <c>https://slack.com/api/</c> unless a test points it at a fake. With or without a trailing slash.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>App-level token (<c>xapp-…</c>, scope <c>connections:write</c>) for Socket Mode. Optional.</summary>
    public string? AppToken { get; set; }

    /// <summary>
    /// How many messages may go to one channel at once before the outbox keeps to one a second there
    /// (<see cref="SlackRateLimits.ChannelLimit"/>); Slack allows "short bursts" over its one a second.
    /// </summary>
    public int ChannelBurst { get; set; } = SlackRateLimits.DefaultChannelBurst;

    /// <summary>
    /// How many messages the outbox sends in one minute across the workspace (<see cref="SlackRateLimits.WorkspaceLimit"/>):
    /// Slack allows "several hundred"; raise it for a workspace Slack has given more.
    /// </summary>
    public int WorkspacePerMinute { get; set; } = SlackRateLimits.DefaultWorkspacePerMinute;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(BotToken);

    /// <summary>
    /// Startup validation. Returns human-readable problems (naming the keys, never their values); empty when usable.
    /// A disabled channel (no bot token) only needs a well-formed <see cref="ApiBaseUrl"/>.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();

        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
            errors.Add($"{SectionName}:{nameof(ApiBaseUrl)} must be an absolute http(s) URL such as {DefaultApiBaseUrl}.");
        else if (baseUrl.Scheme == Uri.UriSchemeHttp && !baseUrl.IsLoopback)
            errors.Add($"{SectionName}:{nameof(ApiBaseUrl)} must use https unless it points at a loopback address (the bot token travels with every call).");
        else if (!string.IsNullOrEmpty(baseUrl.Query) || !string.IsNullOrEmpty(baseUrl.Fragment))
            errors.Add($"{SectionName}:{nameof(ApiBaseUrl)} must not have a query string or fragment.");

        if (WorkspacePerMinute < 1)
            errors.Add($"{SectionName}:{nameof(WorkspacePerMinute)} must be a whole number of messages a minute, at least 1 (Slack allows several hundred).");

        if (!IsEnabled) return errors;

        if (string.IsNullOrWhiteSpace(SigningSecret))
            errors.Add($"{SectionName}:{nameof(SigningSecret)} is required when {SectionName}:{nameof(BotToken)} is set: " +
                "without it requests from Slack cannot be verified. Copy it from the app's Basic Information page.");

        if (BotToken!.Trim().StartsWith("xapp-", StringComparison.Ordinal))
            errors.Add($"{SectionName}:{nameof(BotToken)} holds an app-level token (xapp-…); put the bot token (xoxb-…) there and the app-level token in {SectionName}:{nameof(AppToken)}.");

        if (!string.IsNullOrWhiteSpace(AppToken) && !AppToken.Trim().StartsWith("xapp-", StringComparison.Ordinal))
            errors.Add($"{SectionName}:{nameof(AppToken)} must be an app-level token (xapp-…) when set.");

        return errors;
    }
}
