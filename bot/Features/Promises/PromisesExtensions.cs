using AccountCoachBot.Conversation;
using AccountCoachBot.Scheduling;

namespace AccountCoachBot.Features.Promises;

public static class PromisesExtensions
{
    public static IServiceCollection AddPromises(this IServiceCollection services)
    {
        services.AddScoped<ITurnHandler, PromiseCommands>();
        services.AddSingleton<IVerbSet, PromiseVerbs>();
        services.AddScoped<INudgeRenderer, PromiseNudgeRenderer>();
        services.AddSingleton<INudgePlanner, OverduePlanner>();
        services.AddSingleton<People.IPersonalData, PromisesPersonalData>();
        return services;
    }
}
