namespace AccountCoachBot.Conversation;

public static class ConversationExtensions
{
    public static IServiceCollection AddConversation(this IServiceCollection services)
    {
        services.AddScoped<TurnPipeline>();
        services.AddScoped<AfterTurn>();
        services.AddSingleton<TurnRoutes>();
        services.AddSingleton<Destinations>();
        return services;
    }
}
