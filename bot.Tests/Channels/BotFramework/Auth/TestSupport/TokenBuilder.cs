using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AccountCoachBot.Tests.Channels.BotFramework.Auth.TestSupport;

/// <summary>Builds JWTs signed with <see cref="JsonWebTokenHandler"/> and local keys, relative to a given "now".</summary>
internal sealed class TokenBuilder
{
    public static readonly Guid BotServiceTenantA = new("d6d49420-f39b-4df7-a1dc-d59a935871db");
    public static readonly Guid BotServiceTenantB = new("f8cdef31-a31e-4b4a-93e4-5f571e91255a");
    public static readonly Guid BotServiceTenantC = new("69e9b82d-4842-4902-8d1e-abc5b98a55e8");
    public static readonly Guid BotTenant = new("3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f");
    public static readonly Guid UnlistedTenant = new("72f988bf-86f1-41af-91ab-2d7cd011db47");

    private readonly Dictionary<string, object> _claims = new(StringComparer.Ordinal);
    private string? _issuer;
    private string? _audience;
    private DateTime _issuedAt;
    private DateTime _notBefore;
    private DateTime? _expires;
    private SigningCredentials _credentials;

    private TokenBuilder(DateTimeOffset now, TestSigningKey key)
    {
        _issuedAt = now.UtcDateTime;
        _notBefore = now.UtcDateTime;
        _expires = now.UtcDateTime.AddHours(1);
        _credentials = key.Credentials();
    }

    /// <summary>A Bot Connector token: iss api.botframework.com, aud = app id, serviceurl claim, signed by the channel key.</summary>
    public static TokenBuilder Channel(DateTimeOffset now) =>
        new TokenBuilder(now, TestKeys.Channel)
            .Issuer("https://api.botframework.com")
            .Audience(AuthTestHost.AppId)
            .With("serviceurl", AuthTestHost.ServiceUrl);

    /// <summary>An Entra token (v1: sts.windows.net issuer, appid; v2: login.microsoftonline.com issuer, azp) signed by the Entra key.</summary>
    public static TokenBuilder Entra(DateTimeOffset now, Guid tenant, string callerAppId, bool v2 = false)
    {
        var builder = new TokenBuilder(now, TestKeys.Entra)
            .Issuer(v2 ? $"https://login.microsoftonline.com/{tenant:D}/v2.0" : $"https://sts.windows.net/{tenant:D}/")
            .Audience(AuthTestHost.AppId)
            .With("tid", tenant.ToString("D"))
            .With("ver", v2 ? "2.0" : "1.0");
        return v2 ? builder.With("azp", callerAppId) : builder.With("appid", callerAppId);
    }

    public TokenBuilder Issuer(string issuer)
    {
        _issuer = issuer;
        return this;
    }

    public TokenBuilder Audience(string? audience)
    {
        _audience = audience;
        return this;
    }

    public TokenBuilder With(string claim, object value)
    {
        _claims[claim] = value;
        return this;
    }

    public TokenBuilder Without(string claim)
    {
        _claims.Remove(claim);
        return this;
    }

    public TokenBuilder ExpiresAt(DateTimeOffset expires)
    {
        _expires = expires.UtcDateTime;
        if (_notBefore >= _expires)
            _notBefore = _issuedAt = expires.UtcDateTime.AddHours(-1);
        return this;
    }

    public TokenBuilder NotBefore(DateTimeOffset notBefore)
    {
        _notBefore = notBefore.UtcDateTime;
        if (_expires <= _notBefore)
            _expires = notBefore.UtcDateTime.AddHours(1);
        return this;
    }

    public TokenBuilder NoExpiry()
    {
        _expires = null;
        return this;
    }

    public TokenBuilder SignedWith(TestSigningKey key, string algorithm = SecurityAlgorithms.RsaSha256)
    {
        _credentials = key.Credentials(algorithm);
        return this;
    }

    public TokenBuilder SignedWith(SigningCredentials credentials)
    {
        _credentials = credentials;
        return this;
    }

    public string Build()
    {
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = _issuer,
            Audience = _audience,
            Claims = new Dictionary<string, object>(_claims),
            IssuedAt = _issuedAt,
            NotBefore = _notBefore,
            Expires = _expires,
            SigningCredentials = _credentials,
        };
        return handler.CreateToken(descriptor);
    }

    /// <summary>The same token with header <c>{"alg":"none"}</c> and no signature.</summary>
    public string BuildUnsigned()
    {
        string[] parts = Build().Split('.');
        var header = new JsonObject { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = _credentials.Key.KeyId };
        return Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + parts[1] + ".";
    }
}
