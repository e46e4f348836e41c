using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;

namespace AccountCoachBot.Channels.BotFramework.Auth;

/// <summary>
/// Tokens whose signature, issuer and audience were validated, until they expire. The Bot Connector sends the same
/// token with every activity for about an hour; profiled under a burst, parsing and verifying it again was the Bot
/// Framework ack's largest piece of work and of its allocations. What is checked per request stays per request: the
/// lifetime on the clock, the signing key still being published (a key rotated out fails the token again), and the
/// route's own checks (the channel's endorsement and serviceUrl, the tenant).
/// </summary>
internal sealed class ValidatedTokens
{
    /// <summary>Far more than the tokens in use at once (one per channel and Entra app); a flood of new ones starts over.</summary>
    public const int Capacity = 1024;

    private readonly ConcurrentDictionary<string, ValidatedToken> _tokens = new(StringComparer.Ordinal);

    public bool TryGet(string token, out ValidatedToken validated) => _tokens.TryGetValue(token, out validated!);

    public void Add(string token, ValidatedToken validated)
    {
        if (_tokens.Count >= Capacity) _tokens.Clear();
        _tokens[token] = validated;
    }

    public void Remove(string token) => _tokens.TryRemove(token, out _);
}

internal sealed record ValidatedToken(JsonWebToken Token, ClaimsIdentity Identity, string Kid, TokenRoute Route);
