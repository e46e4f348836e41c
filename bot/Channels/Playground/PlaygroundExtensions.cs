using AccountCoachBot.Channels.BotFramework;
using AccountCoachBot.Conversation;
using AccountCoachBot.Scheduling;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AccountCoachBot.Channels.Playground;

/// <summary>The local Web Chat playground: registered and mapped only when <see cref="PlaygroundOptions.IsOn"/>.</summary>
public static class PlaygroundExtensions
{
    public const string WebChatScriptPath = "/playground/webchat.js";

    /// <summary>Web Chat's bundle as the build output carries it (see <c>webchat/README.md</c>).</summary>
    public static string WebChatScriptFile => Path.Combine(AppContext.BaseDirectory, "playground", "webchat.js");

    public static IHostApplicationBuilder AddPlaygroundChannel(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(PlaygroundOptions.SectionName);
        builder.Services.AddOptions<PlaygroundOptions>().Bind(section);
        var options = section.Get<PlaygroundOptions>() ?? new PlaygroundOptions();
        if (!options.IsOn(BotFrameworkOptions.FromConfiguration(builder.Configuration))) return builder;

        builder.Services.AddSingleton<DirectLineStore>();
        builder.Services.AddSingleton<PlaygroundTurns>();
        builder.Services.AddSingleton<INudgeSender, PlaygroundNudgeSender>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelDestinations, PlaygroundDestinations>());
        return builder;
    }

    public static IEndpointRouteBuilder MapPlayground(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<DirectLineStore>() is null) return endpoints;

        DirectLineEndpoints.Map(endpoints);
        var scriptUrl = endpoints.ServiceProvider.GetRequiredService<IOptions<PlaygroundOptions>>().Value.WebChatScriptUrl;
        var page = PlaygroundPage.Html(scriptUrl);
        endpoints.MapGet("/", () => Results.Content(page, "text/html; charset=utf-8")).AddEndpointFilter(PlaygroundAccess.LoopbackFilter);
        endpoints.MapGet(WebChatScriptPath, () => File.Exists(WebChatScriptFile)
                ? Results.File(WebChatScriptFile, "text/javascript; charset=utf-8")
                : Results.NotFound())
            .AddEndpointFilter(PlaygroundAccess.LoopbackFilter);
        return endpoints;
    }
}
