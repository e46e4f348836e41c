using System.Net;
using AccountCoachBot.Channels.BotFramework.Auth;
using AccountCoachBot.Tests.Channels.BotFramework.Auth.TestSupport;

namespace AccountCoachBot.Tests.Channels.BotFramework.Auth;

/// <summary>Outbound Bot Connector tokens through MSAL against a fake token endpoint (contract §3.1).</summary>
public sealed class ConnectorTokenProviderTests
{
    [Fact]
    public async Task GetTokenAsync_PostsClientCredentialsToBotframeworkTenant_WhenMultiTenant()
    {
        using AuthTestHost host = AuthTestHost.Create();

        string? token = await host.TokenProvider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("access-token-1", token);
        FakeIdentityEndpoints.RecordedRequest request = Assert.Single(host.Endpoints.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token", request.Uri.GetLeftPart(UriPartial.Path));
        IReadOnlyDictionary<string, string> form = request.Form();
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(AuthTestHost.AppId, form["client_id"]);
        Assert.Equal(AuthTestHost.Secret, form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
    }

    [Fact]
    public async Task GetTokenAsync_PostsToTheBotsTenant_WhenSingleTenant()
    {
        Dictionary<string, string?> config = AuthTestHost.DefaultConfiguration();
        config["MicrosoftAppType"] = "singletenant"; // case-insensitive
        config["MicrosoftAppTenantId"] = TokenBuilder.BotTenant.ToString();
        using AuthTestHost host = AuthTestHost.Create(config);

        string? token = await host.TokenProvider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("access-token-1", token);
        FakeIdentityEndpoints.RecordedRequest request = Assert.Single(host.Endpoints.Requests);
        Assert.Equal($"https://login.microsoftonline.com/{TokenBuilder.BotTenant}/oauth2/v2.0/token", request.Uri.GetLeftPart(UriPartial.Path));
        Assert.Equal("client_credentials", request.Form()["grant_type"]);
        Assert.Equal(AuthTestHost.AppId, request.Form()["client_id"]);
        Assert.Equal("https://api.botframework.com/.default", request.Form()["scope"]);
    }

    [Fact]
    public async Task GetTokenAsync_UsesConfiguredAuthorityAndScope_WhenOverridden()
    {
        Dictionary<string, string?> config = AuthTestHost.DefaultConfiguration();
        config["BotFramework:LoginAuthority"] = "https://login.example.test/";
        config["BotFramework:ConnectorScope"] = "https://api.botframework.us/.default";
        using AuthTestHost host = AuthTestHost.Create(config);

        await host.TokenProvider.GetTokenAsync(CancellationToken.None);

        FakeIdentityEndpoints.RecordedRequest request = Assert.Single(host.Endpoints.Requests);
        Assert.Equal("https://login.example.test/botframework.com/oauth2/v2.0/token", request.Uri.GetLeftPart(UriPartial.Path));
        Assert.Equal("https://api.botframework.us/.default", request.Form()["scope"]);
    }

    [Fact]
    public async Task GetTokenAsync_ReusesTheCachedToken_WhenCalledAgainBeforeExpiry()
    {
        using AuthTestHost host = AuthTestHost.Create();

        string? first = await host.TokenProvider.GetTokenAsync(CancellationToken.None);
        string? second = await host.TokenProvider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("access-token-1", first);
        Assert.Equal(first, second);
        Assert.Single(host.Endpoints.TokenRequests);
    }

    [Fact]
    public async Task GetTokenAsync_ReturnsNullWithoutAnyRequest_WhenNoAppId()
    {
        using AuthTestHost host = AuthTestHost.Create(new Dictionary<string, string?>());

        string? token = await host.TokenProvider.GetTokenAsync(CancellationToken.None);

        Assert.Null(token);
        Assert.Empty(host.Endpoints.Requests);
    }

    [Fact]
    public async Task GetTokenAsync_ThrowsConnectorTokenExceptionWithoutSecret_WhenTokenEndpointRejectsTheClient()
    {
        using AuthTestHost host = AuthTestHost.Create();
        host.Endpoints.TokenResponse = _ => (HttpStatusCode.Unauthorized,
            """{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided.","error_codes":[7000215]}""");

        ConnectorTokenException exception = await Assert.ThrowsAsync<ConnectorTokenException>(
            () => host.TokenProvider.GetTokenAsync(CancellationToken.None));

        Assert.Contains("invalid_client", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(AuthTestHost.Secret, exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(host.Logs.Lines, line => line.Contains(AuthTestHost.Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetTokenAsync_RequestsTheConnectorResourceForTheAppId_WhenUserAssignedMsi()
    {
        string clientId = Guid.NewGuid().ToString(); // MSAL's managed-identity token cache is process-wide
        using AuthTestHost host = AuthTestHost.Create(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = clientId,
            ["MicrosoftAppType"] = "UserAssignedMSI",
            ["MicrosoftAppTenantId"] = TokenBuilder.BotTenant.ToString(),
        });

        string? first = await host.TokenProvider.GetTokenAsync(CancellationToken.None);
        string? second = await host.TokenProvider.GetTokenAsync(CancellationToken.None);

        Assert.StartsWith("msi-token-", first, StringComparison.Ordinal);
        Assert.Equal(first, second);
        FakeIdentityEndpoints.RecordedRequest request = Assert.Single(host.Endpoints.TokenRequests);
        Assert.Equal(HttpMethod.Get, request.Method);
        string query = Uri.UnescapeDataString(request.Uri.Query);
        Assert.Contains("resource=https://api.botframework.com", query, StringComparison.Ordinal);
        Assert.Contains(clientId, query, StringComparison.Ordinal);
    }
}
