using AccountCoachBot.Scheduling;

namespace AccountCoachBot.Channels.BotFramework;

/// <summary>
/// Teams' limit across all conversations of one app: "The global limit per app per tenant is 50 Requests Per Second
/// (RPS)" (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit; quoted in
/// https://learn.microsoft.com/answers/questions/1059876). Earlier copies of that page said 30 RPS
/// (MicrosoftDocs/msteams-docs#3059), and the values "are subject to change", so the budget stays under the lower figure:
/// 25 per second with bursts of 5 never puts more than 30 into any one second. The per-thread limits (7 per second,
/// 60 per 30 s, 1800 per hour per conversation) are kept by the dispatcher's per-conversation pace.
/// </summary>
/// <remarks>
/// Overridable for tests and for a tenant Microsoft has given more: <c>BotFramework:TeamsAppPerSecond</c>,
/// <c>BotFramework:TeamsAppBurst</c>. Other Bot Framework channels (Emulator, Web Chat) have no such limit.
/// </remarks>
public sealed class TeamsAppLimit(IConfiguration configuration)
{
    public const double DefaultPerSecond = 25;
    public const int DefaultBurst = 5;

    private readonly double _perSecond = Math.Max(0.01, configuration.GetValue("BotFramework:TeamsAppPerSecond", DefaultPerSecond));
    private readonly int _burst = Math.Max(1, configuration.GetValue("BotFramework:TeamsAppBurst", DefaultBurst));

    /// <summary>The tenant's budget for a Teams conversation; null for other channels.</summary>
    public SharedRateLimit? For(ConversationReference reference) =>
        reference.ChannelId == "msteams" ? new SharedRateLimit($"teams:{reference.TenantId ?? reference.Conversation?.TenantId ?? "-"}", _perSecond, _burst) : null;
}
