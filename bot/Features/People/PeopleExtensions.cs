using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.People;

public static class PeopleExtensions
{
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.AddTurnHandler<PeopleCommands>(verbs:
            [PeopleVerbs.Settings, PeopleVerbs.TimeZone, PeopleVerbs.Language, PeopleVerbs.Hours, PeopleVerbs.WorkDays, PeopleVerbs.Pause, PeopleVerbs.Resume]);
        services.AddTurnHandler<HelpCommand>(verbs: [PeopleVerbs.Help]);
        services.AddTurnHandler<LinkCommand>(verbs: [PeopleVerbs.Link]);
        services.AddTurnHandler<MyDataCommands>(verbs: [PeopleVerbs.Export, PeopleVerbs.Forget], buttons: [MyDataCommands.ForgetAction]);
        services.AddSingleton<IVerbSet, PeopleVerbs>();
        services.AddSingleton<PersonMerge>();
        services.AddSingleton<AccountNames>();
        return services;
    }
}
