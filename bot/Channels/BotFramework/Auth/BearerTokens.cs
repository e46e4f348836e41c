using Microsoft.IdentityModel.Tokens;

namespace AccountCoachBot.Channels.BotFramework.Auth;

/// <summary>The Authorization header's bearer token, the serviceUrl comparison, and why a validation failed, in words.</summary>
internal static class BearerTokens
{
    private const int MaxTokenLength = 64 * 1024;

    public static bool TryGet(string header, out string token)
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

    public static bool SameServiceUrl(string claimed, string activity) =>
        string.Equals(claimed.Trim().TrimEnd('/'), activity.Trim().TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    public static string Describe(Exception? exception) => exception switch
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
}
