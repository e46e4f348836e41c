using System.Net;
using AccountCoachBot.Channels.BotFramework;
using Microsoft.Extensions.Options;

namespace AccountCoachBot.Channels.Playground;

/// <summary>
/// The playground speaks for whoever holds a conversation token and asks for no credentials, so only loopback callers
/// reach it, as with anonymous <c>/api/messages</c>; <c>BotFramework:AllowUnauthenticated</c> in local mode (a local
/// container) lifts that the same way.
/// </summary>
public static class PlaygroundAccess
{
    public static bool IsPermitted(BotFrameworkOptions options, IPAddress? remote)
    {
        if (options.IsAuthenticationDisabled && options.AllowUnauthenticated) return true;
        if (remote is null) return false;
        if (remote.IsIPv4MappedToIPv6) remote = remote.MapToIPv4();
        return IPAddress.IsLoopback(remote);
    }

    public static async ValueTask<object?> LoopbackFilter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var options = http.RequestServices.GetRequiredService<IOptions<BotFrameworkOptions>>().Value;
        return IsPermitted(options, http.Connection.RemoteIpAddress)
            ? await next(context)
            : Results.StatusCode(StatusCodes.Status403Forbidden);
    }
}
