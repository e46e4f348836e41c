using System.Net;
using AccountCoachBot.Channels.BotFramework.Auth;
using AccountCoachBot.Tests.Channels.BotFramework.Auth.TestSupport;
using AccountCoachBot.Tests.Infrastructure;

namespace AccountCoachBot.Tests.Channels.BotFramework.Auth;

/// <summary>Caching, forced refresh on unknown kid, scheduled refresh and fail-closed behaviour of the key cache.</summary>
public sealed class SigningMetadataRefreshTests : IDisposable
{
    private readonly AuthTestHost _host = AuthTestHost.Create();

    public void Dispose() => _host.Dispose();

    private int JwksFetches => _host.Endpoints.Count(FakeIdentityEndpoints.ChannelJwksUrl);

    private int MetadataFetches => _host.Endpoints.Count(FakeIdentityEndpoints.ChannelMetadataUrl);

    [Fact]
    public async Task AuthenticateAsync_DownloadsMetadataOnce_WhenCalledRepeatedly()
    {
        for (int i = 0; i < 3; i++)
        {
            AuthenticationResult result = await _host.AuthenticateAsync(TokenBuilder.Channel(_host.Now).Build());
            Assert.True(result.Succeeded, result.Failure);
        }

        Assert.Equal(1, MetadataFetches);
        Assert.Equal(1, JwksFetches);
    }

    [Fact]
    public async Task AuthenticateAsync_DownloadsMetadataOnce_WhenManyRequestsArriveTogether()
    {
        string token = TokenBuilder.Channel(_host.Now).Build();

        AuthenticationResult[] results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => _host.AuthenticateAsync(token))));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Failure));
        Assert.Equal(1, JwksFetches);
    }

    [Fact]
    public async Task AuthenticateAsync_RefreshesKeysOnceAndSucceeds_WhenKidIsUnknownAndTheNewKeyIsPublished()
    {
        Assert.True((await _host.AuthenticateAsync(TokenBuilder.Channel(_host.Now).Build())).Succeeded);
        Assert.Equal(1, JwksFetches);

        _host.Endpoints.PublishChannelKey(TestKeys.ChannelRotated.ToJwk(["msteams"]));
        string rotated = TokenBuilder.Channel(_host.Now).SignedWith(TestKeys.ChannelRotated).Build();

        AuthenticationResult result = await _host.AuthenticateAsync(rotated);

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(2, JwksFetches);

        // The refreshed set is cached: no further download for either key.
        Assert.True((await _host.AuthenticateAsync(rotated)).Succeeded);
        Assert.True((await _host.AuthenticateAsync(TokenBuilder.Channel(_host.Now).Build())).Succeeded);
        Assert.Equal(2, JwksFetches);
    }

    [Fact]
    public async Task AuthenticateAsync_RefreshesOnlyOnceThenReturns401_WhenKidStaysUnknown()
    {
        string token = TokenBuilder.Channel(_host.Now).SignedWith(TestKeys.ChannelNeverPublished).Build();

        AuthenticationResult result = await _host.AuthenticateAsync(token);

        Assert.Equal(401, result.StatusCode);
        Assert.Equal(2, JwksFetches); // initial download + one forced refresh
    }

    [Fact]
    public async Task AuthenticateAsync_DoesNotRefreshAgain_WhenAnotherUnknownKidArrivesWithinFiveMinutes()
    {
        string unknown = TokenBuilder.Channel(_host.Now).SignedWith(TestKeys.ChannelNeverPublished).Build();
        Assert.Equal(401, (await _host.AuthenticateAsync(unknown)).StatusCode);
        Assert.Equal(2, JwksFetches);

        _host.Time.Advance(TimeSpan.FromMinutes(4));
        for (int i = 0; i < 5; i++)
            Assert.Equal(401, (await _host.AuthenticateAsync(unknown)).StatusCode);
        Assert.Equal(2, JwksFetches);

        _host.Time.Advance(TimeSpan.FromMinutes(1));
        _host.Endpoints.PublishChannelKey(TestKeys.ChannelNeverPublished.ToJwk(["msteams"]));
        string later = TokenBuilder.Channel(_host.Now).SignedWith(TestKeys.ChannelNeverPublished).Build();

        AuthenticationResult result = await _host.AuthenticateAsync(later);

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(3, JwksFetches);
    }

    [Fact]
    public async Task AuthenticateAsync_RedownloadsKeys_WhenCacheIsOlderThanTwelveHours()
    {
        Assert.True((await _host.AuthenticateAsync(TokenBuilder.Channel(_host.Now).Build())).Succeeded);

        _host.Time.Advance(TimeSpan.FromHours(11));
        Assert.True((await _host.AuthenticateAsync(TokenBuilder.Channel(_host.Now).Build())).Succeeded);
        Assert.Equal(1, JwksFetches);

        _host.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        Assert.True((await _host.AuthenticateAsync(TokenBuilder.Channel(_host.Now).Build())).Succeeded);
        Assert.Equal(2, JwksFetches);
        Assert.Equal(2, MetadataFetches);
    }

    [Fact]
    public async Task AuthenticateAsync_KeepsLastKnownGoodKeys_WhenScheduledRefreshFails()
    {
        Assert.True((await _host.AuthenticateAsync(TokenBuilder.Channel(_host.Now).Build())).Succeeded);

        _host.Time.Advance(TimeSpan.FromHours(13));
        _host.Endpoints.RespondWith(HttpStatusCode.ServiceUnavailable);

        AuthenticationResult result = await _host.AuthenticateAsync(TokenBuilder.Channel(_host.Now).Build());

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(2, MetadataFetches); // it did try
    }

    [Fact]
    public async Task AuthenticateAsync_Returns401_WhenCachedKeysAreOlderThanMaxAgeAndRefreshFails()
    {
        Assert.True((await _host.AuthenticateAsync(TokenBuilder.Channel(_host.Now).Build())).Succeeded);

        _host.Time.Advance(TimeSpan.FromHours(49));
        _host.Endpoints.RespondWith(HttpStatusCode.ServiceUnavailable);

        AuthenticationResult result = await _host.AuthenticateAsync(TokenBuilder.Channel(_host.Now).Build());

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task AuthenticateAsync_Returns401AfterOneAttempt_WhenMetadataHandlerThrows()
    {
        _host.Endpoints.FailWith(new HttpRequestException("connection refused"));

        AuthenticationResult result = await HangGuard.WaitAsync(_host.AuthenticateAsync(TokenBuilder.Channel(_host.Now).Build()), "authentication");

        Assert.Equal(401, result.StatusCode);
        Assert.Contains("metadata", result.Failure, StringComparison.OrdinalIgnoreCase);
        // Failed closed on the first error: no retry, no waiting for another attempt (the clock is fake, so a
        // product delay before retrying would never elapse and the hang guard would fail the test).
        Assert.Equal(FakeIdentityEndpoints.ChannelMetadataUrl, Assert.Single(_host.Endpoints.Requests).Uri.AbsoluteUri);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task AuthenticateAsync_Returns401_WhenMetadataEndpointReturnsError(HttpStatusCode status)
    {
        _host.Endpoints.RespondWith(status);

        AuthenticationResult result = await _host.AuthenticateAsync(TokenBuilder.Channel(_host.Now).Build());

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task AuthenticateAsync_CancelsTheRequestAndReturns401_WhenMetadataEndpointHangsPastTheTimeout()
    {
        Dictionary<string, string?> config = AuthTestHost.DefaultConfiguration();
        config["BotFramework:MetadataRequestTimeout"] = "00:00:00.300";
        using AuthTestHost host = AuthTestHost.Create(config);
        HangingRequests hang = host.Endpoints.Hang();

        // The caller never cancels: only the configured request timeout can end the hanging download
        // (the HttpClient default of 100 s would trip the 30 s hang guard instead).
        AuthenticationResult result = await HangGuard.WaitAsync(host.AuthenticateAsync(TokenBuilder.Channel(host.Now).Build()), "authentication");

        Assert.Equal(401, result.StatusCode);
        await HangGuard.WaitAsync(hang.Cancelled, "the hanging metadata request's cancellation");
        Assert.Contains(host.Logs.Lines, line => line.Contains("HttpClient.Timeout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AuthenticateAsync_FailsFastWithoutRetrying_WhenMetadataFailedMomentsAgo_ThenRecovers()
    {
        _host.Endpoints.FailWith(new HttpRequestException("down"));
        Assert.Equal(401, (await _host.AuthenticateAsync(TokenBuilder.Channel(_host.Now).Build())).StatusCode);
        int attempts = _host.Endpoints.Requests.Count;

        _host.Endpoints.Heal();
        Assert.Equal(401, (await _host.AuthenticateAsync(TokenBuilder.Channel(_host.Now).Build())).StatusCode);
        Assert.Equal(attempts, _host.Endpoints.Requests.Count);

        _host.Time.Advance(TimeSpan.FromSeconds(6));
        AuthenticationResult result = await _host.AuthenticateAsync(TokenBuilder.Channel(_host.Now).Build());
        Assert.True(result.Succeeded, result.Failure);
    }

    [Fact]
    public async Task AuthenticateAsync_Returns401WithoutFollowingIt_WhenJwksUriIsNotHttps()
    {
        _host.Endpoints.ChannelJwksUri = "http://login.botframework.com/v1/.well-known/keys";

        AuthenticationResult result = await _host.AuthenticateAsync(TokenBuilder.Channel(_host.Now).Build());

        Assert.Equal(401, result.StatusCode);
        Assert.DoesNotContain(_host.Endpoints.Requests, r => r.Uri.Scheme == "http");
    }

    [Fact]
    public async Task AuthenticateAsync_ThrowsOperationCanceled_WhenCallerCancels()
    {
        HangingRequests hang = _host.Endpoints.Hang();
        using var cts = new CancellationTokenSource();
        string header = "Bearer " + TokenBuilder.Channel(_host.Now).Build();

        Task<AuthenticationResult> authenticating = _host.Authenticator.AuthenticateAsync(header, AuthTestHost.ChannelId, AuthTestHost.ServiceUrl, cts.Token);
        await HangGuard.WaitAsync(hang.Arrived, "the metadata request");
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => HangGuard.WaitAsync(authenticating, "authentication after cancelling"));
        await HangGuard.WaitAsync(hang.Cancelled, "the metadata request's cancellation");
    }
}
