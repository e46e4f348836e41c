using System.Net;
using AccountCoachBot.Channels.BotFramework.Auth;
using AccountCoachBot.Channels.Inbox;
using AccountCoachBot.Conversation;
using AccountCoachBot.Operations;
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
        builder.Services.AddSingleton<MessagesEndpoint>();
        builder.Services.AddScoped<ActivityTurnRunner>();
        builder.Services.AddScoped<IInboxHandler>(sp => sp.GetRequiredService<ActivityTurnRunner>());
        builder.Services.AddInbox();
        builder.Services.AddSingleton<INudgeSender, BotFrameworkNudgeSender>();
        builder.Services.AddHostedService<AnonymousModeGuard>();
        builder.Services.AddSingleton<IStartupCheck, AnonymousModeCheck>();
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
        // One instance, from the root: an ack then needs no request scope (a turn run on the request takes its services
        // from one). Resolved per request, not here: its settings are checked (and a bad one refused) after mapping.
        var root = endpoints.ServiceProvider;
        endpoints.MapPost("/api/messages", (HttpContext http, CancellationToken ct) => root.GetRequiredService<MessagesEndpoint>().HandleAsync(http, ct));
        endpoints.MapMethods("/api/messages", ["GET", "PUT", "DELETE", "PATCH"], () => Results.StatusCode(StatusCodes.Status405MethodNotAllowed));
        return endpoints;
    }

    /// <summary>
    /// With no app id the endpoint is open, so the server may only listen on loopback unless
    /// BotFramework:AllowUnauthenticated says otherwise (a local container).
    /// </summary>
    /// <remarks>
    /// Decided from configuration before Kestrel listens (<see cref="AnonymousModeCheck"/>, also run by the server's start
    /// checks); checked again on the addresses actually bound, which code may have added.
    /// </remarks>
    private sealed class AnonymousModeGuard(IServer server, IOptions<BotFrameworkOptions> options, IConfiguration configuration, ILogger<AnonymousModeGuard> logger) : IHostedLifecycleService
    {
        public Task StartingAsync(CancellationToken cancellationToken) =>
            new AnonymousModeCheck(configuration, options).Refusal() is { } reason ? throw new StartupRefusal(reason) : Task.CompletedTask;

        public Task StartedAsync(CancellationToken cancellationToken)
        {
            if (!options.Value.IsAuthenticationDisabled || options.Value.AllowUnauthenticated) return Task.CompletedTask;
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var exposed = addresses.Where(a => !ListenAddresses.IsLoopback(a)).ToList();
            if (exposed.Count == 0)
            {
                logger.LogWarning("No MicrosoftAppId configured: /api/messages accepts unauthenticated requests on loopback only (Emulator, local use)");
                return Task.CompletedTask;
            }
            throw new StartupRefusal(AnonymousModeCheck.RefusalFor(exposed));
        }

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
