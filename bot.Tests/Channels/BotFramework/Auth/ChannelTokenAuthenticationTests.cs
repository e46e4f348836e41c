using System.Text;
using AccountCoachBot.Channels.BotFramework.Auth;
using AccountCoachBot.Tests.Channels.BotFramework.Auth.TestSupport;
using Microsoft.IdentityModel.Tokens;

namespace AccountCoachBot.Tests.Channels.BotFramework.Auth;

/// <summary>Bot Connector tokens (contract §2.1), validated against a fake metadata + JWKS with endorsements.</summary>
public sealed class ChannelTokenAuthenticationTests : IDisposable
{
    private readonly AuthTestHost _host = AuthTestHost.Create();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task AuthenticateAsync_Succeeds_WhenChannelTokenIsValid()
    {
        string token = TokenBuilder.Channel(_host.Now).Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token);

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(200, result.StatusCode);
        Assert.False(result.IsAnonymous);
        Assert.NotNull(result.Identity);
        Assert.Equal(BotFrameworkAuthenticationTypes.Channel, result.Identity!.AuthenticationType);
        Assert.Equal(AuthTestHost.ServiceUrl, result.Identity.FindFirst("serviceurl")?.Value);
        Assert.Equal(1, _host.Endpoints.Count(FakeIdentityEndpoints.ChannelMetadataUrl));
        Assert.Equal(1, _host.Endpoints.Count(FakeIdentityEndpoints.ChannelJwksUrl));
    }

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSha384)]
    [InlineData(SecurityAlgorithms.RsaSha512)]
    public async Task AuthenticateAsync_Succeeds_WhenSignedWithAllowedRsaAlgorithm(string algorithm)
    {
        string token = TokenBuilder.Channel(_host.Now).SignedWith(TestKeys.Channel, algorithm).Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token);

        Assert.True(result.Succeeded, result.Failure);
    }

    [Theory]
    [InlineData("https://api.botframework.us")]
    [InlineData("https://api.botframework.com/")]
    [InlineData("https://evil.example.com")]
    public async Task AuthenticateAsync_Returns401WithoutFetchingMetadata_WhenIssuerIsUnknown(string issuer)
    {
        string token = TokenBuilder.Channel(_host.Now).Issuer(issuer).Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token);

        Assert.Equal(401, result.StatusCode);
        Assert.False(result.Succeeded);
        Assert.Null(result.Identity);
        Assert.Empty(_host.Endpoints.Requests);
    }

    [Theory]
    [InlineData(AuthTestHost.OtherAppId)]
    [InlineData("api://" + AuthTestHost.AppId)] // api:// form is for Entra tokens only
    [InlineData("https://api.botframework.com")]
    public async Task AuthenticateAsync_Returns401_WhenAudienceIsNotTheAppId(string audience)
    {
        string token = TokenBuilder.Channel(_host.Now).Audience(audience).Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token);

        Assert.Equal(401, result.StatusCode);
        Assert.Contains("audience", result.Failure, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AuthenticateAsync_Returns401_WhenTokenExpiredBeyondClockSkew()
    {
        string token = TokenBuilder.Channel(_host.Now).ExpiresAt(_host.Now.AddMinutes(-5).AddSeconds(-10)).Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token);

        Assert.Equal(401, result.StatusCode);
        Assert.Contains("lifetime", result.Failure, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AuthenticateAsync_Succeeds_WhenTokenExpiredWithinClockSkew()
    {
        string token = TokenBuilder.Channel(_host.Now).ExpiresAt(_host.Now.AddMinutes(-4)).Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token);

        Assert.True(result.Succeeded, result.Failure);
    }

    [Fact]
    public async Task AuthenticateAsync_Returns401_WhenNotBeforeIsBeyondClockSkew()
    {
        string token = TokenBuilder.Channel(_host.Now).NotBefore(_host.Now.AddMinutes(6)).Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token);

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task AuthenticateAsync_Succeeds_WhenNotBeforeIsWithinClockSkew()
    {
        string token = TokenBuilder.Channel(_host.Now).NotBefore(_host.Now.AddMinutes(4)).Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token);

        Assert.True(result.Succeeded, result.Failure);
    }

    [Fact]
    public async Task AuthenticateAsync_Returns401_WhenInjectedClockPassesExpiryPlusSkew()
    {
        string token = TokenBuilder.Channel(_host.Now).ExpiresAt(_host.Now.AddHours(1)).Build();
        Assert.True((await _host.AuthenticateAsync(token)).Succeeded);

        _host.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        AuthenticationResult result = await _host.AuthenticateAsync(token);
        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task AuthenticateAsync_Returns401_WhenTokenHasNoExpiry()
    {
        string token = TokenBuilder.Channel(_host.Now).NoExpiry().Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token);

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task AuthenticateAsync_Returns401_WhenSignatureIsFromAnotherKeyWithTheSameKid()
    {
        string token = TokenBuilder.Channel(_host.Now).SignedWith(TestKeys.Impostor).Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token);

        Assert.Equal(401, result.StatusCode);
        Assert.Contains("signature", result.Failure, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AuthenticateAsync_Returns401_WhenPayloadWasAlteredAfterSigning()
    {
        string[] parts = TokenBuilder.Channel(_host.Now).Build().Split('.');
        string payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]))
            .Replace(AuthTestHost.ServiceUrl, "https://attacker.example.com/", StringComparison.Ordinal);
        string forged = parts[0] + "." + Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(payload)) + "." + parts[2];

        AuthenticationResult result = await _host.AuthenticateAsync(forged, serviceUrl: "https://attacker.example.com/");

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task AuthenticateAsync_Returns401_WhenAlgorithmIsHs256()
    {
        // Symmetric key with the kid of a published RSA key: the classic "use the public key as HMAC secret" confusion.
        var hmacKey = new SymmetricSecurityKey(TestKeys.Channel.Rsa.ExportSubjectPublicKeyInfo()) { KeyId = TestKeys.Channel.Kid };
        string token = TokenBuilder.Channel(_host.Now)
            .SignedWith(new SigningCredentials(hmacKey, SecurityAlgorithms.HmacSha256))
            .Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token);

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task AuthenticateAsync_Returns401_WhenAlgorithmIsNone()
    {
        string token = TokenBuilder.Channel(_host.Now).BuildUnsigned();

        AuthenticationResult result = await _host.AuthenticateAsync(token);

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task AuthenticateAsync_Returns401_WhenAlgorithmIsRsaPssWithAPublishedKey()
    {
        string token = TokenBuilder.Channel(_host.Now).SignedWith(TestKeys.Channel, SecurityAlgorithms.RsaSsaPssSha256).Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token);

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task AuthenticateAsync_Returns401_WhenTokenIsSignedByAnEntraKeyButClaimsChannelIssuer()
    {
        // Metadata is routed by issuer: the Entra key set is never consulted for a channel token.
        string token = TokenBuilder.Channel(_host.Now).SignedWith(TestKeys.Entra).Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token);

        Assert.Equal(401, result.StatusCode);
        Assert.Equal(0, _host.Endpoints.Count(FakeIdentityEndpoints.EntraMetadataUrl));
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer a.b")]
    [InlineData("Bearer x y")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.e30.sig")]
    public async Task AuthenticateAsync_Returns401_WhenAuthorizationHeaderIsMalformed(string header)
    {
        AuthenticationResult result = await _host.AuthenticateHeaderAsync(header);

        Assert.Equal(401, result.StatusCode);
        Assert.Empty(_host.Endpoints.Requests);
    }

    [Fact]
    public async Task AuthenticateAsync_Succeeds_WhenSchemeIsLowerCase()
    {
        string token = TokenBuilder.Channel(_host.Now).Build();

        AuthenticationResult result = await _host.AuthenticateHeaderAsync("bearer " + token);

        Assert.True(result.Succeeded, result.Failure);
    }

    [Fact]
    public async Task AuthenticateAsync_Returns401_WhenTokenHasNoKid()
    {
        var keyWithoutKid = new RsaSecurityKey(TestKeys.Channel.Rsa);
        string token = TokenBuilder.Channel(_host.Now)
            .SignedWith(new SigningCredentials(keyWithoutKid, SecurityAlgorithms.RsaSha256))
            .Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token);

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task AuthenticateAsync_NeverLogsOrReturnsTheToken_WhenValidationFails()
    {
        string expired = TokenBuilder.Channel(_host.Now).ExpiresAt(_host.Now.AddHours(-1)).Build();
        string forbidden = TokenBuilder.Channel(_host.Now).Build();

        AuthenticationResult first = await _host.AuthenticateAsync(expired);
        AuthenticationResult second = await _host.AuthenticateAsync(forbidden, channelId: "slack");
        AuthenticationResult third = await _host.AuthenticateHeaderAsync("Bearer " + expired + "x");

        Assert.Equal([401, 403, 401], new[] { first.StatusCode, second.StatusCode, third.StatusCode });
        Assert.NotEmpty(_host.Logs.Lines);
        foreach (string text in _host.Logs.Lines.Concat([first.Failure!, second.Failure!, third.Failure!]))
        {
            Assert.DoesNotContain(expired.Split('.')[2], text, StringComparison.Ordinal);
            Assert.DoesNotContain(forbidden.Split('.')[1], text, StringComparison.Ordinal);
            Assert.DoesNotContain(AuthTestHost.Secret, text, StringComparison.Ordinal);
        }
    }
}
