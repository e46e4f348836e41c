using AccountCoachBot.Conversation;
using AccountCoachBot.Scheduling;

namespace AccountCoachBot.Features.Promises;

public static class PromisesExtensions
{
    public static IServiceCollection AddPromises(this IServiceCollection services)
    {
        services.AddTurnHandler<PromiseCommands>(
            verbs: [PromiseVerbs.Promise, PromiseVerbs.List, PromiseVerbs.Done, PromiseVerbs.Snooze, PromiseVerbs.OnTrack, PromiseVerbs.Cancel, PromiseVerbs.Move],
            buttons: PromiseActions.Owned);
        services.AddFreeTextHandler<PromiseCommands>();
        services.AddSingleton<IVerbSet, PromiseVerbs>();
        services.AddScoped<INudgeRenderer, PromiseNudgeRenderer>();
        services.AddSingleton<INudgePlanner, OverduePlanner>();
        services.AddSingleton<People.IPersonalData, PromisesPersonalData>();
        return services;
    }
}
