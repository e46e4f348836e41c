using AccountCoachBot.Conversation;
using AccountCoachBot.Scheduling;

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
        services.AddTurnHandler<DigestDeliveryCommands>(verbs: new DigestDeliveryVerbs().Verbs);
        services.AddSingleton<IVerbSet, DigestDeliveryVerbs>();
        services.AddSingleton<INudgePlanner, DigestPlanner>();
        services.AddScoped<INudgeRenderer, DigestNudgeRenderer>();
        return services;
    }
}
