using System.Net;

namespace AccountCoachBot.Operations;

/// <summary>
/// Operator pages (metrics, the job dashboard) ask for no credentials, so by default only callers on this machine reach
/// them: an operator tunnels in or a scraper runs beside the bot.
/// </summary>
public static class OperatorAccess
{
    public static bool IsLoopback(IPAddress? remote)
    {
        if (remote is null) return false;
        if (remote.IsIPv4MappedToIPv6) remote = remote.MapToIPv4();
        return IPAddress.IsLoopback(remote);
    }
}
