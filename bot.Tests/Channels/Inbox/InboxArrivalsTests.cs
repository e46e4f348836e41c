using System.Collections.Concurrent;
using AccountCoachBot.Channels.Inbox;
using AccountCoachBot.Operations;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace AccountCoachBot.Tests.Channels.Inbox;

/// <summary>
/// SQLite records a request in a file beside the database before its ack; the processor moves it into the inbox before
/// it claims it. Nothing recorded is lost or run twice on the way, and ids keep their order. The processor is driven
/// here by its sweep (the host is not started), as it is at start and every half minute.
/// </summary>
public sealed class InboxArrivalsTests : IAsyncLifetime
{
    private readonly RecordingHandler _handler = new();
    private CoachTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero), services: s =>
    {
        s.AddInbox();
        s.AddMetrics();
        s.AddSingleton<CoachMetrics>();
        s.AddSingleton<IInboxHandler>(_handler);
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private InboxWriter Writer => _host.Services.GetRequiredService<InboxWriter>();
    private InboxArrivals Arrivals => _host.Services.GetRequiredService<InboxArrivals>();
    private InboxProcessor Processor => _host.Services.GetRequiredService<InboxProcessor>();

    private async Task<long> RecordAsync(string key, string? conversation = null) =>
        await Writer.RecordAsync(new InboxItem { Transport = RecordingHandler.Name, Key = key, Kind = "event", ConversationKey = conversation, PayloadJson = "{}" }, CancellationToken.None)
        ?? throw new InvalidOperationException($"{key} was not recorded");

    private async Task AttemptedAsync(long id)
    {
        using var guard = new CancellationTokenSource(HangGuard.Limit);
        await Processor.WhenAttemptedAsync(id, guard.Token);
    }

    [Fact]
    public async Task SweepAsync_MovesAndRunsWhatAProcessBeforeLeft_InArrivalOrderAndUnderTheSameIds()
    {
        // What a process that died after its acks left in the file.
        var path = await _host.WithDbAsync(db => Task.FromResult(InboxArrivals.PathOf(db)));
        using (var before = new ArrivalsFile(path))
        {
            before.Open(moved: 0);
            foreach (var (key, conversation) in new[] { ("a", "conv-1"), ("b", null), ("c", "conv-1") })
                before.Append(new InboxItem { Transport = RecordingHandler.Name, Key = key, Kind = "event", ConversationKey = conversation, PayloadJson = "{}" });
        }
        List<long> ids = [1, 2, 3];
        Assert.Equal(0, await _host.WithDbAsync(db => db.Inbox.CountAsync())); // recorded, not yet in the inbox
        Assert.Equal(3, await _host.WithDbAsync(db => InboxCounts.PendingAsync(db)));

        await Processor.SweepAsync(CancellationToken.None); // as at a start after a crash: what arrived is found
        foreach (var id in ids) await AttemptedAsync(id);

        Assert.Equal(ids, await _host.WithDbAsync(db => db.Inbox.OrderBy(i => i.Id).Select(i => i.Id).ToListAsync()));
        Assert.Equal(["a", "c"], _handler.Keys.Where(k => k != "b")); // one conversation's requests in their order
        Assert.Equal(3, _handler.Keys.Count);
        Assert.Equal(0, await _host.WithDbAsync(db => InboxCounts.PendingAsync(db)));
    }

    [Fact]
    public async Task SweepAsync_LeavesTheRequestsOfThisProcessToTheirTurns_UntilATurnLeavesOneToIt()
    {
        var first = await RecordAsync("a");
        var second = await RecordAsync("b");

        await Processor.SweepAsync(CancellationToken.None); // under a burst: the sweep does not move beside the acks
        Assert.Equal(0, await _host.WithDbAsync(db => db.Inbox.CountAsync()));

        Arrivals.Orphan(first); // its turn met the database away
        await Processor.SweepAsync(CancellationToken.None);
        await AttemptedAsync(first);
        Assert.Equal([first], await _host.WithDbAsync(db => db.Inbox.Select(i => i.Id).ToListAsync()));
        Assert.True(Arrivals.Holds(second));
    }

    [Fact]
    public async Task WhenAttemptedAsync_Completes_WhenTheRowIsARetryDroppedAsItMoves()
    {
        var first = await RecordAsync("a");
        Arrivals.Orphan(first);
        await Processor.SweepAsync(CancellationToken.None);
        await AttemptedAsync(first);

        var retry = await RecordAsync("a"); // the platform sends it again: recorded before its ack, like any request
        Assert.True(retry > first);
        Arrivals.Orphan(retry); // its turn left it to the sweep (the database was away)
        var waiting = AttemptedAsync(retry); // a host holding the retry's response until its turn
        await Processor.SweepAsync(CancellationToken.None);
        await waiting;
        await AttemptedAsync(retry); // and asked after the move: the row is gone, nothing to wait for

        Assert.Equal(["a"], _handler.Keys);
        Assert.Equal([first], await _host.WithDbAsync(db => db.Inbox.Select(i => i.Id).ToListAsync()));
    }

    [Fact]
    public async Task Migrate_NumbersArrivalsAfterEveryIdTheInboxGave_WhenItHadRowsBefore()
    {
        var migrations = await _host.WithDbAsync(db => Task.FromResult(db.Database.GetMigrations().ToList()));
        await MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_InboxArrivals", StringComparison.Ordinal)) - 1]);
        await _host.WithDbAsync(async db =>
        {
            foreach (var key in new[] { "old-1", "old-2", "old-3" })
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "Inbox" ("Transport", "Key", "Kind", "PayloadJson", "Status", "Attempts", "ReceivedUtc")
                    VALUES ('test', {key}, 'event', '', 1, 1, '2026-03-04 08:00:00')
                    """);
            return await db.Database.ExecuteSqlRawAsync("""DELETE FROM "Inbox" WHERE "Key" = 'old-3'"""); // its id is not to come again
        });

        await MigrateAsync(null);

        Assert.Equal(4, await RecordAsync("new"));
    }

    [Fact]
    public async Task Migrate_MovesWhatWaitedInTheArrivalsTable_AndNumbersTheFileAfterItsIds()
    {
        var migrations = await _host.WithDbAsync(db => Task.FromResult(db.Database.GetMigrations().ToList()));
        var table = migrations.FindIndex(m => m.EndsWith("_InboxArrivals", StringComparison.Ordinal));
        await MigrateAsync(migrations[table - 1]);
        await _host.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "Inbox" ("Transport", "Key", "Kind", "PayloadJson", "Status", "Attempts", "ReceivedUtc")
            VALUES ('arrivals-test', 'old', 'event', '', 1, 1, '2026-03-04 08:00:00')
            """));
        await MigrateAsync(migrations[table]);
        await _host.WithDbAsync(async db =>
        {
            // Recorded before the upgrade and not yet moved: a request, a retry of one the inbox has, and a last one
            // moved already (its id is not to come again).
            foreach (var key in new[] { "waiting", "old", "gone" })
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "InboxArrivals" ("Transport", "Key", "Kind", "ConversationKey", "PayloadJson", "ReceivedUtc")
                    VALUES ('arrivals-test', {key}, 'event', 'conv-1', '', '2026-03-04 08:30:00')
                    """);
            return await db.Database.ExecuteSqlRawAsync("""DELETE FROM "InboxArrivals" WHERE "Key" = 'gone'""");
        });

        await MigrateAsync(null);

        var rows = await _host.WithDbAsync(db => db.Inbox.OrderBy(i => i.Id).Select(i => new { i.Id, i.Key, i.ConversationKey, i.Status }).ToListAsync());
        Assert.Equal([(1L, "old"), (2L, "waiting")], rows.Select(r => (r.Id, r.Key)));
        Assert.Equal(("conv-1", InboxStatus.Pending), (rows[1].ConversationKey, rows[1].Status));
        Assert.Equal(5, await RecordAsync("new"));
        await Processor.SweepAsync(CancellationToken.None);
        await AttemptedAsync(2);
        Assert.Equal(["waiting"], _handler.Keys);
    }

    private Task MigrateAsync(string? target) => _host.WithDbAsync(async db =>
    {
        await db.GetService<IMigrator>().MigrateAsync(target);
        return 0;
    });

    private sealed class RecordingHandler : IInboxHandler
    {
        public const string Name = "arrivals-test";
        private readonly ConcurrentQueue<string> _keys = new();

        public string Transport => Name;

        public List<string> Keys => [.. _keys];

        public Task RunAsync(InboxItem item, CancellationToken ct)
        {
            _keys.Enqueue(item.Key);
            return Task.CompletedTask;
        }

        public Task ApologiseAsync(InboxItem item, CancellationToken ct) => throw new InvalidOperationException("the database is here");
    }
}
