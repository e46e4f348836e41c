using AccountCoachBot.Channels.BotFramework;
using AccountCoachBot.Channels.Playground;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Operations;
using AccountCoachBot.Scheduling;

namespace AccountCoachBot;

/// <summary>The server: Bot Framework endpoint, Slack, the local playground, features, scheduling. Tests build it the same way.</summary>
public static class CoachWebApp
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = SettingsFiles.ReadOnceWith(args),
            // The build output carries appsettings.json and prompts/, so it runs from any working directory.
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.AddCoachServices();
        builder.AddBotFrameworkChannel();
        builder.AddSlackChannel();
        builder.AddPlaygroundChannel();
        builder.AddScheduling();
        builder.AddCoachMetrics();
        builder.AddJobDashboard();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapBotFramework();
        app.MapSlack();
        app.MapPlayground();
        app.MapHealth();
        app.MapMetrics();
        app.MapJobDashboard();
        return app;
    }
}
