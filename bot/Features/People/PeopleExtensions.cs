using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.People;

public static class PeopleExtensions
{
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.AddScoped<ITurnHandler, PeopleCommands>();
        services.AddScoped<ITurnHandler, HelpCommand>();
        services.AddScoped<ITurnHandler, LinkCommand>();
        services.AddScoped<ITurnHandler, MyDataCommands>();
        services.AddSingleton<IVerbSet, PeopleVerbs>();
        services.AddSingleton<PersonMerge>();
        return services;
    }
}
