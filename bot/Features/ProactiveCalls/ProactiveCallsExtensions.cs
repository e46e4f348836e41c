using AccountCoachBot.Conversation;
using AccountCoachBot.Scheduling;

namespace AccountCoachBot.Features.ProactiveCalls;

public static class ProactiveCallsExtensions
{
    public static IServiceCollection AddProactiveCalls(this IServiceCollection services)
    {
        services.AddTurnHandler<CallCommands>(
            verbs: [CallVerbs.AddAccount, CallVerbs.Accounts, CallVerbs.Account, CallVerbs.Called, CallVerbs.DueCalls, CallVerbs.Vacation, CallVerbs.Mute, CallVerbs.Unmute],
            buttons: CallActions.Owned);
        services.AddSingleton<IVerbSet, CallVerbs>();
        services.AddScoped<INudgeRenderer, CallNudgeRenderer>();
        services.AddSingleton<INudgePlanner, CallPlanner>();
        services.AddScoped<IAccountTouchRecorder, AccountTouchRecorder>();
        services.AddScoped<IAccountOpenItems, PromiseOpenItems>();
        services.AddScoped<Scheduling.IAvailability, VacationAvailability>();
        services.AddScoped<People.ISettingsSection, CallSettings>();
        services.AddSingleton<People.IPersonalData, CallsPersonalData>();
        services.AddSingleton<Undo.IUndoable, CallUndo>();
        return services;
    }
}
