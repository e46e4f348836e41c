using System.Text.Json;
using AccountCoachBot.Channels.BotFramework;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Channels.BotFramework;

/// <summary>
/// Replies to Teams draw on the tenant's app budget that the outbox's nudges (of every instance) draw on: a reply
/// when the budget is spent waits for its turn on a timer, and goes when the clock reaches it.
/// </summary>
public sealed class TeamsReplyBudgetTests
{
    [Fact]
    public async Task Replies_WaitForTheirTurnInTheAppBudget_WhenAnotherInstanceSpentIt()
    {
        using var db = new TestDatabase();
        var time = new TimerWatch(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
        await using var connector = await FakeConnector.StartAsync();
        var settings = new Dictionary<string, string?> { ["BotFramework:TeamsAppPerSecond"] = "1", ["BotFramework:TeamsAppBurst"] = "1" };
        await using var bot = await BotHost.StartAsync(db.Path, time, settings, awaitTurns: false);
        var message = Activities.Message(connector.ServiceUrl, "help", channelId: "msteams");
        var limit = new TeamsAppLimit(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .For(ActivityMapper.ReferenceOf(JsonSerializer.Deserialize<Activity>(message.ToJsonString(), BotFrameworkJson.Options)!))!;
        // Another instance's nudges have the tenant's budget for the next ten seconds.
        var start = time.GetUtcNow().UtcDateTime;
        await bot.WithDbAsync(async d => { await SharedBudget.HoldAsync(d, limit, start.AddSeconds(10), CancellationToken.None); return 0; });

        using var http = new HttpClient();
        var first = time.NextTimer(TimeSpan.FromSeconds(10));
        await http.PostAsync(bot.MessagesUrl, message); // a first message: a welcome, then the answer
        await first;
        Assert.Empty(connector.Delivered);

        var second = time.NextTimer(TimeSpan.FromSeconds(1));
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Single(await connector.WaitForDeliveredAsync(1));
        await second;
        Assert.Single(connector.Delivered);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, (await connector.WaitForDeliveredAsync(2)).Count);
    }

    /// <summary>A fake clock that tells when a timer of a given length is set (the reply's wait), so the test advances only then.</summary>
    private sealed class TimerWatch(DateTimeOffset start) : FakeTimeProvider(start)
    {
        private readonly Lock _lock = new();
        private readonly List<(TimeSpan Due, TaskCompletionSource Set)> _watched = [];

        public Task NextTimer(TimeSpan due)
        {
            var set = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_lock) _watched.Add((due, set));
            return set.Task.WaitAsync(HangGuard.Limit);
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            lock (_lock)
                foreach (var watched in _watched.Where(w => w.Due == dueTime).ToList())
                {
                    _watched.Remove(watched);
                    watched.Set.TrySetResult();
                }
            return timer;
        }
    }
}
