using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Channels.Slack;

/// <summary>
/// Slack's limits held across instances: two instances on one database, each with its own <see cref="SlackApiClient"/>
/// and <see cref="SlackRateLimits"/>, against one <see cref="FakeSlackApi"/> that records when each call arrived.
/// </summary>
public class SlackSharedLimitsTests : IAsyncLifetime
{
    private const string Token = "xoxb-test-token";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly TestDatabase _sqlite = new();
    private FakeSlackApi _slack = null!;
    private CoachTestHost _first = null!;
    private CoachTestHost _second = null!;

    /// <summary>The database of the PostgreSQL variant; null: one SQLite file both instances open.</summary>
    protected virtual PostgresDatabase? Postgres => null;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync(expectedToken: Token);
        _slack.Clock = _time;
        for (var i = 0; i < 60; i++)
            _slack.AddUser(new SlackUserSeed(User(i), $"user{i}"));
        _first = await StartInstanceAsync(keepData: false);
        _second = await StartInstanceAsync(keepData: true);
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
        await _slack.DisposeAsync();
        _sqlite.Dispose();
    }

    private Task<CoachTestHost> StartInstanceAsync(bool keepData)
    {
        var slack = new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = Token,
            ["Slack:SigningSecret"] = "test-signing-secret",
            ["Slack:ApiBaseUrl"] = _slack.BaseUrl,
        };
        var settings = new Dictionary<string, string?>(slack);
        if (Postgres is null) settings["ConnectionStrings:Coach"] = _sqlite.ConnectionString;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(slack).Build();
        return CoachTestHost.StartAsync(_time.GetUtcNow(), settings: settings, postgres: Postgres, keepData: keepData, time: _time,
            services: s => s.AddSlackApi(configuration));
    }

    private static string User(int i) => $"U0SHARE{i:D2}";

    private static SlackApiClient Api(CoachTestHost instance) => instance.Services.GetRequiredService<SlackApiClient>();

    [DbFact]
    public async Task CallAsync_KeepsAMethodsTier_AcrossTwoInstances()
    {
        var perMinute = SlackRateLimits.PerMinuteOf("conversations.open");
        for (var i = 0; i < perMinute; i++)
            Assert.True((await Api(i % 2 == 0 ? _first : _second).OpenConversationAsync(User(i))).Ok, $"call {i + 1}");

        // Each instance alone has called half the tier; together they have spent it.
        var over = await Api(_first).OpenConversationAsync(User(1));
        Assert.Equal(SlackApiResult.HeldBack, over.Error);
        Assert.Equal(SlackApiResult.HeldBack, (await Api(_second).OpenConversationAsync(User(2))).Error);
        Assert.Equal(TimeSpan.FromMinutes(1.0 / perMinute), over.RetryAfter);

        _time.Advance(over.RetryAfter!.Value);
        Assert.True((await Api(_second).OpenConversationAsync(User(3))).Ok);
        Assert.Equal(SlackApiResult.HeldBack, (await Api(_first).OpenConversationAsync(User(4))).Error);

        // What Slack saw: a minute's calls at once, then the next one a tier's interval later, from either instance.
        var start = _time.GetUtcNow() - over.RetryAfter!.Value;
        var times = _slack.CallsTo("conversations.open").Select(c => c.At!.Value).ToList();
        Assert.Equal(perMinute + 1, times.Count);
        Assert.Equal(perMinute, times.Count(t => t == start));
        Assert.Equal(start + over.RetryAfter!.Value, times[^1]);
    }

    [DbFact]
    public async Task CallAsync_HoldsTheOtherInstance_WhenOneWasToldRetryAfter()
    {
        _slack.SetFaults("users.info", new FaultSchedule(1000, new Dictionary<int, Fault> { [0] = new(429, 30) }));

        Assert.Equal(429, (await Api(_first).UsersInfoAsync(User(1))).HttpStatus);
        _time.Advance(TimeSpan.FromSeconds(10));
        var held = await Api(_second).UsersInfoAsync(User(2));

        Assert.Equal(SlackApiResult.HeldBack, held.Error);
        Assert.Equal(TimeSpan.FromSeconds(20), held.RetryAfter);
        Assert.Single(_slack.CallsTo("users.info"));
        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.True((await Api(_second).UsersInfoAsync(User(2))).Ok);
    }

    [DbFact]
    public async Task PostMessageAsync_HoldsOnlyThatChannel_OnTheOtherInstance_WhenOneWasToldRetryAfter()
    {
        _slack.SetFaults("chat.postMessage", new FaultSchedule(1000, new Dictionary<int, Fault> { [0] = new(429, 5) }));

        Assert.Equal(429, (await Api(_first).PostMessageAsync("C0BUSY", new() { ["text"] = "one" })).HttpStatus);
        Assert.Equal(SlackApiResult.HeldBack, (await Api(_second).PostMessageAsync("C0BUSY", new() { ["text"] = "two" })).Error);
        Assert.True((await Api(_second).PostMessageAsync("C0QUIET", new() { ["text"] = "three" })).Ok);

        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.True((await Api(_second).PostMessageAsync("C0BUSY", new() { ["text"] = "four" })).Ok);
    }

    /// <summary>
    /// One channel's messages, replies of one instance and nudges of the other, keep about one a second: the
    /// replies go at once, and the other instance's dispatcher waits for the channel's budget before its nudge.
    /// </summary>
    [DbFact]
    public async Task ChannelBudget_MakesTheOtherInstancesNudgeWait_WhenRepliesSpentIt()
    {
        var limits = _first.Services.GetRequiredService<SlackRateLimits>();
        var channel = limits.ChannelLimit("C0TEAM");
        Assert.Equal(SlackRateLimits.DefaultChannelBurst, channel.Burst);
        for (var i = 0; i < channel.Burst; i++)
            await limits.SpendAsync("C0TEAM");

        var now = _time.GetUtcNow().UtcDateTime;
        var free = await _second.WithDbAsync(db => SharedBudget.TakeAsync(db, channel, now, CancellationToken.None));
        Assert.Equal(now + TimeSpan.FromSeconds(1), free);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await _second.WithDbAsync(db => SharedBudget.TakeAsync(db, channel, _time.GetUtcNow().UtcDateTime, CancellationToken.None)));
    }

    /// <summary>Replies in many channels spend the workspace's budget, so a nudge to yet another channel waits its turn.</summary>
    [DbFact]
    public async Task WorkspaceBudget_MakesTheOtherInstancesNudgeWait_WhenRepliesInOtherChannelsSpentIt()
    {
        var limits = _first.Services.GetRequiredService<SlackRateLimits>();
        var workspace = limits.WorkspaceLimit;
        Assert.Equal(SlackRateLimits.DefaultWorkspacePerMinute / 60.0, workspace.PerSecond);
        for (var i = 0; i < workspace.Burst; i++)
            await limits.SpendAsync($"C0REPLY{i:D2}");

        var now = _time.GetUtcNow().UtcDateTime;
        var quiet = await _second.WithDbAsync(db => SharedBudget.TakeAsync(db, limits.ChannelLimit("C0NUDGE"), now, CancellationToken.None));
        var free = await _second.WithDbAsync(db => SharedBudget.TakeAsync(db, workspace, now, CancellationToken.None));
        Assert.Null(quiet); // the nudge's own channel has had nothing
        Assert.Equal(now + workspace.Interval, free);
        _time.Advance(workspace.Interval);
        Assert.Null(await _second.WithDbAsync(db => SharedBudget.TakeAsync(db, workspace, _time.GetUtcNow().UtcDateTime, CancellationToken.None)));
    }
}

[OnPostgres]
public sealed class SlackSharedLimitsPostgresTests(PostgresDatabase postgres) : SlackSharedLimitsTests, IClassFixture<PostgresDatabase>
{
    protected override PostgresDatabase Postgres => postgres;
}
