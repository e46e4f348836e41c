using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Operations;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AccountCoachBot.Tests.Operations;

/// <summary>Slack's 429s are counted as <c>coach.platform.throttled{platform=slack}</c>, and only those.</summary>
public sealed class PlatformThrottleMetricsTests : IAsyncLifetime
{
    private const string Token = "xoxb-1111-2222-metrics";
    private FakeSlackApi _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlackApi.StartAsync(expectedToken: Token);

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    [Fact]
    public async Task SlackApiClient_CountsA429_AndNotASuccess()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = Token,
            ["Slack:SigningSecret"] = "8f742231b10e8888abcd99yyyzzz85a5",
            ["Slack:ApiBaseUrl"] = _slack.BaseUrl,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<CoachMetrics>();
        services.AddSlackApi(configuration);
        services.AddHttpClient(SlackApiClient.HttpClientName).AddHttpMessageHandler(() => new LoopbackOnlyHandler());
        await using var provider = services.BuildServiceProvider();

        // Only this provider's meter: other tests' hosts in the process record on meters of the same name.
        var meter = provider.GetRequiredService<IMeterFactory>().Create(CoachMetrics.MeterName);
        var throttled = new List<string?>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter == meter && instrument.Name == "coach.platform.throttled") l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag.Key == "platform") throttled.Add(tag.Value as string);
        });
        listener.Start();

        var client = provider.GetRequiredService<SlackApiClient>();
        var message = new JsonObject { ["text"] = "Reminder: call Acme" };
        Assert.True((await client.PostMessageAsync("C0SALES", message)).Ok);
        _slack.ScriptRateLimited("chat.postMessage", retryAfterSeconds: 30);
        Assert.Equal(429, (await client.PostMessageAsync("C0SALES", message)).HttpStatus);

        Assert.Equal(["slack"], throttled);
    }
}
