using AccountCoachBot.Channels.BotFramework;
using AccountCoachBot.Channels.BotFramework.Auth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Channels.BotFramework.Auth.TestSupport;

/// <summary>
/// The production registration (<see cref="BotFrameworkAuthServiceCollectionExtensions.AddBotFrameworkAuth"/>) with the
/// named clients' primary handlers replaced by <see cref="FakeIdentityEndpoints"/> and a <see cref="FakeTimeProvider"/>.
/// </summary>
internal sealed class AuthTestHost : IDisposable
{
    public const string AppId = "0b6c2b1e-7a44-4b8e-9d1c-5e2f3a4b5c6d";
    public const string OtherAppId = "99999999-8888-4777-8666-555555555555";
    public const string Secret = "test-client-secret-Zq8~value";
    public const string ServiceUrl = "https://smba.trafficmanager.net/amer/";
    public const string ChannelId = "msteams";

    public static readonly DateTimeOffset Start = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private AuthTestHost(ServiceProvider services, FakeIdentityEndpoints endpoints, FakeTimeProvider time, ListLoggerProvider logs)
    {
        Services = services;
        Endpoints = endpoints;
        Time = time;
        Logs = logs;
    }

    public ServiceProvider Services { get; }

    public FakeIdentityEndpoints Endpoints { get; }

    public FakeTimeProvider Time { get; }

    public ListLoggerProvider Logs { get; }

    public IBotFrameworkAuthenticator Authenticator => Services.GetRequiredService<IBotFrameworkAuthenticator>();

    public IConnectorTokenProvider TokenProvider => Services.GetRequiredService<IConnectorTokenProvider>();

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>Default configuration: a multi-tenant app with id <see cref="AppId"/> and a secret.</summary>
    public static Dictionary<string, string?> DefaultConfiguration() => new()
    {
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = Secret,
    };

    public static AuthTestHost Create(Dictionary<string, string?>? configuration = null)
    {
        IConfiguration config = new ConfigurationBuilder()
            .AddInMemoryCollection(configuration ?? DefaultConfiguration())
            .Build();

        var endpoints = new FakeIdentityEndpoints();
        var time = new FakeTimeProvider(Start);
        var logs = new ListLoggerProvider();

        var services = new ServiceCollection();
        services.AddLogging(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<TimeProvider>(time);
        services.AddBotFrameworkAuth(config);
        services.AddHttpClient(BotFrameworkAuthConstants.MetadataHttpClientName).ConfigurePrimaryHttpMessageHandler(() => endpoints);
        services.AddHttpClient(BotFrameworkAuthConstants.LoginHttpClientName).ConfigurePrimaryHttpMessageHandler(() => endpoints);

        return new AuthTestHost(services.BuildServiceProvider(), endpoints, time, logs);
    }

    public Task<AuthenticationResult> AuthenticateAsync(string? token, string channelId = ChannelId, string serviceUrl = ServiceUrl) =>
        Authenticator.AuthenticateAsync(token is null ? null : "Bearer " + token, channelId, serviceUrl, CancellationToken.None);

    public Task<AuthenticationResult> AuthenticateHeaderAsync(string? header, string channelId = ChannelId, string serviceUrl = ServiceUrl) =>
        Authenticator.AuthenticateAsync(header, channelId, serviceUrl, CancellationToken.None);

    public void Dispose() => Services.Dispose();
}
