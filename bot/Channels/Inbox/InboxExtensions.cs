using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AccountCoachBot.Channels.Inbox;

public static class InboxExtensions
{
    /// <summary>The inbox every channel hands its requests to; registered once however many channels use it.</summary>
    public static IServiceCollection AddInbox(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(InboxProcessor))) return services;
        services.TryAddSingleton<InboxSignal>();
        services.TryAddSingleton<InboxArrivals>();
        services.TryAddSingleton<InboxWriter>();
        services.AddSingleton<InboxProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxProcessor>());
        return services;
    }
}
