using AccountCoachBot.Channels.BotFramework.Auth;
using AccountCoachBot.Tests.Channels.BotFramework.Auth.TestSupport;

namespace AccountCoachBot.Tests.Channels.BotFramework.Auth;

/// <summary>Entra-issued tokens from the Azure Bot Service tenants and the bot's own tenant (contract §2.3).</summary>
public sealed class EntraTokenAuthenticationTests : IDisposable
{
    private readonly AuthTestHost _host;

    public EntraTokenAuthenticationTests()
    {
        Dictionary<string, string?> config = AuthTestHost.DefaultConfiguration();
        config["MicrosoftAppType"] = "SingleTenant";
        config["MicrosoftAppTenantId"] = TokenBuilder.BotTenant.ToString();
        _host = AuthTestHost.Create(config);
    }

    public void Dispose() => _host.Dispose();

    public static TheoryData<Guid, bool> BotServiceIssuers() => new()
    {
        { TokenBuilder.BotServiceTenantA, false },
        { TokenBuilder.BotServiceTenantA, true },
        { TokenBuilder.BotServiceTenantB, false },
        { TokenBuilder.BotServiceTenantB, true },
        { TokenBuilder.BotServiceTenantC, false },
        { TokenBuilder.BotServiceTenantC, true },
        { TokenBuilder.BotTenant, false },
        { TokenBuilder.BotTenant, true },
    };

    [Theory]
    [MemberData(nameof(BotServiceIssuers))]
    public async Task AuthenticateAsync_Succeeds_WhenEntraTokenFromBotServiceOrOwnTenantIsValid(Guid tenant, bool v2)
    {
        // No serviceurl claim and an unendorsed channel: Entra tokens skip those channel-token checks.
        string token = TokenBuilder.Entra(_host.Now, tenant, AuthTestHost.OtherAppId, v2).Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token, channelId: "any-channel", serviceUrl: "https://other.example.com/");

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(BotFrameworkAuthenticationTypes.Entra, result.Identity!.AuthenticationType);
        Assert.Equal(1, _host.Endpoints.Count(FakeIdentityEndpoints.EntraJwksUrl));
        Assert.Equal(0, _host.Endpoints.Count(FakeIdentityEndpoints.ChannelMetadataUrl));
    }

    [Fact]
    public async Task AuthenticateAsync_Succeeds_WhenAudienceIsApiUriOfAppId()
    {
        string token = TokenBuilder.Entra(_host.Now, TokenBuilder.BotServiceTenantC, AuthTestHost.OtherAppId, v2: true)
            .Audience("api://" + AuthTestHost.AppId)
            .Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token);

        Assert.True(result.Succeeded, result.Failure);
    }

    [Theory]
    [InlineData(AuthTestHost.OtherAppId)]
    [InlineData("api://" + AuthTestHost.OtherAppId)]
    [InlineData("https://api.botframework.com")]
    public async Task AuthenticateAsync_Returns401_WhenEntraAudienceIsNotThisBot(string audience)
    {
        string token = TokenBuilder.Entra(_host.Now, TokenBuilder.BotServiceTenantC, AuthTestHost.OtherAppId)
            .Audience(audience)
            .Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token);

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task AuthenticateAsync_Returns401_WhenTidDoesNotMatchIssuerTenant()
    {
        string token = TokenBuilder.Entra(_host.Now, TokenBuilder.BotServiceTenantC, AuthTestHost.OtherAppId)
            .With("tid", TokenBuilder.UnlistedTenant.ToString())
            .Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token);

        Assert.Equal(401, result.StatusCode);
        Assert.Contains("tid", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthenticateAsync_Returns401_WhenTidIsMissing()
    {
        string token = TokenBuilder.Entra(_host.Now, TokenBuilder.BotServiceTenantA, AuthTestHost.OtherAppId, v2: true)
            .Without("tid")
            .Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token);

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task AuthenticateAsync_Returns401WithoutFetchingMetadata_WhenTenantIsNotListedAndCallerIsAnotherApp()
    {
        string token = TokenBuilder.Entra(_host.Now, TokenBuilder.UnlistedTenant, AuthTestHost.OtherAppId, v2: true).Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token);

        Assert.Equal(401, result.StatusCode);
        Assert.Empty(_host.Endpoints.Requests);
    }

    [Fact]
    public async Task AuthenticateAsync_Returns401_WhenOwnTenantIssuerButNoTenantConfigured()
    {
        using AuthTestHost multiTenant = AuthTestHost.Create(); // MultiTenant, no MicrosoftAppTenantId
        string token = TokenBuilder.Entra(multiTenant.Now, TokenBuilder.BotTenant, AuthTestHost.OtherAppId).Build();

        AuthenticationResult result = await multiTenant.AuthenticateAsync(token);

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task AuthenticateAsync_Returns401_WhenEntraTokenExpiredBeyondSkew()
    {
        string token = TokenBuilder.Entra(_host.Now, TokenBuilder.BotServiceTenantA, AuthTestHost.OtherAppId)
            .ExpiresAt(_host.Now.AddMinutes(-6))
            .Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token);

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task AuthenticateAsync_Returns401_WhenSigningKeyIssuerBelongsToAnotherTenant()
    {
        // The key set entry of this key declares a fixed tenant issuer; tokens for other tenants must not use it.
        string token = TokenBuilder.Entra(_host.Now, TokenBuilder.BotServiceTenantA, AuthTestHost.OtherAppId)
            .SignedWith(TestKeys.EntraOtherTenantOnly)
            .Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token);

        Assert.Equal(401, result.StatusCode);
        Assert.Contains("tenant", result.Failure, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AuthenticateAsync_Returns401_WhenEntraTokenIsSignedWithAChannelKey()
    {
        // Metadata is routed by issuer: the channel key set is never consulted for an Entra issuer.
        string token = TokenBuilder.Entra(_host.Now, TokenBuilder.BotServiceTenantA, AuthTestHost.OtherAppId)
            .SignedWith(TestKeys.Channel)
            .Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token);

        Assert.Equal(401, result.StatusCode);
        Assert.Equal(0, _host.Endpoints.Count(FakeIdentityEndpoints.ChannelJwksUrl));
    }

    [Fact]
    public async Task AuthenticateAsync_Returns401_WhenEntraSignatureIsForged()
    {
        string token = TokenBuilder.Entra(_host.Now, TokenBuilder.BotServiceTenantA, AuthTestHost.OtherAppId)
            .SignedWith(new TestSigningKey(TestKeys.Entra.Kid))
            .Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token);

        Assert.Equal(401, result.StatusCode);
    }
}
