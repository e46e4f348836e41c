using Microsoft.IdentityModel.Tokens;

namespace AccountCoachBot.Channels.BotFramework.Auth;

/// <summary>
/// One download of an OpenID metadata document and its key set: the signing keys plus, per key id, the Bot Framework
/// <c>endorsements</c> array and the Entra <c>issuer</c> property, read from the raw JWKS JSON.
/// </summary>
internal sealed class SigningMetadata
{
    public SigningMetadata(
        IReadOnlyList<SecurityKey> keys,
        IReadOnlyDictionary<string, IReadOnlyList<string>> endorsements,
        IReadOnlyDictionary<string, string> keyIssuers)
    {
        Keys = keys;
        Endorsements = endorsements;
        KeyIssuers = keyIssuers;
    }

    public IReadOnlyList<SecurityKey> Keys { get; }

    /// <summary>kid → endorsements (channel ids). Keys without the property are absent.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Endorsements { get; }

    /// <summary>kid → the key's <c>issuer</c> property (Entra keys; may contain <c>{tenantid}</c>).</summary>
    public IReadOnlyDictionary<string, string> KeyIssuers { get; }

    public bool HasKey(string kid) => Keys.Any(k => string.Equals(k.KeyId, kid, StringComparison.Ordinal));
}
