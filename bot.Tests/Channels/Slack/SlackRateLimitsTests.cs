using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Channels.Slack;

/// <summary>
/// Slack's per-method limits in <see cref="SlackApiClient"/>, against <see cref="FakeSlackApi"/> and its fault schedule:
/// a 429's Retry-After holds that method alone, and a method never calls faster than its tier.
/// </summary>
public sealed class SlackRateLimitsTests : IAsyncLifetime
{
    private const string Token = "xoxb-test-token";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
    private FakeSlackApi _slack = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync(expectedToken: Token);
        _slack.Clock = _time;
        for (var i = 0; i < 60; i++)
            _slack.AddUser(new SlackUserSeed(User(i), $"user{i}"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = Token,
            ["Slack:SigningSecret"] = "test-signing-secret",
            ["Slack:ApiBaseUrl"] = _slack.BaseUrl,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_time);
        services.AddSlackApi(configuration);
        services.AddHttpClient(SlackApiClient.HttpClientName).AddHttpMessageHandler(() => new LoopbackOnlyHandler());
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _slack.DisposeAsync();
    }

    private static string User(int i) => $"U0LIMIT{i:D2}";

    /// <summary>A client per call, as the typed HttpClient gives one per scope: the limits are the app's, not the client's.</summary>
    private SlackApiClient Api => _services.GetRequiredService<SlackApiClient>();

    [Fact]
    public async Task CallAsync_HoldsOnlyTheThrottledMethod_UntilRetryAfterHasPassed()
    {
        _slack.SetFaults("conversations.open", new FaultSchedule(1000, new Dictionary<int, Fault> { [0] = new(429, 30) }));

        var throttled = await Api.OpenConversationAsync(User(1));
        Assert.Equal(429, throttled.HttpStatus);
        Assert.Equal(TimeSpan.FromSeconds(30), throttled.RetryAfter);

        _time.Advance(TimeSpan.FromSeconds(10));
        var held = await Api.OpenConversationAsync(User(2));
        Assert.True(held.IsTransient);
        Assert.Equal(SlackApiResult.HeldBack, held.Error);
        Assert.Equal(TimeSpan.FromSeconds(20), held.RetryAfter);
        Assert.Single(_slack.CallsTo("conversations.open")); // not sent

        // Other methods are not held: Slack's limits are per method.
        Assert.True((await Api.UsersInfoAsync(User(2))).Ok);
        Assert.True((await Api.PostMessageAsync(User(2), new() { ["text"] = "hi" })).Ok);

        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.True((await Api.OpenConversationAsync(User(2))).Ok);
        Assert.Equal(2, _slack.CallsTo("conversations.open").Count);
    }

    [Fact]
    public async Task PostMessageAsync_HoldsOnlyTheThrottledChannel()
    {
        _slack.SetFaults("chat.postMessage", new FaultSchedule(1000, new Dictionary<int, Fault> { [0] = new(429, 5) }));

        Assert.Equal(429, (await Api.PostMessageAsync("C0BUSY", new() { ["text"] = "one" })).HttpStatus);
        Assert.Equal(SlackApiResult.HeldBack, (await Api.PostMessageAsync("C0BUSY", new() { ["text"] = "two" })).Error);
        Assert.True((await Api.PostMessageAsync("C0QUIET", new() { ["text"] = "three" })).Ok);

        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.True((await Api.PostMessageAsync("C0BUSY", new() { ["text"] = "four" })).Ok);
        Assert.Equal(3, _slack.CallsTo("chat.postMessage").Count);
    }

    [Fact]
    public async Task CallAsync_NeverCallsAMethodFasterThanItsTier()
    {
        var perMinute = SlackRateLimits.PerMinuteOf("conversations.open");
        Assert.Equal(50, perMinute); // Tier 3

        for (var i = 0; i < perMinute; i++)
            Assert.True((await Api.OpenConversationAsync(User(i % 60))).Ok, $"call {i + 1}");
        var over = await Api.OpenConversationAsync(User(1));
        Assert.Equal(SlackApiResult.HeldBack, over.Error);
        Assert.Equal(TimeSpan.FromMinutes(1.0 / perMinute), over.RetryAfter);
        Assert.Equal(perMinute, _slack.CallsTo("conversations.open").Count);

        _time.Advance(over.RetryAfter!.Value);
        Assert.True((await Api.OpenConversationAsync(User(1))).Ok);
        Assert.Equal(SlackApiResult.HeldBack, (await Api.OpenConversationAsync(User(2))).Error);
    }
}
