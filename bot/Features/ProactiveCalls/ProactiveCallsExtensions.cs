using AccountCoachBot.Conversation;
using AccountCoachBot.Scheduling;

namespace AccountCoachBot.Features.ProactiveCalls;

public static class ProactiveCallsExtensions
{
    public static IServiceCollection AddProactiveCalls(this IServiceCollection services)
    {
        services.AddScoped<ITurnHandler, CallCommands>();
        services.AddSingleton<IVerbSet, CallVerbs>();
        services.AddScoped<ITurnHandler, AccountStatusCommands>();
        services.AddSingleton<IVerbSet, AccountStatusVerbs>();
        services.AddScoped<INudgeRenderer, CallNudgeRenderer>();
        services.AddSingleton<INudgePlanner, CallPlanner>();
        services.AddScoped<IAccountTouchRecorder, AccountTouchRecorder>();
        services.AddScoped<IAccountOpenItems, PromiseOpenItems>();
        services.AddScoped<Scheduling.IAvailability, VacationAvailability>();
        services.AddScoped<People.ISettingsSection, CallSettings>();
        services.AddSingleton<People.IPersonalData, CallsPersonalData>();
        return services;
    }
}
