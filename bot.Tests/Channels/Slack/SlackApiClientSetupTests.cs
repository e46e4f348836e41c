using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AccountCoachBot.Tests.Channels.Slack;

/// <summary>
/// Wiring the client up: <see cref="SlackApiServiceCollectionExtensions.AddSlackApi"/>'s options and timeout, the API base URL
/// joined with a method name, and auth.test as the check that the token is accepted.
/// </summary>
public sealed class SlackApiClientSetupTests : SlackApiClientTestBase
{
    [Fact]
    public async Task AuthTestAsync_ReturnsBotUserAndTeam_WhenTokenIsAccepted()
    {
        var result = await Client().AuthTestAsync();

        Assert.True(result.Ok, result.Error);
        Assert.Equal(new SlackAuthInfo(FakeSlackApi.BotUserId, FakeSlackApi.BotId, FakeSlackApi.TeamId, FakeSlackApi.TeamName,
            "https://fake-workspace.slack.com/"), result.Value);
        AssertFormCall(Assert.Single(_slack.Calls), "auth.test");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AuthTestAsync_CallsApiBaseUrlMethod_WhetherOrNotBaseEndsWithSlash(bool trailingSlash)
    {
        var baseUrl = trailingSlash ? _slack.BaseUrl : _slack.BaseUrl.TrimEnd('/');
        Assert.Equal(trailingSlash, baseUrl.EndsWith('/'));

        var result = await Client(baseUrl).AuthTestAsync();

        Assert.True(result.Ok, result.Error);
        Assert.Equal("auth.test", Assert.Single(_slack.Calls).Method);
    }

    [Theory]
    [InlineData("https://slack.com/api/", "https://slack.com/api/chat.postMessage")]
    [InlineData("https://slack.com/api", "https://slack.com/api/chat.postMessage")]
    [InlineData("http://127.0.0.1:5000/fake/api//", "http://127.0.0.1:5000/fake/api/chat.postMessage")]
    public void MethodUrl_JoinsBaseAndMethod_WithOrWithoutTrailingSlash(string baseUrl, string expected) =>
        Assert.Equal(expected, SlackApiClient.MethodUrl(baseUrl, "chat.postMessage").AbsoluteUri);

    [Fact]
    public void AddSlackApi_RegistersSlackApiClientWithTenSecondTimeout_WhenCalled()
    {
        var services = Services();

        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(SlackApiClient.HttpClientName);
        var options = services.GetRequiredService<IOptions<SlackOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(10), http.Timeout);
        Assert.Equal(Token, options.BotToken);
        Assert.Equal(_slack.BaseUrl, options.ApiBaseUrl);
        Assert.True(options.IsEnabled);
        Assert.NotNull(services.GetRequiredService<SlackApiClient>());
    }
}
