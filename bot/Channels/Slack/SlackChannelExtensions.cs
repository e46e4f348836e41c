using AccountCoachBot.Channels.Inbox;
using AccountCoachBot.Conversation;
using AccountCoachBot.Features.ProactiveCalls.Import;
using AccountCoachBot.Scheduling;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AccountCoachBot.Channels.Slack;

public static class SlackChannelExtensions
{
    /// <summary>Slack is on when a bot token is configured (Slack:BotToken).</summary>
    public static IHostApplicationBuilder AddSlackChannel(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(SlackOptions.SectionName);
        if (string.IsNullOrWhiteSpace(section[nameof(SlackOptions.BotToken)])) return builder;

        builder.Services.AddSlackApi(builder.Configuration);
        builder.Services.AddHttpClient(SlackTurnRunner.ResponseUrlClient, c => c.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddSingleton<SlackSignatureVerifier>();
        builder.Services.AddInbox();
        builder.Services.AddSingleton<SlackDirectory>();
        builder.Services.AddSingleton<SlackEndpoints>();
        builder.Services.AddScoped<SlackTurnRunner>();
        builder.Services.AddScoped<IInboxHandler>(sp => sp.GetRequiredService<SlackTurnRunner>());
        builder.Services.AddScoped<SlackAppHome>();
        builder.Services.AddSingleton<INudgeSender, SlackNudgeSender>();
        return builder;
    }

    /// <summary>Slack's places and mentions: read from the database, so registered whether Slack is on or not.</summary>
    public static IServiceCollection AddSlackDestinations(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelDestinations, SlackDestinations>());
        return services;
    }

    /// <summary>With a bot token: owners found by work email through Slack (the accounts import).</summary>
    public static IHostApplicationBuilder AddSlackOwnerLookup(this IHostApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration[$"{SlackOptions.SectionName}:{nameof(SlackOptions.BotToken)}"])) return builder;
        builder.Services.AddSlackApi(builder.Configuration);
        builder.Services.AddTransient<IOwnerLookup, SlackOwnerLookup>();
        return builder;
    }

    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetService<Microsoft.Extensions.Options.IOptions<SlackOptions>>();
        if (options?.Value.IsEnabled != true) return endpoints;
        // One instance, from the root: an ack then needs no request scope (its dictionary of services was a share of the
        // ack's allocations); a modal's services come from the request's scope. Resolved per request, not here: the
        // settings are checked (and a bad one refused) after mapping.
        var root = endpoints.ServiceProvider;
        SlackEndpoints Slack() => root.GetRequiredService<SlackEndpoints>();
        endpoints.MapPost("/slack/events", (HttpContext http, CancellationToken ct) => Slack().EventsAsync(http, ct));
        endpoints.MapPost("/slack/commands", (HttpContext http, CancellationToken ct) => Slack().CommandsAsync(http, ct));
        endpoints.MapPost("/slack/interactivity", (HttpContext http, CancellationToken ct) => Slack().InteractivityAsync(http, ct));
        return endpoints;
    }
}
