using System.Net;

namespace AccountCoachBot.Channels.BotFramework.Auth;

/// <summary>
/// DESIGN §3: with no app id the endpoint runs unauthenticated for local use, and then only for loopback callers unless
/// <see cref="BotFrameworkOptions.AllowUnauthenticated"/> is set (a local container). The authenticator does not see the
/// remote address, so the endpoint applies this after an <see cref="AuthenticationResult.IsAnonymous"/> result.
/// </summary>
public static class AnonymousAccess
{
    public static bool IsPermitted(BotFrameworkOptions options, IPAddress? remoteAddress)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsAuthenticationDisabled)
            return false;
        if (options.AllowUnauthenticated)
            return true;
        if (remoteAddress is null)
            return false;
        if (remoteAddress.IsIPv4MappedToIPv6)
            remoteAddress = remoteAddress.MapToIPv4();
        return IPAddress.IsLoopback(remoteAddress);
    }
}
