using AccountCoachBot.Channels.BotFramework.Auth;
using AccountCoachBot.Tests.Channels.BotFramework.Auth.TestSupport;

namespace AccountCoachBot.Tests.Channels.BotFramework.Auth;

/// <summary>
/// Emulator tokens (contract §2.2): Entra tokens the Emulator obtains with the bot's own credentials. The caller app is
/// <c>appid</c> for <c>ver</c> 1.0 (or missing) and <c>azp</c> for 2.0, and must be this bot.
/// </summary>
public sealed class EmulatorTokenAuthenticationTests : IDisposable
{
    private readonly AuthTestHost _host = AuthTestHost.Create();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task AuthenticateAsync_Succeeds_WhenV1EmulatorTokenAppidIsThisBot()
    {
        string token = TokenBuilder.Entra(_host.Now, TokenBuilder.BotServiceTenantA, AuthTestHost.AppId, v2: false).Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token, channelId: "emulator", serviceUrl: "http://localhost:5000");

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(BotFrameworkAuthenticationTypes.Emulator, result.Identity!.AuthenticationType);
    }

    [Fact]
    public async Task AuthenticateAsync_Succeeds_WhenV2EmulatorTokenAzpIsThisBot()
    {
        string token = TokenBuilder.Entra(_host.Now, TokenBuilder.BotServiceTenantB, AuthTestHost.AppId, v2: true).Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token, channelId: "emulator");

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(BotFrameworkAuthenticationTypes.Emulator, result.Identity!.AuthenticationType);
    }

    [Fact]
    public async Task AuthenticateAsync_Succeeds_WhenV1EmulatorTokenHasNoVerClaimAndAppidIsThisBot()
    {
        string token = TokenBuilder.Entra(_host.Now, TokenBuilder.UnlistedTenant, AuthTestHost.AppId).Without("ver").Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token);

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(BotFrameworkAuthenticationTypes.Emulator, result.Identity!.AuthenticationType);
    }

    [Fact]
    public async Task AuthenticateAsync_Succeeds_WhenEmulatorTokenComesFromTheBotsOwnUnlistedTenant()
    {
        string token = TokenBuilder.Entra(_host.Now, TokenBuilder.UnlistedTenant, AuthTestHost.AppId, v2: true).Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token);

        Assert.True(result.Succeeded, result.Failure);
    }

    [Fact]
    public async Task AuthenticateAsync_Returns401_WhenV2TokenNamesThisBotOnlyInAppid()
    {
        string token = TokenBuilder.Entra(_host.Now, TokenBuilder.UnlistedTenant, AuthTestHost.OtherAppId, v2: true)
            .With("appid", AuthTestHost.AppId)
            .Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token);

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task AuthenticateAsync_Returns401_WhenV1TokenNamesThisBotOnlyInAzp()
    {
        string token = TokenBuilder.Entra(_host.Now, TokenBuilder.UnlistedTenant, AuthTestHost.OtherAppId, v2: false)
            .With("azp", AuthTestHost.AppId)
            .Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token);

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task AuthenticateAsync_Returns401_WhenTokenVersionIsUnknown()
    {
        string token = TokenBuilder.Entra(_host.Now, TokenBuilder.UnlistedTenant, AuthTestHost.AppId, v2: true)
            .With("ver", "3.0")
            .With("appid", AuthTestHost.AppId)
            .Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token);

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task AuthenticateAsync_Returns401_WhenEmulatorTokenIsForAnotherAudience()
    {
        // e.g. a Graph token the bot obtained for itself must not be replayable against /api/messages.
        string token = TokenBuilder.Entra(_host.Now, TokenBuilder.BotServiceTenantA, AuthTestHost.AppId, v2: true)
            .Audience("https://graph.microsoft.com")
            .Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token);

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task AuthenticateAsync_Returns401_WhenEmulatorTokenTidDoesNotMatchIssuer()
    {
        string token = TokenBuilder.Entra(_host.Now, TokenBuilder.UnlistedTenant, AuthTestHost.AppId, v2: true)
            .With("tid", TokenBuilder.BotServiceTenantA.ToString())
            .Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token);

        Assert.Equal(401, result.StatusCode);
    }
}
