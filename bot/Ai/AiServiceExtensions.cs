using AccountCoachBot.Ai.Answers;
using AccountCoachBot.Ai.Briefs;
using AccountCoachBot.Ai.Extraction;
using AccountCoachBot.Conversation;
using AccountCoachBot.Features.Coaching.Ask;
using AccountCoachBot.Features.MeetingPrep;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AccountCoachBot.Ai;

public static class AiServiceExtensions
{
    /// <summary>
    /// The optional model. With <c>Ai:Provider=none</c> (the default) only <see cref="ICoachAnswerer"/> is registered,
    /// always answering null, and the bot behaves exactly as without this area. With a provider, the prompts are
    /// loaded (a bad file fails the start), free text goes through <see cref="AiFreeTextHandler"/> and briefs get
    /// a summary. A misconfigured section fails the start with what is wrong.
    /// </summary>
    public static IServiceCollection AddAi(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(AiOptions.Section).Get<AiOptions>() ?? new AiOptions();
        if (!options.IsEnabled)
        {
            services.TryAddSingleton<ICoachAnswerer, OfflineCoachAnswerer>();
            return services;
        }
        if (options.Problem() is { } problem) throw new InvalidOperationException(problem);

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(ChatClientFactory.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan); // the gate times out
        services.AddSingleton(options);
        services.AddSingleton(PromptLibrary.Load(options.PromptsDirectory));
        services.AddSingleton(sp => new CircuitBreaker(options.BreakerFailures, options.BreakerOpenFor, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IChatClient>(sp => ChatClientFactory.Create(options,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(ChatClientFactory.HttpClientName)));
        services.AddSingleton(sp => new ModelGate(sp.GetRequiredService<IChatClient>(), options,
            sp.GetRequiredService<CircuitBreaker>(), sp.GetRequiredService<ILogger<ModelGate>>()));
        services.AddSingleton<AiFollowUps>();
        services.AddHostedService<AiFollowUpsShutdown>();
        services.AddSingleton<PromiseExtractor>();
        services.AddSingleton<ICoachAnswerer, ModelCoachAnswerer>();
        services.AddScoped<IBriefFollowUp, BriefSummaryFollowUp>(); // scoped: it defers to its turn's commit
        services.AddScoped<IAnswerFollowUp, ModelAnswerFollowUp>();
        services.AddTurnHandler<AiButtons>(buttons: [AiButtons.Dismiss]);

        // Free text is read by one handler: the model-aware one takes the promises slice's place and delegates to it.
        services.RemoveAll<FreeTextRoute>();
        services.AddFreeTextHandler<AiFreeTextHandler>();
        return services;
    }
}
