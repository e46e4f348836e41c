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
        services.AddTurnHandler<TeamCommands>(verbs: [TeamVerbs.Create, TeamVerbs.Lead, TeamVerbs.Add, TeamVerbs.Remove, TeamVerbs.Show]);
        services.AddTurnHandler<KudosCommands>(verbs: [TeamVerbs.Kudos]);
        services.AddSingleton<IVerbSet, TeamVerbs>();
        services.AddScoped<INudgeRenderer, TeamNoticeRenderer>();
        services.AddSingleton<INudgePlanner, TeamNoticePlanner>();
        services.AddSingleton<People.IPersonalData, TeamsPersonalData>();
        services.AddScoped<TeamImporter>();
        services.AddHostedService<AdminsAtStart>();
        return services;
    }
}
