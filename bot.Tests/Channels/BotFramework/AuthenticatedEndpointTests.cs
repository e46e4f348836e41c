using System.Net;
using AccountCoachBot.Tests.Channels.BotFramework.Auth.TestSupport;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Channels.BotFramework;

/// <summary>
/// /api/messages with a MicrosoftAppId configured: JWTs signed with local keys, metadata and MSAL tokens
/// served in-process, the reply going to a loopback connector with the bot's own bearer token.
/// </summary>
public sealed class AuthenticatedEndpointTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly TestDatabase _db = new();
    private readonly HttpClient _http = new();
    private readonly FakeIdentityEndpoints _identity = new();
    private FakeConnector _connector = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _bot = await BotHost.StartAsync(_db.Path, _time, new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = AuthTestHost.AppId,
            ["MicrosoftAppPassword"] = AuthTestHost.Secret,
        }, identity: _identity);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        _http.Dispose();
        _db.Dispose();
    }

    private string ValidToken() => TokenBuilder.Channel(_time.GetUtcNow()).With("serviceurl", _connector.ServiceUrl).Build();

    private Task<HttpResponseMessage> PostAsync(string? token) =>
        _http.PostAsync(_bot.MessagesUrl, Activities.Message(_connector.ServiceUrl, "promise Acme: send the quote tomorrow", channelId: "msteams"),
            token is null ? null : "Bearer " + token);

    private async Task AssertNothingChangedAsync()
    {
        Assert.Equal(0, await _bot.WithDbAsync(db => db.People.CountAsync()));
        Assert.Equal(0, await _bot.WithDbAsync(db => db.Promises.CountAsync()));
        Assert.Empty(_connector.Calls);
    }

    [Fact]
    public async Task Post_RepliesWithBotToken_WhenChannelTokenIsValid()
    {
        var response = await PostAsync(ValidToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = await _connector.WaitForDeliveredAsync(2);
        Assert.All(calls, c => Assert.StartsWith("Bearer access-token-", c.Authorization));
        var tokenRequest = Assert.Single(_identity.TokenRequests);
        Assert.Contains("/botframework.com/oauth2/v2.0/token", tokenRequest.Uri.AbsolutePath);
        Assert.Equal(1, await _bot.WithDbAsync(db => db.Promises.CountAsync()));
    }

    [Fact]
    public async Task Post_Returns401AndChangesNothing_WhenTokenIsMissing()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(null)).StatusCode);
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task Post_Returns401AndChangesNothing_WhenAudienceIsAnotherBot()
    {
        var token = TokenBuilder.Channel(_time.GetUtcNow()).With("serviceurl", _connector.ServiceUrl).Audience(AuthTestHost.OtherAppId).Build();

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(token)).StatusCode);
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task Post_Returns401AndChangesNothing_WhenTokenHasExpired()
    {
        var token = ValidToken();
        _time.Advance(TimeSpan.FromHours(2));

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(token)).StatusCode);
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task Post_Returns403AndChangesNothing_WhenServiceUrlDiffersFromToken()
    {
        var token = TokenBuilder.Channel(_time.GetUtcNow()).With("serviceurl", "https://smba.trafficmanager.net/amer/").Build();

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(token)).StatusCode);
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task Post_Returns401AfterOneMetadataAttempt_WhenMetadataCannotBeFetched()
    {
        _identity.FailWith(new HttpRequestException("metadata down"));
        var before = _identity.Requests.Count;

        var response = await HangGuard.WaitAsync(PostAsync(ValidToken()), "the answer to the POST");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        // Failed closed on the first error: one metadata request, no retries queued behind it.
        var attempt = Assert.Single(_identity.Requests.Skip(before));
        Assert.Equal(FakeIdentityEndpoints.ChannelMetadataUrl, attempt.Uri.AbsoluteUri);
        await AssertNothingChangedAsync();
    }
}

/// <summary>With no app id the endpoint is open, so it must only listen on loopback unless told otherwise.</summary>
public sealed class AnonymousModeStartupTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Start_Refuses_WhenUnauthenticatedAndListeningBeyondLoopback()
    {
        using var db = new TestDatabase();
        var error = await Assert.ThrowsAsync<AccountCoachBot.Operations.StartupRefusal>(() => BotHost.StartAsync(db.Path, _time, urls: "http://0.0.0.0:0"));
        Assert.Contains("AllowUnauthenticated", error.Message);
    }

    [Fact]
    public async Task Start_Succeeds_WhenUnauthenticatedIsAllowedExplicitly()
    {
        using var db = new TestDatabase();
        await using var bot = await BotHost.StartAsync(db.Path, _time, new Dictionary<string, string?> { ["BotFramework:AllowUnauthenticated"] = "true" }, urls: "http://0.0.0.0:0");
        Assert.NotEmpty(bot.BaseUrl);
    }
}
