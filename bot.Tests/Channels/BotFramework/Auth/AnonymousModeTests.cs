using System.Net;
using AccountCoachBot.Channels.BotFramework;
using AccountCoachBot.Channels.BotFramework.Auth;
using AccountCoachBot.Tests.Channels.BotFramework.Auth.TestSupport;

namespace AccountCoachBot.Tests.Channels.BotFramework.Auth;

/// <summary>No app id configured (contract §2.5, DESIGN §3).</summary>
public sealed class AnonymousModeTests
{
    private static AuthTestHost CreateWithoutAppId() => AuthTestHost.Create(new Dictionary<string, string?>());

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task AuthenticateAsync_SucceedsAnonymously_WhenNoAppIdAndNoAuthorizationHeader(string? header)
    {
        using AuthTestHost host = CreateWithoutAppId();

        AuthenticationResult result = await host.AuthenticateHeaderAsync(header);

        Assert.True(result.Succeeded);
        Assert.True(result.IsAnonymous);
        Assert.Equal(200, result.StatusCode);
        Assert.Equal(BotFrameworkAuthenticationTypes.Anonymous, result.Identity!.AuthenticationType);
        Assert.Empty(host.Endpoints.Requests);
    }

    [Fact]
    public async Task AuthenticateAsync_Returns401_WhenNoAppIdButAuthorizationHeaderIsPresent()
    {
        using AuthTestHost host = CreateWithoutAppId();
        string token = TokenBuilder.Channel(host.Now).Build();

        AuthenticationResult result = await host.AuthenticateAsync(token);

        Assert.Equal(401, result.StatusCode);
        Assert.False(result.IsAnonymous);
        Assert.Contains("audience", result.Failure, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(host.Endpoints.Requests); // decided locally: no metadata download from a dev machine
    }

    [Fact]
    public async Task AuthenticateAsync_Returns401_WhenAppIdIsConfiguredAndNoAuthorizationHeader()
    {
        using AuthTestHost host = AuthTestHost.Create();

        AuthenticationResult result = await host.AuthenticateHeaderAsync(null);

        Assert.Equal(401, result.StatusCode);
        Assert.False(result.IsAnonymous);
        Assert.Null(result.Identity);
    }

    [Theory]
    [InlineData("127.0.0.1", false, true)]
    [InlineData("::1", false, true)]
    [InlineData("::ffff:127.0.0.1", false, true)]
    [InlineData("10.1.2.3", false, false)]
    [InlineData("10.1.2.3", true, true)]
    public void IsPermitted_AllowsLoopbackOrExplicitOptIn_WhenAuthenticationIsDisabled(string address, bool allowUnauthenticated, bool expected)
    {
        var options = new BotFrameworkOptions { AllowUnauthenticated = allowUnauthenticated };

        Assert.Equal(expected, AnonymousAccess.IsPermitted(options, IPAddress.Parse(address)));
    }

    [Fact]
    public void IsPermitted_IsFalse_WhenRemoteAddressIsUnknown()
    {
        Assert.False(AnonymousAccess.IsPermitted(new BotFrameworkOptions(), null));
    }

    [Fact]
    public void IsPermitted_IsFalse_WhenAppIdIsConfigured()
    {
        var options = new BotFrameworkOptions { MicrosoftAppId = AuthTestHost.AppId, AllowUnauthenticated = true };

        Assert.False(AnonymousAccess.IsPermitted(options, IPAddress.Loopback));
    }
}
