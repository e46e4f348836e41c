using AccountCoachBot.Conversation;
using AccountCoachBot.Scheduling;

namespace AccountCoachBot.Features.Teams;

public static class TeamsExtensions
{
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TeamsOptions>(configuration.GetSection(TeamsOptions.Section));
        services.AddScoped<TeamAccess>();
        services.AddScoped<KudosLog>();
        services.AddScoped<ITurnHandler, FirstAdmin>();
        services.AddScoped<ITurnHandler, TeamCommands>();
        services.AddScoped<ITurnHandler, KudosCommands>();
        services.AddSingleton<IVerbSet, TeamVerbs>();
        services.AddScoped<INudgeRenderer, TeamNoticeRenderer>();
        services.AddSingleton<INudgePlanner, TeamNoticePlanner>();
        services.AddSingleton<People.IPersonalData, TeamsPersonalData>();
        services.AddScoped<TeamImporter>();
        services.AddHostedService<AdminsAtStart>();
        return services;
    }
}
