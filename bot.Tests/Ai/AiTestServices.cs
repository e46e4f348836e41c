using AccountCoachBot.Ai;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Ai;

/// <summary>The Ai area alone, configured from settings, with the loopback guard on its HTTP client.</summary>
public static class AiTestServices
{
    public static ServiceProvider Build(IDictionary<string, string?> settings, FakeTimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.ClearProviders());
        services.AddSingleton<TimeProvider>(time ?? new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero)));
        services.ConfigureHttpClientDefaults(b => b.AddHttpMessageHandler(() => new LoopbackOnlyHandler()));
        services.AddAi(configuration);
        return services.BuildServiceProvider();
    }

    public static Task<System.Text.Json.JsonElement?> CallAsync(this ServiceProvider services, string prompt = PromptLibrary.ExtractPromise, string data = "hello") =>
        services.GetRequiredService<ModelGate>().CompleteJsonAsync(services.GetRequiredService<PromptLibrary>()[prompt], data, CancellationToken.None);
}
