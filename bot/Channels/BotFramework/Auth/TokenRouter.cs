using Microsoft.IdentityModel.JsonWebTokens;
using C = AccountCoachBot.Channels.BotFramework.Auth.BotFrameworkAuthConstants;

namespace AccountCoachBot.Channels.BotFramework.Auth;

internal enum TokenKind
{
    Channel,
    Entra,
    Emulator,
}

/// <summary>Where a token's keys come from and what its issuer and audience must be.</summary>
internal sealed record TokenRoute(TokenKind Kind, string MetadataUrl, string Issuer, string[] Audiences, Guid? Tenant);

/// <summary>Picks a token's path by its issuer (contract §2): channel, Emulator or Entra; anything else has none.</summary>
internal sealed class TokenRouter(BotFrameworkOptions options)
{
    private readonly Guid? _configuredTenant = Guid.TryParse(options.MicrosoftAppTenantId, out Guid tenant) ? tenant : null;

    /// <summary>The path a token takes, from its unvalidated issuer and caller; null when no path accepts it.</summary>
    public TokenRoute? Select(JsonWebToken token)
    {
        string issuer = token.Issuer;
        string appId = options.MicrosoftAppId!;

        if (string.Equals(issuer, C.ChannelTokenIssuer, StringComparison.Ordinal))
            return new TokenRoute(TokenKind.Channel, options.ChannelOpenIdMetadataUrl, issuer, [appId], null);

        if (!C.TryParseEntraIssuer(issuer, out Guid tenant))
            return null;

        string[] audiences = [appId, "api://" + appId];
        if (IsOwnApp(CallerAppId(token)))
            return new TokenRoute(TokenKind.Emulator, options.EmulatorOpenIdMetadataUrl, issuer, audiences, tenant);

        if (C.BotServiceTenants.Contains(tenant) || tenant == _configuredTenant)
            return new TokenRoute(TokenKind.Entra, options.EntraOpenIdMetadataUrl, issuer, audiences, tenant);

        return null;
    }

    /// <summary>The app that requested the token: <c>appid</c> for v1 (or missing <c>ver</c>), <c>azp</c> for v2.</summary>
    public static string? CallerAppId(JsonWebToken token)
    {
        token.TryGetPayloadValue(C.Claims.Version, out string? version);
        string? claim = version switch
        {
            null or "" or "1.0" => C.Claims.AppId,
            "2.0" => C.Claims.AuthorizedParty,
            _ => null,
        };

        return claim is not null && token.TryGetPayloadValue(claim, out string? value) ? value : null;
    }

    public bool IsOwnApp(string? appId) =>
        !string.IsNullOrEmpty(appId) && string.Equals(appId, options.MicrosoftAppId, StringComparison.OrdinalIgnoreCase);
}
