using AccountCoachBot.Channels.BotFramework;
using AccountCoachBot.Channels.BotFramework.Auth;
using AccountCoachBot.Tests.Channels.BotFramework.Auth.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AccountCoachBot.Tests.Channels.BotFramework.Auth;

public sealed class BotFrameworkOptionsTests
{
    private static IConfiguration Config(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    [Fact]
    public void FromConfiguration_ReadsConventionalKeysFromRootAndTheRestFromSection_WhenBothPresent()
    {
        BotFrameworkOptions options = BotFrameworkOptions.FromConfiguration(Config(new()
        {
            ["MicrosoftAppId"] = "root-app",
            ["MicrosoftAppPassword"] = "root-secret",
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppTenantId"] = TokenBuilder.BotTenant.ToString(),
            ["BotFramework:MicrosoftAppId"] = "section-app",
            ["BotFramework:AllowUnauthenticated"] = "true",
            ["BotFramework:ChannelOpenIdMetadataUrl"] = "https://channel.example.test/openid",
            ["BotFramework:EntraOpenIdMetadataUrl"] = "https://entra.example.test/openid",
            ["BotFramework:EmulatorOpenIdMetadataUrl"] = "https://emulator.example.test/openid",
            ["BotFramework:LoginAuthority"] = "https://login.example.test",
            ["BotFramework:ConnectorScope"] = "https://api.example.test/.default",
        }));

        Assert.Equal("root-app", options.MicrosoftAppId);
        Assert.Equal("root-secret", options.MicrosoftAppPassword);
        Assert.Equal("SingleTenant", options.MicrosoftAppType);
        Assert.Equal(TokenBuilder.BotTenant.ToString(), options.MicrosoftAppTenantId);
        Assert.True(options.AllowUnauthenticated);
        Assert.Equal("https://channel.example.test/openid", options.ChannelOpenIdMetadataUrl);
        Assert.Equal("https://entra.example.test/openid", options.EntraOpenIdMetadataUrl);
        Assert.Equal("https://emulator.example.test/openid", options.EmulatorOpenIdMetadataUrl);
        Assert.Equal("https://login.example.test", options.LoginAuthority);
        Assert.Equal("https://api.example.test/.default", options.ConnectorScope);
        Assert.False(options.IsAuthenticationDisabled);
    }

    [Fact]
    public void FromConfiguration_FallsBackToSection_WhenRootKeyIsMissing()
    {
        BotFrameworkOptions options = BotFrameworkOptions.FromConfiguration(Config(new()
        {
            ["BotFramework:MicrosoftAppId"] = "section-app",
            ["BotFramework:MicrosoftAppPassword"] = "section-secret",
        }));

        Assert.Equal("section-app", options.MicrosoftAppId);
        Assert.Equal("section-secret", options.MicrosoftAppPassword);
    }

    [Fact]
    public void FromConfiguration_UsesDocumentedDefaults_WhenConfigurationIsEmpty()
    {
        BotFrameworkOptions options = BotFrameworkOptions.FromConfiguration(Config(new()));

        Assert.True(options.IsAuthenticationDisabled);
        Assert.False(options.AllowUnauthenticated);
        Assert.Equal("MultiTenant", options.MicrosoftAppType);
        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", options.ChannelOpenIdMetadataUrl);
        Assert.Equal("https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration", options.EntraOpenIdMetadataUrl);
        Assert.Equal("https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration", options.EmulatorOpenIdMetadataUrl);
        Assert.Equal("https://login.microsoftonline.com", options.LoginAuthority);
        Assert.Equal("https://api.botframework.com/.default", options.ConnectorScope);
        Assert.Equal(TimeSpan.FromSeconds(10), options.MetadataRequestTimeout);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Validate_ReportsMissingTenantId_WhenSingleTenant()
    {
        var options = new BotFrameworkOptions { MicrosoftAppId = AuthTestHost.AppId, MicrosoftAppPassword = "x", MicrosoftAppType = "SingleTenant" };

        Assert.Contains(options.Validate(), e => e.Contains("MicrosoftAppTenantId", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ReportsMissingPassword_WhenMultiTenantHasAppId()
    {
        var options = new BotFrameworkOptions { MicrosoftAppId = AuthTestHost.AppId };

        Assert.Contains(options.Validate(), e => e.Contains("MicrosoftAppPassword", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ReportsPasswordWithoutRevealingIt_WhenUserAssignedMsiHasPassword()
    {
        var options = new BotFrameworkOptions
        {
            MicrosoftAppId = AuthTestHost.AppId,
            MicrosoftAppPassword = AuthTestHost.Secret,
            MicrosoftAppType = "userassignedmsi",
            MicrosoftAppTenantId = TokenBuilder.BotTenant.ToString(),
        };

        IReadOnlyList<string> errors = options.Validate();

        Assert.Contains(errors, e => e.Contains("MicrosoftAppPassword", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains(AuthTestHost.Secret, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ReportsUnknownAppType_WhenMisspelled()
    {
        var options = new BotFrameworkOptions { MicrosoftAppId = AuthTestHost.AppId, MicrosoftAppPassword = "x", MicrosoftAppType = "Multi-Tenant" };

        Assert.Contains(options.Validate(), e => e.Contains("MicrosoftAppType", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ReportsNonHttpsMetadataUrl_WhenConfiguredWithHttp()
    {
        var options = new BotFrameworkOptions { ChannelOpenIdMetadataUrl = "http://login.botframework.com/v1/.well-known/openidconfiguration" };

        Assert.Contains(options.Validate(), e => e.Contains("ChannelOpenIdMetadataUrl", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("MultiTenant")]
    [InlineData("multitenant")]
    [InlineData("SINGLETENANT")]
    public void Validate_AcceptsAppTypeInAnyCase_WhenCredentialsAreComplete(string appType)
    {
        var options = new BotFrameworkOptions
        {
            MicrosoftAppId = AuthTestHost.AppId,
            MicrosoftAppPassword = "x",
            MicrosoftAppType = appType,
            MicrosoftAppTenantId = TokenBuilder.BotTenant.ToString(),
        };

        Assert.Empty(options.Validate());
    }

    [Fact]
    public void AddBotFrameworkAuth_FailsStartupValidation_WhenSingleTenantHasNoTenantId()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBotFrameworkAuth(Config(new()
        {
            ["MicrosoftAppId"] = AuthTestHost.AppId,
            ["MicrosoftAppPassword"] = AuthTestHost.Secret,
            ["MicrosoftAppType"] = "SingleTenant",
        }));
        using ServiceProvider provider = services.BuildServiceProvider();

        var startup = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("MicrosoftAppTenantId", startup.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(AuthTestHost.Secret, startup.Message, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IBotFrameworkAuthenticator>());
    }

    [Fact]
    public void AddBotFrameworkAuth_RegistersOptionsServicesAndNamedClients_WhenConfigured()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBotFrameworkAuth(Config(AuthTestHost.DefaultConfiguration()));
        using ServiceProvider provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(AuthTestHost.AppId, provider.GetRequiredService<BotFrameworkOptions>().MicrosoftAppId);
        Assert.Same(provider.GetRequiredService<BotFrameworkOptions>(), provider.GetRequiredService<IOptions<BotFrameworkOptions>>().Value);
        Assert.NotNull(provider.GetRequiredService<IBotFrameworkAuthenticator>());
        Assert.NotNull(provider.GetRequiredService<IConnectorTokenProvider>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());

        var factory = provider.GetRequiredService<IHttpClientFactory>();
        Assert.Equal(TimeSpan.FromSeconds(10), factory.CreateClient(BotFrameworkAuthConstants.MetadataHttpClientName).Timeout);
        Assert.Equal(TimeSpan.FromSeconds(30), factory.CreateClient(BotFrameworkAuthConstants.LoginHttpClientName).Timeout);
    }
}
