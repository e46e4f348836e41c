using AccountCoachBot.Features.Coaching.Ask;
using AccountCoachBot.Conversation;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AccountCoachBot.Features.Coaching;

public static class CoachingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the principle catalog as a singleton, loaded from <c>prompts/principles.json</c> beside the app
    /// (or from the directory in configuration key <see cref="PrincipleCatalog.DirectoryConfigKey"/>).
    /// </summary>
    public static IServiceCollection AddCoaching(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(sp =>
        {
            var directory = sp.GetService<IConfiguration>()?[PrincipleCatalog.DirectoryConfigKey];
            return PrincipleCatalog.Load(directory);
        });
        // The index is built once, from the catalog, and shared: Lucene's searcher is safe across threads.
        services.TryAddSingleton<IPrincipleSearch>(sp => new LucenePrincipleSearch(sp.GetRequiredService<PrincipleCatalog>()));
        if (services.Any(d => d.ServiceType == typeof(AskCommands))) return services;
        services.AddTurnHandler<AskCommands>(verbs: [CoachingVerbs.Ask]);
        // After promise capture: a question is never a promise, and a promise said as a question stays one.
        services.AddQuestionHandler<AskCommands>();
        return services;
    }
}
