using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.Undo;

public static class UndoExtensions
{
    public static IServiceCollection AddUndo(this IServiceCollection services)
    {
        services.AddTurnHandler<UndoCommands>(verbs: [UndoVerbs.Undo], buttons: [UndoCommands.Action]);
        services.AddSingleton<IVerbSet, UndoVerbs>();
        services.AddSingleton<People.IPersonalData, UndoPersonalData>();
        return services;
    }
}
