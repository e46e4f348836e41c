using AccountCoachBot.Channels.BotFramework.Auth;
using AccountCoachBot.Tests.Channels.BotFramework.Auth.TestSupport;

namespace AccountCoachBot.Tests.Channels.BotFramework.Auth;

/// <summary>
/// What a valid Bot Connector token vouches for (contract §2.1): the channel its signing key endorses, and the
/// serviceUrl the activity names.
/// </summary>
public sealed class ChannelTokenEndorsementTests : IDisposable
{
    private readonly AuthTestHost _host = AuthTestHost.Create();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task AuthenticateAsync_Returns403_WhenSigningKeyDoesNotEndorseChannelId()
    {
        string token = TokenBuilder.Channel(_host.Now).Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token, channelId: "slack");

        Assert.Equal(403, result.StatusCode);
        Assert.False(result.Succeeded);
        Assert.Null(result.Identity);
        Assert.Contains("endorse", result.Failure, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AuthenticateAsync_Returns403_WhenChannelIdDiffersOnlyInCase()
    {
        string token = TokenBuilder.Channel(_host.Now).Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token, channelId: "MSTeams");

        Assert.Equal(403, result.StatusCode);
    }

    [Fact]
    public async Task AuthenticateAsync_Returns403_WhenSigningKeyHasNoEndorsements()
    {
        string token = TokenBuilder.Channel(_host.Now).SignedWith(TestKeys.ChannelWithoutEndorsements).Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token);

        Assert.Equal(403, result.StatusCode);
    }

    [Fact]
    public async Task AuthenticateAsync_Succeeds_WhenAnotherEndorsedChannelIsUsed()
    {
        string token = TokenBuilder.Channel(_host.Now).Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token, channelId: "webchat");

        Assert.True(result.Succeeded, result.Failure);
    }

    [Fact]
    public async Task AuthenticateAsync_Returns403_WhenServiceUrlClaimDiffersFromActivity()
    {
        string token = TokenBuilder.Channel(_host.Now).Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token, serviceUrl: "https://smba.trafficmanager.net/emea/");

        Assert.Equal(403, result.StatusCode);
        Assert.Contains("serviceurl", result.Failure, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AuthenticateAsync_Returns403_WhenServiceUrlClaimIsMissing()
    {
        string token = TokenBuilder.Channel(_host.Now).Without("serviceurl").Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token);

        Assert.Equal(403, result.StatusCode);
    }

    [Fact]
    public async Task AuthenticateAsync_Returns403_WhenActivityHasNoServiceUrl()
    {
        string token = TokenBuilder.Channel(_host.Now).Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token, serviceUrl: "");

        Assert.Equal(403, result.StatusCode);
    }

    [Theory]
    [InlineData("HTTPS://SMBA.TRAFFICMANAGER.NET/AMER/")]
    [InlineData("https://smba.trafficmanager.net/amer")]
    public async Task AuthenticateAsync_Succeeds_WhenServiceUrlDiffersOnlyInCaseOrTrailingSlash(string activityServiceUrl)
    {
        string token = TokenBuilder.Channel(_host.Now).Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token, serviceUrl: activityServiceUrl);

        Assert.True(result.Succeeded, result.Failure);
    }
}
