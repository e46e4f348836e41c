using AccountCoachBot.Conversation;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Data.Postgres;

/// <summary>
/// Two instances on one PostgreSQL database, as behind a load balancer: each its own services, dispatcher and channel,
/// sharing only the database (and, here, one fake clock).
/// </summary>
[OnPostgres]
public sealed class TwoInstancesDispatchTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    [DbFact]
    public async Task Dispatchers_DeliverEveryDueNudgeOnce_AndKeepEachConversationsPace_WhenTwoInstancesShareTheDatabase()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero)); // Wed 10:00 Berlin
        // Small batches, so both instances claim rows in the same rounds.
        var settings = new Dictionary<string, string?> { ["Scheduling:BatchSize"] = "7" };
        await using var first = await CoachTestHost.StartAsync(time.GetUtcNow(), pacing: "00:00:01", settings, postgres: postgres, time: time);
        await using var second = await CoachTestHost.StartAsync(time.GetUtcNow(), pacing: "00:00:01", settings, postgres: postgres, keepData: true, time: time);

        // Twelve people, four promises each, all due in five minutes; the turns land on either instance.
        var expected = new List<string>();
        for (var person = 0; person < 12; person++)
        {
            for (var n = 0; n < 4; n++)
            {
                var client = $"Client{person}x{n}";
                await ((person + n) % 2 == 0 ? first : second).SayAsync($"promise {client}: call Olga back in 5 minutes", user: $"manager{person}");
                expected.Add(client);
            }
        }
        time.Advance(TimeSpan.FromMinutes(5));

        // Both dispatchers go for the same due rows at the same moments, one fake second apart (the pace).
        var sentByDispatchers = 0;
        for (var round = 0; round < 30 && sentByDispatchers < expected.Count; round++)
        {
            var runs = await HangGuard.WaitAsync(Task.WhenAll(first.Dispatcher.DispatchDueAsync(), second.Dispatcher.DispatchDueAsync()), "both dispatchers' run");
            sentByDispatchers += runs.Sum();
            time.Advance(TimeSpan.FromSeconds(1));
        }

        var sent = first.Sender.Sent.Concat(second.Sender.Sent).Select(s => PlainTextRenderer.Render(s.Reply)).ToList();
        Assert.All(expected, client => Assert.Single(sent, text => text.Contains($"({client})", StringComparison.Ordinal)));
        Assert.Equal(expected.Count, sent.Count);
        Assert.Equal(expected.Count, sentByDispatchers);

        // No conversation got two nudges less than the pace apart, whichever instance sent them.
        var rows = await first.WithDbAsync(db => db.Outbox.Where(o => o.Status == OutboxStatus.Sent).Select(o => new { o.AddressId, o.SentUtc, o.Attempts }).ToListAsync());
        Assert.Equal(expected.Count, rows.Count);
        Assert.All(rows, row => Assert.Equal(1, row.Attempts)); // each row claimed once
        foreach (var conversation in rows.GroupBy(r => r.AddressId))
        {
            var times = conversation.Select(r => r.SentUtc!.Value).Order().ToList();
            Assert.Equal(4, times.Count);
            Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(1),
                $"conversation {conversation.Key}: nudges at {pair.First:HH:mm:ss} and {pair.Second:HH:mm:ss}"));
        }
    }
}
