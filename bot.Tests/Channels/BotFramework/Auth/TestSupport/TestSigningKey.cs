using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace AccountCoachBot.Tests.Channels.BotFramework.Auth.TestSupport;

/// <summary>A locally generated RSA signing key and its JWK (public part only).</summary>
internal sealed class TestSigningKey
{
    public TestSigningKey(string kid)
    {
        Kid = kid;
        Rsa = RSA.Create(2048);
        SecurityKey = new RsaSecurityKey(Rsa) { KeyId = kid };
    }

    public string Kid { get; }

    public RSA Rsa { get; }

    public RsaSecurityKey SecurityKey { get; }

    public SigningCredentials Credentials(string algorithm = SecurityAlgorithms.RsaSha256) => new(SecurityKey, algorithm);

    /// <summary>The JWKS entry: kty/use/kid/n/e plus, optionally, Bot Framework endorsements and an Entra issuer.</summary>
    public JsonObject ToJwk(IEnumerable<string>? endorsements = null, string? issuer = null)
    {
        RSAParameters parameters = Rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = Kid,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (endorsements is not null)
            jwk["endorsements"] = new JsonArray(endorsements.Select(e => (JsonNode)JsonValue.Create(e)!).ToArray());
        if (issuer is not null)
            jwk["issuer"] = issuer;
        return jwk;
    }
}

/// <summary>Keys shared by all tests (RSA generation is slow; the keys are never mutated).</summary>
internal static class TestKeys
{
    public static readonly TestSigningKey Channel = new("channel-key-1");
    public static readonly TestSigningKey ChannelRotated = new("channel-key-2");
    public static readonly TestSigningKey ChannelNeverPublished = new("channel-key-unpublished");
    public static readonly TestSigningKey ChannelWithoutEndorsements = new("channel-key-no-endorsements");
    public static readonly TestSigningKey Entra = new("entra-key-1");
    public static readonly TestSigningKey EntraOtherTenantOnly = new("entra-key-other-tenant");

    /// <summary>Same kid as <see cref="Channel"/>, different key material: a forged signature.</summary>
    public static readonly TestSigningKey Impostor = new("channel-key-1");
}
