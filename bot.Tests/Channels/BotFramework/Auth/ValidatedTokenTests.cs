using AccountCoachBot.Channels.BotFramework.Auth;
using AccountCoachBot.Tests.Channels.BotFramework.Auth.TestSupport;

namespace AccountCoachBot.Tests.Channels.BotFramework.Auth;

/// <summary>
/// A token validated once is not verified again for every activity; what each request must still prove is checked
/// each time: its lifetime, its key still being published, the channel's endorsement and the serviceUrl.
/// </summary>
public sealed class ValidatedTokenTests : IDisposable
{
    private readonly AuthTestHost _host = AuthTestHost.Create();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task AuthenticateAsync_AcceptsTheSameTokenAgain_WithoutFetchingKeysAgain()
    {
        string token = TokenBuilder.Channel(_host.Now).Build();
        Assert.True((await _host.AuthenticateAsync(token)).Succeeded);

        AuthenticationResult again = await _host.AuthenticateAsync(token);

        Assert.True(again.Succeeded, again.Failure);
        Assert.Equal(BotFrameworkAuthenticationTypes.Channel, again.Identity!.AuthenticationType);
        Assert.Equal(1, _host.Endpoints.Count(FakeIdentityEndpoints.ChannelJwksUrl));
    }

    [Fact]
    public async Task AuthenticateAsync_RefusesAKnownToken_WhenItExpiredSinceItWasValidated()
    {
        string token = TokenBuilder.Channel(_host.Now).ExpiresAt(_host.Now.AddMinutes(30)).Build();
        Assert.True((await _host.AuthenticateAsync(token)).Succeeded);
        _host.Time.Advance(TimeSpan.FromMinutes(36)); // past its expiry and the 5-minute skew

        AuthenticationResult later = await _host.AuthenticateAsync(token);

        Assert.Equal(401, later.StatusCode);
        Assert.Contains("expired", later.Failure, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AuthenticateAsync_RefusesAKnownToken_WhenItsServiceUrlClaimDoesNotMatchThisActivity()
    {
        string token = TokenBuilder.Channel(_host.Now).Build();
        Assert.True((await _host.AuthenticateAsync(token)).Succeeded);

        AuthenticationResult elsewhere = await _host.AuthenticateAsync(token, serviceUrl: "https://evil.example.com/");

        Assert.Equal(403, elsewhere.StatusCode);
        Assert.Contains("serviceurl", elsewhere.Failure, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AuthenticateAsync_RefusesAKnownToken_WhenItsKeyDoesNotEndorseThisActivitysChannel()
    {
        string token = TokenBuilder.Channel(_host.Now).Build();
        Assert.True((await _host.AuthenticateAsync(token)).Succeeded);

        AuthenticationResult other = await _host.AuthenticateAsync(token, channelId: "webchat-unendorsed");

        Assert.Equal(403, other.StatusCode);
    }

    [Fact]
    public async Task AuthenticateAsync_RefusesAKnownToken_WhenItsKeyWasRotatedOut()
    {
        string token = TokenBuilder.Channel(_host.Now).ExpiresAt(_host.Now.AddDays(2)).Build();
        Assert.True((await _host.AuthenticateAsync(token)).Succeeded);
        _host.Endpoints.ReplaceChannelKeys(TestKeys.ChannelRotated.ToJwk(["msteams"]));
        _host.Time.Advance(TimeSpan.FromHours(13)); // the key set is fetched again after twelve hours

        AuthenticationResult later = await _host.AuthenticateAsync(token);

        Assert.Equal(401, later.StatusCode);
        Assert.Contains("key", later.Failure, StringComparison.OrdinalIgnoreCase);
    }
}
