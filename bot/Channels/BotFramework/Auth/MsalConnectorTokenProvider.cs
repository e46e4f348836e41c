using Microsoft.Extensions.Logging;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace AccountCoachBot.Channels.BotFramework.Auth;

/// <summary>
/// Outbound Bot Connector tokens through MSAL (contract §3.1).
/// </summary>
/// <remarks>
/// MultiTenant → authority <c>{LoginAuthority}/botframework.com</c>; SingleTenant → <c>{LoginAuthority}/{tenant}</c>;
/// client secret; scope <see cref="BotFrameworkOptions.ConnectorScope"/>. Instance discovery and authority validation
/// are off: the authority is fixed by configuration, so there is nothing to discover, and a test or sovereign authority
/// works without a discovery round trip. UserAssignedMSI → MSAL's managed-identity client with the app id as the
/// user-assigned client id and the scope's resource (<c>https://api.botframework.com</c>). MSAL's HTTP goes through the
/// <c>BotFrameworkLogin</c> named client and its in-memory app token cache reuses tokens until shortly before expiry.
/// </remarks>
internal sealed class MsalConnectorTokenProvider : IConnectorTokenProvider
{
    internal const string MultiTenantAuthorityTenant = "botframework.com";

    private readonly BotFrameworkOptions _options;
    private readonly ILogger<MsalConnectorTokenProvider> _logger;
    private readonly IConfidentialClientApplication? _confidentialClient;
    private readonly IManagedIdentityApplication? _managedIdentity;

    public MsalConnectorTokenProvider(BotFrameworkOptions options, IHttpClientFactory httpClientFactory, ILogger<MsalConnectorTokenProvider> logger)
    {
        IReadOnlyList<string> errors = options.Validate();
        if (errors.Count > 0)
            throw new InvalidOperationException("Invalid Bot Framework configuration: " + string.Join(" ", errors));

        _options = options;
        _logger = logger;
        if (options.IsAuthenticationDisabled)
            return;

        var msalHttp = new MsalHttpClientFactory(httpClientFactory);
        if (options.IsUserAssignedMsi)
        {
            _managedIdentity = ManagedIdentityApplicationBuilder
                .Create(ManagedIdentityId.WithUserAssignedClientId(options.MicrosoftAppId!))
                .WithHttpClientFactory(msalHttp)
                .Build();
        }
        else
        {
            _confidentialClient = ConfidentialClientApplicationBuilder
                .Create(options.MicrosoftAppId)
                .WithClientSecret(options.MicrosoftAppPassword)
                .WithAuthority(Authority(options), validateAuthority: false)
                .WithInstanceDiscovery(false)
                .WithHttpClientFactory(msalHttp)
                .Build();
        }
    }

    /// <summary>The MSAL authority for a client-secret app: <c>{LoginAuthority}/botframework.com</c> or <c>/{tenant}</c>.</summary>
    internal static string Authority(BotFrameworkOptions options)
    {
        string tenant = options.IsSingleTenant ? options.MicrosoftAppTenantId! : MultiTenantAuthorityTenant;
        return options.LoginAuthority.TrimEnd('/') + "/" + tenant;
    }

    /// <summary>Managed identity wants a resource, not a scope: <c>https://api.botframework.com/.default</c> → <c>https://api.botframework.com</c>.</summary>
    internal static string Resource(string scope) =>
        scope.EndsWith("/.default", StringComparison.Ordinal) ? scope[..^"/.default".Length] : scope;

    public async Task<string?> GetTokenAsync(CancellationToken ct)
    {
        if (_options.IsAuthenticationDisabled)
            return null;

        try
        {
            Microsoft.Identity.Client.AuthenticationResult result = _managedIdentity is not null
                ? await _managedIdentity.AcquireTokenForManagedIdentity(Resource(_options.ConnectorScope)).ExecuteAsync(ct).ConfigureAwait(false)
                : await _confidentialClient!.AcquireTokenForClient([_options.ConnectorScope]).ExecuteAsync(ct).ConfigureAwait(false);
            return result.AccessToken;
        }
        catch (MsalException ex)
        {
            // MSAL error codes and messages carry no secrets (it never echoes the client secret or tokens).
            _logger.LogWarning("Could not acquire a Bot Connector token: {ErrorCode}", ex.ErrorCode);
            throw new ConnectorTokenException($"Could not acquire a Bot Connector token ({ex.ErrorCode}).", ex);
        }
    }

    /// <summary>Routes MSAL's HTTP through the <c>BotFrameworkLogin</c> named client.</summary>
    private sealed class MsalHttpClientFactory(IHttpClientFactory factory) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => factory.CreateClient(BotFrameworkAuthConstants.LoginHttpClientName);
    }
}
