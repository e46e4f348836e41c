using System.Security.Claims;

namespace AccountCoachBot.Channels.BotFramework.Auth;

/// <summary>
/// Outcome of authenticating one inbound request.
/// <see cref="StatusCode"/>: 200 on success; 401 missing/invalid token (bad issuer, audience, expiry, signature, alg,
/// malformed, metadata unavailable); 403 token valid but endorsement or <c>serviceurl</c> mismatch.
/// <see cref="Failure"/> is a short, log-safe reason (never contains the token).
/// </summary>
public sealed record AuthenticationResult(bool Succeeded, int StatusCode, string? Failure, ClaimsIdentity? Identity, bool IsAnonymous)
{
    public static AuthenticationResult Success(ClaimsIdentity identity) => new(true, 200, null, identity, false);

    public static AuthenticationResult Anonymous() =>
        new(true, 200, null, new ClaimsIdentity(BotFrameworkAuthenticationTypes.Anonymous), true);

    public static AuthenticationResult Unauthorized(string failure) => new(false, 401, failure, null, false);

    public static AuthenticationResult Forbidden(string failure) => new(false, 403, failure, null, false);
}
