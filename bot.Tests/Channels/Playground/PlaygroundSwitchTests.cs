using System.Net;
using System.Text;
using AccountCoachBot.Channels.BotFramework;
using AccountCoachBot.Channels.Playground;
using AccountCoachBot.Tests.Channels.BotFramework.Auth.TestSupport;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Channels.Playground;

/// <summary>When the playground is served, and to whom.</summary>
public sealed class PlaygroundSwitchTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly TestDatabase _db = new();
    private readonly HttpClient _http = new();

    public void Dispose()
    {
        _http.Dispose();
        _db.Dispose();
    }

    private static Dictionary<string, string?> WithAppId(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = AuthTestHost.AppId,
            ["MicrosoftAppPassword"] = AuthTestHost.Secret,
        };
        foreach (var (key, value) in more) settings[key] = value;
        return settings;
    }

    [Fact]
    public async Task Playground_IsOff_WhenAnAppIdIsConfigured()
    {
        await using var bot = await BotHost.StartAsync(_db.Path, _time, WithAppId());

        var page = await _http.GetAsync(bot.BaseUrl);
        var start = await _http.PostAsync(bot.BaseUrl + "v3/directline/conversations", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
    }

    [Fact]
    public async Task Playground_IsOn_WhenEnabledBesideAnAppId()
    {
        await using var bot = await BotHost.StartAsync(_db.Path, _time, WithAppId(("Playground:Enabled", "true")));

        var start = await _http.PostAsync(bot.BaseUrl + "v3/directline/conversations", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
    }

    [Fact]
    public async Task Playground_IsOff_WhenDisabledInLocalMode()
    {
        await using var bot = await BotHost.StartAsync(_db.Path, _time, new Dictionary<string, string?> { ["Playground:Enabled"] = "false" });

        var page = await _http.GetAsync(bot.BaseUrl);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Theory]
    [InlineData("127.0.0.1", false, true)]
    [InlineData("::1", false, true)]
    [InlineData("::ffff:127.0.0.1", false, true)]
    [InlineData("10.0.0.7", false, false)]
    [InlineData("192.168.1.20", false, false)]
    [InlineData("10.0.0.7", true, true)] // BotFramework:AllowUnauthenticated: a local container
    public void IsPermitted_AllowsLoopbackOnly_WhenInLocalMode(string remote, bool allowUnauthenticated, bool permitted)
    {
        var options = new BotFrameworkOptions { AllowUnauthenticated = allowUnauthenticated };

        Assert.Equal(permitted, PlaygroundAccess.IsPermitted(options, IPAddress.Parse(remote)));
    }

    [Fact]
    public void IsPermitted_RefusesOtherHosts_WhenAnAppIdIsConfigured()
    {
        var options = new BotFrameworkOptions { MicrosoftAppId = AuthTestHost.AppId, AllowUnauthenticated = true };

        Assert.False(PlaygroundAccess.IsPermitted(options, IPAddress.Parse("10.0.0.7")));
        Assert.True(PlaygroundAccess.IsPermitted(options, IPAddress.Loopback));
    }
}
