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
        services.AddTurnHandler<Notes.NoteCommands>(verbs: [Notes.NoteVerbs.Note, Notes.NoteVerbs.Gender]);
        services.AddSingleton<IVerbSet, Notes.NoteVerbs>();
        services.AddScoped<People.ISettingsSection, Notes.NoteSettings>();
        // The use cases, for the chat and any other caller (calendar sync, the AI coach, the digest).
        services.AddScoped<CapturePromiseHandler>();
        services.AddScoped<MarkPromiseDoneHandler>();
        services.AddScoped<MovePromiseHandler>();
        services.AddScoped<CancelPromiseHandler>();
        services.AddScoped<SnoozePromiseHandler>();
        services.AddScoped<MarkPromiseOnTrackHandler>();
        services.AddScoped<EditPromiseHandler>();
        services.AddScoped<ListOpenPromisesHandler>();
        services.AddSingleton<Undo.IUndoable, PromiseUndo>();
        services.AddSingleton<IVerbSet, PromiseVerbs>();
        services.AddScoped<INudgeRenderer, PromiseNudgeRenderer>();
        services.AddSingleton<INudgePlanner, OverduePlanner>();
        services.AddSingleton<People.IPersonalData, PromisesPersonalData>();
        return services;
    }
}
