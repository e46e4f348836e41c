using AccountCoachBot.Channels.Slack;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AccountCoachBot.Tests.Channels.Slack;

public sealed class SlackOptionsTests
{
    private const string Token = "xoxb-1111-2222-SeCrEtToKeNvAlUe";
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";

    private static IOptions<SlackOptions> Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSlackApi(configuration);
        return services.BuildServiceProvider().GetRequiredService<IOptions<SlackOptions>>();
    }

    [Fact]
    public void IsEnabled_IsFalse_WhenBotTokenIsMissingOrBlank()
    {
        Assert.False(new SlackOptions().IsEnabled);
        Assert.False(new SlackOptions { BotToken = "  " }.IsEnabled);
        Assert.True(new SlackOptions { BotToken = Token }.IsEnabled);
    }

    [Fact]
    public void Validate_ReturnsNoErrors_WhenDisabledWithDefaults()
    {
        var options = new SlackOptions();

        Assert.Empty(options.Validate());
        Assert.Equal("https://slack.com/api/", options.ApiBaseUrl);
    }

    [Fact]
    public void Validate_ReturnsNoErrors_WhenTokenAndSecretAreSet()
    {
        Assert.Empty(new SlackOptions { BotToken = Token, SigningSecret = Secret, AppToken = "xapp-1-A0-123-abc" }.Validate());
    }

    [Fact]
    public void Validate_RequiresSigningSecretWithoutPrintingToken_WhenEnabled()
    {
        var errors = new SlackOptions { BotToken = Token }.Validate();

        var error = Assert.Single(errors);
        Assert.Contains("Slack:SigningSecret", error);
        Assert.DoesNotContain(Token, error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-300)]
    public void Validate_RejectsWorkspacePerMinute_WhenBelowOne(int perMinute)
    {
        var error = Assert.Single(new SlackOptions { WorkspacePerMinute = perMinute }.Validate());

        Assert.Contains("Slack:WorkspacePerMinute", error);
    }

    [Fact]
    public void WorkspacePerMinute_IsTheLowEndOfSlacksSeveralHundred_WhenNotSet() =>
        Assert.Equal(300, new SlackOptions().WorkspacePerMinute);

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://slack.com/api/")]
    [InlineData("http://slack.com/api/")]
    [InlineData("https://slack.com/api/?x=1")]
    public void Validate_RejectsApiBaseUrl_WhenNotAbsoluteHttpsOrLoopbackHttp(string baseUrl)
    {
        var errors = new SlackOptions { ApiBaseUrl = baseUrl }.Validate();

        Assert.Contains(errors, e => e.Contains("Slack:ApiBaseUrl"));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5123/api/")]
    [InlineData("http://localhost:5123/api")]
    public void Validate_AcceptsHttpApiBaseUrl_WhenLoopback(string baseUrl) =>
        Assert.Empty(new SlackOptions { ApiBaseUrl = baseUrl }.Validate());

    [Fact]
    public void Validate_RejectsSwappedTokensWithoutPrintingThem_WhenAppTokenIsInBotToken()
    {
        const string appToken = "xapp-1-A0-123-SeCrEt";
        var errors = new SlackOptions { BotToken = appToken, SigningSecret = Secret, AppToken = Token }.Validate();

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Contains("Slack:BotToken"));
        Assert.Contains(errors, e => e.Contains("Slack:AppToken"));
        Assert.All(errors, e => Assert.DoesNotContain("SeCrEt", e));
    }

    [Fact]
    public void AddSlackApi_BindsSectionSlack_WhenConfigured()
    {
        var options = Bind(new()
        {
            ["Slack:BotToken"] = Token, ["Slack:SigningSecret"] = Secret, ["Slack:ApiBaseUrl"] = "http://127.0.0.1:9/api",
            ["Slack:AppToken"] = "xapp-1-A0-123-abc",
        }).Value;

        Assert.Equal(Token, options.BotToken);
        Assert.Equal(Secret, options.SigningSecret);
        Assert.Equal("http://127.0.0.1:9/api", options.ApiBaseUrl);
        Assert.Equal("xapp-1-A0-123-abc", options.AppToken);
    }

    [Fact]
    public void AddSlackApi_FailsValidationWithoutSecrets_WhenTokenSetButSigningSecretMissing()
    {
        var options = Bind(new() { ["Slack:BotToken"] = Token });

        var error = Assert.Throws<OptionsValidationException>(() => options.Value);

        Assert.Contains("Slack:SigningSecret", error.Message);
        Assert.DoesNotContain(Token, error.Message);
    }
}
