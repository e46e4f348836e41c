namespace AccountCoachBot.Channels.BotFramework.Auth;

/// <summary>
/// <see cref="System.Security.Claims.ClaimsIdentity.AuthenticationType"/> of a successful result: tells which kind of
/// caller was authenticated.
/// </summary>
public static class BotFrameworkAuthenticationTypes
{
    /// <summary>Token issued by the Bot Connector (<c>https://api.botframework.com</c>), endorsement and serviceurl checked.</summary>
    public const string Channel = "BotFrameworkChannel";

    /// <summary>Entra-issued token from an Azure Bot Service tenant or the bot's own tenant (contract §2.3).</summary>
    public const string Entra = "BotServiceEntra";

    /// <summary>Entra token obtained with the bot's own credentials (Bot Framework Emulator, contract §2.2).</summary>
    public const string Emulator = "BotFrameworkEmulator";

    /// <summary>No app id configured and no Authorization header (contract §2.5).</summary>
    public const string Anonymous = "anonymous";
}
