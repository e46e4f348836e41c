using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.Digests;

public static class DigestsExtensions
{
    public static IServiceCollection AddDigests(this IServiceCollection services)
    {
        services.AddScoped<DigestBuilder>();
        services.AddScoped<ITurnHandler, DigestCommands>();
        services.AddSingleton<IVerbSet, DigestVerbs>();
        return services;
    }
}
