namespace AccountCoachBot.Channels.BotFramework.Auth;

/// <summary>Bearer tokens for outbound Bot Connector calls (contract §3.1).</summary>
public interface IConnectorTokenProvider
{
    /// <summary>
    /// The access token to send as <c>Authorization: Bearer &lt;token&gt;</c>, or null when authentication is disabled
    /// (no app id): then no Authorization header is sent. Throws <see cref="ConnectorTokenException"/> when a token
    /// cannot be obtained.
    /// </summary>
    Task<string?> GetTokenAsync(CancellationToken ct);
}

/// <summary>Raised when an outbound connector token cannot be acquired. The message never contains secrets.</summary>
public sealed class ConnectorTokenException : Exception
{
    public ConnectorTokenException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
