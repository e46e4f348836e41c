using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using C = AccountCoachBot.Channels.BotFramework.Auth.BotFrameworkAuthConstants;

namespace AccountCoachBot.Channels.BotFramework.Auth;

/// <summary>
/// Validates the bearer token of an inbound request (contract §2).
/// </summary>
/// <remarks>
/// The unvalidated token's issuer picks the path:
/// <list type="bullet">
/// <item><c>https://api.botframework.com</c> → channel token (§2.1): channel metadata, audience = app id, then the
/// signing key must endorse the activity's channelId and the <c>serviceurl</c> claim must equal the activity's
/// serviceUrl (403 otherwise).</item>
/// <item>an Entra issuer (<c>https://sts.windows.net/{tid}/</c> or <c>https://login.microsoftonline.com/{tid}/v2.0</c>)
/// whose caller app (<c>appid</c> for <c>ver</c> 1.0/missing, <c>azp</c> for 2.0) is this bot → Emulator token (§2.2),
/// any tenant, as the SDK allows for single-tenant Emulator use; only the bot's own credentials can mint one.</item>
/// <item>an Entra issuer of an Azure Bot Service tenant or of the configured tenant → Entra-issued channel token (§2.3).</item>
/// <item>anything else → 401 without touching the network.</item>
/// </list>
/// Entra and Emulator tokens: audience app id or <c>api://{appId}</c>, <c>tid</c> must equal the issuer's tenant, and
/// when the signing key carries an <c>issuer</c> property it must match that tenant. Every path: RS256/RS384/RS512 only,
/// a <c>kid</c> naming a key of that metadata, 5-minute skew on the injected clock.
/// </remarks>
internal sealed class BotFrameworkAuthenticator : IBotFrameworkAuthenticator
{
    private const int MaxTokenLength = 64 * 1024;

    private readonly BotFrameworkOptions _options;
    private readonly SigningMetadataProvider _metadata;
    private readonly TimeProvider _time;
    private readonly ILogger<BotFrameworkAuthenticator> _logger;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly Guid? _configuredTenant;

    public BotFrameworkAuthenticator(
        BotFrameworkOptions options,
        SigningMetadataProvider metadata,
        TimeProvider time,
        ILogger<BotFrameworkAuthenticator> logger)
    {
        IReadOnlyList<string> errors = options.Validate();
        if (errors.Count > 0)
            throw new InvalidOperationException("Invalid Bot Framework configuration: " + string.Join(" ", errors));

        _options = options;
        _metadata = metadata;
        _time = time;
        _logger = logger;
        _configuredTenant = Guid.TryParse(options.MicrosoftAppTenantId, out Guid tenant) ? tenant : null;

        if (options.IsAuthenticationDisabled)
        {
            _logger.LogWarning(
                "Bot Framework authentication is disabled (no MicrosoftAppId): requests without an Authorization header are accepted as anonymous. Use this for local development only.");
        }
    }

    public async Task<AuthenticationResult> AuthenticateAsync(string? authorizationHeader, string channelId, string serviceUrl, CancellationToken ct)
    {
        AuthenticationResult result = await AuthenticateCoreAsync(authorizationHeader, channelId, serviceUrl, ct).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            // Reason only: never the header or the token.
            _logger.LogInformation("Inbound Bot Framework request rejected with {StatusCode}: {Failure}", result.StatusCode, result.Failure);
        }

        return result;
    }

    private async Task<AuthenticationResult> AuthenticateCoreAsync(string? authorizationHeader, string channelId, string serviceUrl, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return _options.IsAuthenticationDisabled
                ? AuthenticationResult.Anonymous()
                : AuthenticationResult.Unauthorized("No Authorization header.");
        }

        if (!TryGetBearerToken(authorizationHeader, out string token))
            return AuthenticationResult.Unauthorized("The Authorization header is not 'Bearer <token>'.");

        JsonWebToken unverified;
        try
        {
            unverified = new JsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenMalformedException)
        {
            return AuthenticationResult.Unauthorized("Malformed token.");
        }

        if (_options.IsAuthenticationDisabled)
        {
            // A token is validated even in anonymous mode, and without an app id no audience can match (§2.5).
            return AuthenticationResult.Unauthorized("Invalid audience: no MicrosoftAppId is configured, so no token can be accepted.");
        }

        if (!C.AllowedSigningAlgorithms.Contains(unverified.Alg, StringComparer.Ordinal))
            return AuthenticationResult.Unauthorized("Signing algorithm not allowed.");

        string? kid = unverified.Kid;
        if (string.IsNullOrEmpty(kid))
            return AuthenticationResult.Unauthorized("The token has no key id (kid).");

        Route? route = SelectRoute(unverified);
        if (route is null)
            return AuthenticationResult.Unauthorized("Unknown token issuer.");

        SigningMetadataCache cache = _metadata.For(route.MetadataUrl);
        SigningMetadata metadata;
        try
        {
            metadata = await cache.GetAsync(ct).ConfigureAwait(false);
            if (!metadata.HasKey(kid))
                metadata = await cache.RefreshForUnknownKeyAsync(kid, ct).ConfigureAwait(false);
        }
        catch (SigningMetadataUnavailableException)
        {
            return AuthenticationResult.Unauthorized("Signing keys are unavailable (OpenID metadata could not be fetched).");
        }

        if (!metadata.HasKey(kid))
            return AuthenticationResult.Unauthorized("Invalid signature: signing key not found.");

        TokenValidationResult validation = await _handler
            .ValidateTokenAsync(token, CreateValidationParameters(route, metadata))
            .ConfigureAwait(false);
        if (!validation.IsValid || validation.SecurityToken is not JsonWebToken validated)
            return AuthenticationResult.Unauthorized(Describe(validation.Exception));

        ClaimsIdentity identity = validation.ClaimsIdentity;
        return route.Kind == TokenKind.Channel
            ? CheckChannelToken(validated, identity, kid, metadata, channelId, serviceUrl)
            : CheckEntraToken(validated, identity, kid, metadata, route);
    }

    private static AuthenticationResult CheckChannelToken(
        JsonWebToken token, ClaimsIdentity identity, string kid, SigningMetadata metadata, string channelId, string serviceUrl)
    {
        if (string.IsNullOrEmpty(channelId)
            || !metadata.Endorsements.TryGetValue(kid, out IReadOnlyList<string>? endorsements)
            || !endorsements.Contains(channelId, StringComparer.Ordinal))
        {
            return AuthenticationResult.Forbidden("The signing key does not endorse the activity's channelId.");
        }

        if (!token.TryGetPayloadValue(C.Claims.ServiceUrl, out string? claimedServiceUrl) || string.IsNullOrEmpty(claimedServiceUrl))
            return AuthenticationResult.Forbidden("The token has no serviceurl claim.");

        if (string.IsNullOrEmpty(serviceUrl) || !SameServiceUrl(claimedServiceUrl, serviceUrl))
            return AuthenticationResult.Forbidden("The token's serviceurl claim does not match the activity's serviceUrl.");

        return AuthenticationResult.Success(identity);
    }

    private AuthenticationResult CheckEntraToken(JsonWebToken token, ClaimsIdentity identity, string kid, SigningMetadata metadata, Route route)
    {
        Guid tenant = route.Tenant!.Value;
        if (!token.TryGetPayloadValue(C.Claims.TenantId, out string? tid) || !Guid.TryParse(tid, out Guid tokenTenant) || tokenTenant != tenant)
            return AuthenticationResult.Unauthorized("The token's tid does not match its issuer.");

        if (metadata.KeyIssuers.TryGetValue(kid, out string? keyIssuer))
        {
            string resolved = keyIssuer.Replace("{tenantid}", tenant.ToString("D"), StringComparison.OrdinalIgnoreCase);
            if (resolved != C.V2Issuer(tenant) && resolved != C.V1Issuer(tenant))
                return AuthenticationResult.Unauthorized("The signing key is not valid for the token's tenant.");
        }

        if (route.Kind == TokenKind.Emulator && !IsOwnApp(CallerAppId(token)))
            return AuthenticationResult.Unauthorized("The Emulator token was not requested by this bot's app id.");

        return AuthenticationResult.Success(identity);
    }

    private Route? SelectRoute(JsonWebToken token)
    {
        string issuer = token.Issuer;
        string appId = _options.MicrosoftAppId!;

        if (string.Equals(issuer, C.ChannelTokenIssuer, StringComparison.Ordinal))
            return new Route(TokenKind.Channel, _options.ChannelOpenIdMetadataUrl, issuer, [appId], null);

        if (!C.TryParseEntraIssuer(issuer, out Guid tenant))
            return null;

        string[] audiences = [appId, "api://" + appId];
        if (IsOwnApp(CallerAppId(token)))
            return new Route(TokenKind.Emulator, _options.EmulatorOpenIdMetadataUrl, issuer, audiences, tenant);

        if (C.BotServiceTenants.Contains(tenant) || tenant == _configuredTenant)
            return new Route(TokenKind.Entra, _options.EntraOpenIdMetadataUrl, issuer, audiences, tenant);

        return null;
    }

    /// <summary>The app that requested the token: <c>appid</c> for v1 (or missing <c>ver</c>), <c>azp</c> for v2.</summary>
    private static string? CallerAppId(JsonWebToken token)
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

    private bool IsOwnApp(string? appId) =>
        !string.IsNullOrEmpty(appId) && string.Equals(appId, _options.MicrosoftAppId, StringComparison.OrdinalIgnoreCase);

    private TokenValidationParameters CreateValidationParameters(Route route, SigningMetadata metadata) => new()
    {
        ValidateIssuer = true,
        ValidIssuers = [route.Issuer],
        ValidateAudience = true,
        ValidAudiences = route.Audiences,
        RequireAudience = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        LifetimeValidator = ValidateLifetime,
        ClockSkew = C.ClockSkew,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        IssuerSigningKeys = metadata.Keys,
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = C.AllowedSigningAlgorithms,
        AuthenticationType = route.Kind switch
        {
            TokenKind.Channel => BotFrameworkAuthenticationTypes.Channel,
            TokenKind.Emulator => BotFrameworkAuthenticationTypes.Emulator,
            _ => BotFrameworkAuthenticationTypes.Entra,
        },
        SaveSigninToken = false,
        IncludeTokenOnFailedValidation = false,
        LogValidationExceptions = false,
    };

    /// <summary><c>exp</c> required; <c>nbf</c> ≤ now + skew; <c>exp</c> ≥ now − skew, on the injected clock.</summary>
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        if (expires is null)
            return false;

        DateTime now = _time.GetUtcNow().UtcDateTime;
        if (notBefore is { } nbf && (nbf > expires.Value || nbf > now + parameters.ClockSkew))
            return false;

        return expires.Value >= now - parameters.ClockSkew;
    }

    private static bool TryGetBearerToken(string header, out string token)
    {
        token = string.Empty;
        string trimmed = header.Trim();
        int space = trimmed.IndexOf(' ');
        if (space <= 0)
            return false;

        string scheme = trimmed[..space];
        string value = trimmed[(space + 1)..].Trim();
        if (!scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) || value.Length == 0 || value.Length > MaxTokenLength
            || value.Contains(' '))
        {
            return false;
        }

        token = value;
        return true;
    }

    private static bool SameServiceUrl(string claimed, string activity) =>
        string.Equals(claimed.Trim().TrimEnd('/'), activity.Trim().TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenInvalidAudienceException => "Invalid audience.",
        SecurityTokenInvalidIssuerException => "Invalid issuer.",
        SecurityTokenExpiredException => "Token expired.",
        SecurityTokenNotYetValidException => "Token not yet valid.",
        SecurityTokenNoExpirationException => "Token has no expiry.",
        SecurityTokenInvalidLifetimeException => "Token lifetime is not valid (expired, not yet valid, or no expiry).",
        SecurityTokenSignatureKeyNotFoundException => "Invalid signature: signing key not found.",
        SecurityTokenInvalidSignatureException => "Invalid signature.",
        SecurityTokenInvalidAlgorithmException => "Signing algorithm not allowed.",
        SecurityTokenMalformedException => "Malformed token.",
        null => "Token validation failed.",
        _ => $"Token validation failed ({exception.GetType().Name}).",
    };

    private enum TokenKind
    {
        Channel,
        Entra,
        Emulator,
    }

    private sealed record Route(TokenKind Kind, string MetadataUrl, string Issuer, string[] Audiences, Guid? Tenant);
}
