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
    private readonly BotFrameworkOptions _options;
    private readonly SigningMetadataProvider _metadata;
    private readonly TimeProvider _time;
    private readonly ILogger<BotFrameworkAuthenticator> _logger;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly TokenRouter _router;
    private readonly ValidatedTokens _validated = new();
    private static readonly TokenValidationParameters Skew = new() { ClockSkew = C.ClockSkew };

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
        _router = new TokenRouter(options);

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

        if (!BearerTokens.TryGet(authorizationHeader, out string token))
            return AuthenticationResult.Unauthorized("The Authorization header is not 'Bearer <token>'.");

        if (_options.IsAuthenticationDisabled)
        {
            // A token is validated even in anonymous mode, and without an app id no audience can match (§2.5).
            return AuthenticationResult.Unauthorized("Invalid audience: no MicrosoftAppId is configured, so no token can be accepted.");
        }

        if (_validated.TryGet(token, out ValidatedToken known) && await StillValidAsync(token, known, ct).ConfigureAwait(false) is { } current)
            return Check(known.Token, known.Identity, known.Kid, current, known.Route, channelId, serviceUrl);

        JsonWebToken unverified;
        try
        {
            unverified = new JsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenMalformedException)
        {
            return AuthenticationResult.Unauthorized("Malformed token.");
        }

        if (!C.AllowedSigningAlgorithms.Contains(unverified.Alg, StringComparer.Ordinal))
            return AuthenticationResult.Unauthorized("Signing algorithm not allowed.");

        string? kid = unverified.Kid;
        if (string.IsNullOrEmpty(kid))
            return AuthenticationResult.Unauthorized("The token has no key id (kid).");

        TokenRoute? route = _router.Select(unverified);
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
            return AuthenticationResult.Unauthorized(BearerTokens.Describe(validation.Exception));

        ClaimsIdentity identity = validation.ClaimsIdentity;
        _validated.Add(token, new ValidatedToken(validated, identity, kid, route));
        return Check(validated, identity, kid, metadata, route, channelId, serviceUrl);
    }

    private AuthenticationResult Check(
        JsonWebToken token, ClaimsIdentity identity, string kid, SigningMetadata metadata, TokenRoute route, string channelId, string serviceUrl) =>
        route.Kind == TokenKind.Channel
            ? CheckChannelToken(token, identity, kid, metadata, channelId, serviceUrl)
            : CheckEntraToken(token, identity, kid, metadata, route);

    /// <summary>
    /// The metadata to check a token validated earlier against, while it is within its lifetime and its key is still
    /// published; null (and forgotten) otherwise, so that it is validated again in full and refused for the right reason.
    /// </summary>
    private async Task<SigningMetadata?> StillValidAsync(string token, ValidatedToken known, CancellationToken ct)
    {
        try
        {
            SigningMetadata metadata = await _metadata.For(known.Route.MetadataUrl).GetAsync(ct).ConfigureAwait(false);
            DateTime? notBefore = known.Token.ValidFrom == DateTime.MinValue ? null : known.Token.ValidFrom; // MinValue: no nbf
            if (metadata.HasKey(known.Kid) && ValidateLifetime(notBefore, known.Token.ValidTo, known.Token, Skew))
                return metadata;
        }
        catch (SigningMetadataUnavailableException)
        {
        }
        _validated.Remove(token);
        return null;
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

        if (string.IsNullOrEmpty(serviceUrl) || !BearerTokens.SameServiceUrl(claimedServiceUrl, serviceUrl))
            return AuthenticationResult.Forbidden("The token's serviceurl claim does not match the activity's serviceUrl.");

        return AuthenticationResult.Success(identity);
    }

    private AuthenticationResult CheckEntraToken(JsonWebToken token, ClaimsIdentity identity, string kid, SigningMetadata metadata, TokenRoute route)
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

        if (route.Kind == TokenKind.Emulator && !_router.IsOwnApp(TokenRouter.CallerAppId(token)))
            return AuthenticationResult.Unauthorized("The Emulator token was not requested by this bot's app id.");

        return AuthenticationResult.Success(identity);
    }

    private TokenValidationParameters CreateValidationParameters(TokenRoute route, SigningMetadata metadata) => new()
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


}
