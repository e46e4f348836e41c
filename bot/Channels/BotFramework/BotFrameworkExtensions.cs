using System.Net;
using AccountCoachBot.Channels.BotFramework.Auth;
using AccountCoachBot.Conversation;
using AccountCoachBot.Scheduling;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AccountCoachBot.Channels.BotFramework;

public static class BotFrameworkExtensions
{
    public const string ConnectorHttpClient = "BotFrameworkConnector";

    public static IHostApplicationBuilder AddBotFrameworkChannel(this IHostApplicationBuilder builder)
    {
        builder.Services.AddBotFrameworkAuth(builder.Configuration);
        builder.Services.AddHttpClient<ConnectorClient>(ConnectorHttpClient, c => c.Timeout = TimeSpan.FromSeconds(30));
        builder.Services.AddScoped<MessagesEndpoint>();
        builder.Services.AddSingleton<INudgeSender, BotFrameworkNudgeSender>();
        builder.Services.AddHostedService<AnonymousModeGuard>();
        return builder;
    }

    /// <summary>Teams' side of destinations (forms), registered with or without the endpoint, like Slack's.</summary>
    public static IServiceCollection AddBotFrameworkDestinations(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelDestinations, BotFrameworkDestinations>());
        return services;
    }

    public static IEndpointRouteBuilder MapBotFramework(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", (HttpContext http, MessagesEndpoint endpoint, CancellationToken ct) => endpoint.HandleAsync(http, ct));
        endpoints.MapMethods("/api/messages", ["GET", "PUT", "DELETE", "PATCH"], () => Results.StatusCode(StatusCodes.Status405MethodNotAllowed));
        return endpoints;
    }

    /// <summary>
    /// With no app id the endpoint is open, so the server may only listen on loopback unless
    /// BotFramework:AllowUnauthenticated says otherwise (a local container).
    /// </summary>
    private sealed class AnonymousModeGuard(IServer server, IOptions<BotFrameworkOptions> options, ILogger<AnonymousModeGuard> logger) : IHostedLifecycleService
    {
        public Task StartedAsync(CancellationToken cancellationToken)
        {
            if (!options.Value.IsAuthenticationDisabled || options.Value.AllowUnauthenticated) return Task.CompletedTask;
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var exposed = addresses.Where(a => !IsLoopbackUrl(a)).ToList();
            if (exposed.Count == 0)
            {
                logger.LogWarning("No MicrosoftAppId configured: /api/messages accepts unauthenticated requests on loopback only (Emulator, local use)");
                return Task.CompletedTask;
            }
            throw new InvalidOperationException(
                $"Refusing to start: no MicrosoftAppId is configured, so /api/messages would be open on {string.Join(", ", exposed)}. " +
                "Configure MicrosoftAppId/MicrosoftAppPassword, listen on loopback only, or set BotFramework:AllowUnauthenticated=true for a local container.");
        }

        private static bool IsLoopbackUrl(string url)
        {
            if (!Uri.TryCreate(url.Replace("://+", "://0.0.0.0").Replace("://*", "://0.0.0.0"), UriKind.Absolute, out var uri)) return false;
            if (uri.IsLoopback) return true;
            return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
        }

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
