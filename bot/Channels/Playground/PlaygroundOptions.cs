using AccountCoachBot.Channels.BotFramework;

namespace AccountCoachBot.Channels.Playground;

/// <summary>
/// <c>Playground:*</c>. The Web Chat page and its Direct Line endpoints are on in local mode (no
/// <c>MicrosoftAppId</c>) and off otherwise, unless <see cref="Enabled"/> says so either way.
/// </summary>
public sealed class PlaygroundOptions
{
    public const string SectionName = "Playground";

    /// <summary>Null: on exactly when no app id is configured. True or false overrides that.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Where the page loads Web Chat from: the copy the bot serves, or a CDN URL if you prefer one.</summary>
    public string WebChatScriptUrl { get; set; } = PlaygroundExtensions.WebChatScriptPath;

    /// <summary>Conversations kept in memory at once; a new one beyond this is refused (429) rather than evicting.</summary>
    public int MaxConversations { get; set; } = 1000;

    /// <summary>Activities kept per conversation; older ones fall out of the history (watermarks stay absolute).</summary>
    public int MaxActivitiesPerConversation { get; set; } = 1000;

    public bool IsOn(BotFrameworkOptions botFramework) => Enabled ?? botFramework.IsAuthenticationDisabled;
}
