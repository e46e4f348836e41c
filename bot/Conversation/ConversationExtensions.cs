namespace AccountCoachBot.Conversation;

public static class ConversationExtensions
{
    public static IServiceCollection AddConversation(this IServiceCollection services)
    {
        services.AddScoped<TurnPipeline>();
        return services;
    }
}
