namespace AccountCoachBot.Channels.BotFramework.Auth;

/// <summary>Protocol constants for inbound/outbound Bot Framework authentication (contract §2, §3.1).</summary>
public static class BotFrameworkAuthConstants
{
    /// <summary>Named HttpClient for OpenID metadata and JWKS downloads.</summary>
    public const string MetadataHttpClientName = "BotFrameworkMetadata";

    /// <summary>Named HttpClient used by MSAL for outbound token requests.</summary>
    public const string LoginHttpClientName = "BotFrameworkLogin";

    public const string ChannelTokenIssuer = "https://api.botframework.com";

    /// <summary>Azure Bot Service / botframework.com tenants whose Entra tokens are accepted (contract §2.2, §2.3).</summary>
    public static readonly IReadOnlyList<Guid> BotServiceTenants =
    [
        new("d6d49420-f39b-4df7-a1dc-d59a935871db"),
        new("f8cdef31-a31e-4b4a-93e4-5f571e91255a"),
        new("69e9b82d-4842-4902-8d1e-abc5b98a55e8"),
    ];

    public const string V1IssuerPrefix = "https://sts.windows.net/";
    public const string V2IssuerPrefix = "https://login.microsoftonline.com/";

    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Signing algorithms accepted on inbound tokens; anything else (HS256, none, PS*, ES*) is rejected.</summary>
    public static readonly IReadOnlyList<string> AllowedSigningAlgorithms = ["RS256", "RS384", "RS512"];

    public static class Claims
    {
        public const string ServiceUrl = "serviceurl";
        public const string AppId = "appid";
        public const string AuthorizedParty = "azp";
        public const string Version = "ver";
        public const string TenantId = "tid";
        public const string Audience = "aud";
    }

    public static string V1Issuer(Guid tenant) => $"{V1IssuerPrefix}{tenant:D}/";

    public static string V2Issuer(Guid tenant) => $"{V2IssuerPrefix}{tenant:D}/v2.0";

    /// <summary>Parses <c>https://sts.windows.net/{tid}/</c> or <c>https://login.microsoftonline.com/{tid}/v2.0</c>.</summary>
    public static bool TryParseEntraIssuer(string? issuer, out Guid tenant)
    {
        tenant = Guid.Empty;
        if (string.IsNullOrEmpty(issuer))
            return false;

        ReadOnlySpan<char> middle;
        if (issuer.StartsWith(V1IssuerPrefix, StringComparison.Ordinal) && issuer.EndsWith('/'))
        {
            middle = issuer.AsSpan(V1IssuerPrefix.Length, issuer.Length - V1IssuerPrefix.Length - 1);
        }
        else if (issuer.StartsWith(V2IssuerPrefix, StringComparison.Ordinal) && issuer.EndsWith("/v2.0", StringComparison.Ordinal))
        {
            middle = issuer.AsSpan(V2IssuerPrefix.Length, issuer.Length - V2IssuerPrefix.Length - "/v2.0".Length);
        }
        else
        {
            return false;
        }

        // Exact round trip: lower-case "D" format only, so "issuer == V1Issuer(tenant) || V2Issuer(tenant)" holds.
        return Guid.TryParseExact(middle, "D", out tenant)
            && (issuer == V1Issuer(tenant) || issuer == V2Issuer(tenant));
    }
}
