using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.Digests;

public static class DigestsExtensions
{
    public static IServiceCollection AddDigests(this IServiceCollection services)
    {
        services.AddScoped<DigestBuilder>();
        services.AddScoped<TeamDigests>();
        services.AddTurnHandler<DigestCommands>(verbs: [DigestVerbs.Me, DigestVerbs.Definitions]);
        services.AddTurnHandler<TeamDigestCommands>(verbs: [DigestVerbs.Team], buttons: [TeamDigestButtons.Action]);
        services.AddSingleton<IVerbSet, DigestVerbs>();
        return services;
    }
}
