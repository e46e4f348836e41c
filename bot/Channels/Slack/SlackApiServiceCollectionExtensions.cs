using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AccountCoachBot.Channels.Slack;

public static class SlackApiServiceCollectionExtensions
{
    /// <summary>A Web API answer bigger than this is refused (reported as a transport error); views echo their blocks, a few KB.</summary>
    private const int MaxResponseBytes = 4 * 1024 * 1024;

    /// <summary>One Web API call; Slack answers in well under a second, and the caller retries later rather than waiting.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Binds <see cref="SlackOptions"/> from section <c>Slack</c> (validated at startup through
    /// <see cref="SlackOptions.Validate"/>) and registers <see cref="SlackApiClient"/> as a typed HttpClient named
    /// <see cref="SlackApiClient.HttpClientName"/> with a 10-second timeout. Tests add handlers with
    /// <c>services.AddHttpClient(SlackApiClient.HttpClientName).AddHttpMessageHandler(...)</c>.
    /// </summary>
    public static IServiceCollection AddSlackApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<SlackOptions>()
            .Bind(configuration.GetSection(SlackOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SlackRateLimits>();
        services.AddHttpClient<SlackApiClient>(SlackApiClient.HttpClientName, client =>
        {
            client.Timeout = RequestTimeout;
            client.MaxResponseContentBufferSize = MaxResponseBytes;
        });
        return services;
    }

    private sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
    {
        public ValidateOptionsResult Validate(string? name, SlackOptions options)
        {
            var errors = options.Validate();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
