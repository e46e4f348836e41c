using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AccountCoachBot.Channels.BotFramework.Auth;

public static class BotFrameworkAuthServiceCollectionExtensions
{
    /// <summary>The <c>BotFrameworkMetadata</c> client refuses bigger responses (metadata and key sets are a few KB).</summary>
    private const int MaxMetadataResponseBytes = 1024 * 1024;

    private static readonly TimeSpan LoginTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Registers <see cref="BotFrameworkOptions"/> (also as <c>IOptions&lt;BotFrameworkOptions&gt;</c>, validated at
    /// startup), <see cref="IBotFrameworkAuthenticator"/>, <see cref="IConnectorTokenProvider"/>, a
    /// <see cref="TimeProvider"/> (System unless one is registered) and two named HttpClients:
    /// <c>BotFrameworkMetadata</c> (OpenID metadata + JWKS; timeout <see cref="BotFrameworkOptions.MetadataRequestTimeout"/>)
    /// and <c>BotFrameworkLogin</c> (MSAL). Replace their primary handlers with
    /// <c>services.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(...)</c>.
    /// </summary>
    public static IServiceCollection AddBotFrameworkAuth(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<BotFrameworkOptions>()
            .Configure(options => BotFrameworkOptions.Bind(configuration, options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotFrameworkOptions>, BotFrameworkOptionsValidator>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<BotFrameworkOptions>>().Value);

        services.AddHttpClient(BotFrameworkAuthConstants.MetadataHttpClientName)
            .ConfigureHttpClient((sp, client) =>
            {
                client.Timeout = sp.GetRequiredService<BotFrameworkOptions>().MetadataRequestTimeout;
                client.MaxResponseContentBufferSize = MaxMetadataResponseBytes;
            });
        services.AddHttpClient(BotFrameworkAuthConstants.LoginHttpClientName)
            .ConfigureHttpClient(client => client.Timeout = LoginTimeout);

        services.TryAddSingleton<SigningMetadataProvider>();
        services.TryAddSingleton<IBotFrameworkAuthenticator, BotFrameworkAuthenticator>();
        services.TryAddSingleton<IConnectorTokenProvider, MsalConnectorTokenProvider>();
        return services;
    }

    private sealed class BotFrameworkOptionsValidator : IValidateOptions<BotFrameworkOptions>
    {
        public ValidateOptionsResult Validate(string? name, BotFrameworkOptions options)
        {
            IReadOnlyList<string> errors = options.Validate();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
