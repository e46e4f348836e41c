namespace AccountCoachBot.Channels.BotFramework.Auth;

/// <summary>Authenticates an inbound <c>POST /api/messages</c> request (contract §2).</summary>
public interface IBotFrameworkAuthenticator
{
    /// <param name="authorizationHeader">The raw <c>Authorization</c> header value, or null when absent.</param>
    /// <param name="channelId">The activity's <c>channelId</c> (checked against the signing key's endorsements).</param>
    /// <param name="serviceUrl">The activity's <c>serviceUrl</c> (checked against the token's <c>serviceurl</c> claim).</param>
    /// <param name="ct">Request cancellation; cancellation surfaces as <see cref="OperationCanceledException"/>.</param>
    Task<AuthenticationResult> AuthenticateAsync(string? authorizationHeader, string channelId, string serviceUrl, CancellationToken ct);
}
