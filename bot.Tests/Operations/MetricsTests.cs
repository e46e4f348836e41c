using System.Net;
using AccountCoachBot.Operations;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Operations;

/// <summary>The Prometheus endpoint: off unless asked for, this machine only unless made public, and the bot's counters in it.</summary>
public sealed class MetricsTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero)); // 10:00 Berlin
    private readonly TestDatabase _db = new();
    private readonly HttpClient _http = new();
    private FakeConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        _http.Dispose();
        _db.Dispose();
    }

    [Fact]
    public async Task Metrics_ShowsTurnAndNudgeCounters_WhenPrometheusOn()
    {
        await using var bot = await BotHost.StartAsync(_db.Path, _time, new Dictionary<string, string?> { ["Operations:Prometheus"] = "true" });
        await _http.PostAsync(bot.MessagesUrl, Activities.Message(_connector.ServiceUrl, "promise Acme: call Olga back in 5 minutes", channelId: "msteams"));
        await _connector.WaitForDeliveredAsync(2); // the welcome and the answer

        // Due: Teams first answers 429, so the nudge is deferred, then it goes out after the Retry-After.
        _time.Advance(TimeSpan.FromMinutes(5));
        _connector.FailNext(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(30));
        Assert.Equal(0, await bot.RunDispatcherAsync());
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await bot.RunDispatcherAsync());

        var response = await _http.GetAsync(bot.BaseUrl + "metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(Value(text, "coach_nudges_sent_total") >= 1, text);
        Assert.True(Value(text, "coach_nudges_deferred_total") >= 1, text);
        Assert.True(Value(text, "coach_platform_throttled_total") >= 1, text);
        Assert.True(Value(text, "coach_turn_duration_seconds_count") >= 1, text);
        Assert.True(Value(text, "coach_inbox_commit_duration_seconds_count") >= 1, text); // the message was recorded before its ack
        Assert.True(Value(text, "coach_inbox_commit_requests_sum") >= 1, text);
        Assert.Contains("coach_outbox_lag_seconds", text);
        Assert.Contains("coach_turn_duration_seconds_bucket{", text);
        Assert.Contains("le=\"0.1\"", text); // buckets in seconds, not the SDK's millisecond defaults
    }

    [Fact]
    public async Task Metrics_Answers404_ByDefault()
    {
        await using var bot = await BotHost.StartAsync(_db.Path, _time);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync(bot.BaseUrl + "metrics")).StatusCode);
    }

    [Theory]
    [InlineData("127.0.0.1", false, true)]
    [InlineData("::1", false, true)]
    [InlineData("::ffff:127.0.0.1", false, true)]
    [InlineData("10.0.0.5", false, false)]
    [InlineData("203.0.113.7", false, false)]
    [InlineData("203.0.113.7", true, true)]
    public void IsPermitted_AllowsOnlyLoopback_UnlessMetricsPublic(string remote, bool isPublic, bool expected) =>
        Assert.Equal(expected, MetricsEndpoint.IsPermitted(isPublic, IPAddress.Parse(remote)));

    [Fact]
    public void IsPermitted_Refuses_WhenTheRemoteAddressIsUnknown() => Assert.False(MetricsEndpoint.IsPermitted(false, null));

    /// <summary>The sum of a metric's series in Prometheus' text format (labels vary by transport and channel).</summary>
    private static double Value(string exposition, string name) => exposition.Split('\n')
        .Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal))
        .Select(line => line[(line.LastIndexOf('}') is var brace and >= 0 ? brace + 1 : name.Length)..].Trim().Split(' ')[0])
        .Sum(value => double.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
}
