using AccountCoachBot.Channels.BotFramework.Auth;
using AccountCoachBot.Operations;
using Microsoft.Extensions.Options;

namespace AccountCoachBot.Channels.BotFramework;

/// <summary>
/// With no app id /api/messages is open, so the server may only listen on loopback unless
/// BotFramework:AllowUnauthenticated says otherwise (a local container). Decided from configuration, before listening.
/// </summary>
internal sealed class AnonymousModeCheck(IConfiguration configuration, IOptions<BotFrameworkOptions> options) : IStartupCheck
{
    public string? Refusal()
    {
        if (!options.Value.IsAuthenticationDisabled || options.Value.AllowUnauthenticated) return null;
        var exposed = ListenAddresses.Of(configuration).Where(a => !ListenAddresses.IsLoopback(a)).ToList();
        return exposed.Count == 0 ? null : RefusalFor(exposed);
    }

    public static string RefusalFor(IReadOnlyCollection<string> exposed) =>
        $"Refusing to start: no MicrosoftAppId is configured, so /api/messages would be open on {string.Join(", ", exposed)}. " +
        "Configure MicrosoftAppId/MicrosoftAppPassword, listen on loopback only, or set BotFramework:AllowUnauthenticated=true for a local container.";
}
