using AccountCoachBot.Channels.Inbox;
using AccountCoachBot.Data;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Tests.Channels.Inbox;

/// <summary>
/// PostgreSQL's batch insert into the inbox, its one statement bound again batch after batch (SQLite records into
/// a file: <see cref="InboxArrivalsTests"/>). Run by <c>InboxInsertsPostgresTests</c>.
/// </summary>
public abstract class InboxInsertsTests : IAsyncLifetime
{
    protected abstract PostgresDatabase Postgres { get; }

    private CoachTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero), postgres: Postgres);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private InboxItem Item(string key, string? conversation = null) => new()
    {
        Transport = "slack", Key = key, Kind = "event", ConversationKey = conversation, PayloadJson = $"{{\"key\":\"{key}\"}}",
        ReceivedUtc = _host.Time.GetUtcNow().UtcDateTime,
    };

    /// <summary>Runs <paramref name="work"/> with inserts bound to an open connection of the bot's database, as the writer does.</summary>
    private Task<T> WithInsertsAsync<T>(Func<InboxInserts, Task<T>> work) => _host.WithDbAsync(async db =>
    {
        await db.Database.OpenConnectionAsync();
        using var inserts = new InboxInserts(db.Database.GetDbConnection());
        return await work(inserts);
    });

    private Task<List<InboxItem>> RecordedAsync() => _host.WithDbAsync(db => db.Inbox.OrderBy(i => i.Id).ToListAsync());

    [DbFact]
    public async Task InsertAsync_GivesIdsInArrivalOrderAndDropsKnownKeys_WhenABatchMixesNewAndKnownKeys()
    {
        var ids = await WithInsertsAsync(async inserts =>
        {
            await inserts.InsertAsync([Item("known")], CancellationToken.None);
            // 13 new keys, one twice in the batch, one already recorded.
            var batch = Enumerable.Range(0, 13).Select(i => Item($"k{i:00}", i % 2 == 0 ? $"conv-{i}" : null)).ToList();
            batch.Insert(5, Item("known"));
            batch.Add(Item("k03"));
            return await inserts.InsertAsync(batch, CancellationToken.None);
        });

        Assert.Null(ids[^1]); // the same key earlier in the batch
        var rows = await RecordedAsync();
        Assert.Null(ids[5]); // known to the inbox: not recorded again
        var fresh = ids.Where((_, i) => i != 5 && i != ids.Length - 1).ToList();
        Assert.Equal(13, fresh.Count);
        Assert.All(fresh, id => Assert.NotNull(id));
        Assert.Equal(fresh.Order(), fresh); // ids order a conversation's turns
        Assert.Equal(fresh, rows.Skip(1).Select(r => (long?)r.Id)); // and are the inbox's ids
        Assert.Equal(["known", .. Enumerable.Range(0, 13).Select(i => $"k{i:00}")], rows.Select(r => r.Key));
        Assert.Equal("conv-12", rows[^1].ConversationKey);
        Assert.Null(rows[^2].ConversationKey);
        // What was asked, unless the processor has handled it meanwhile (it keeps only the key then).
        Assert.All(rows, r => Assert.True(r.PayloadJson == $"{{\"key\":\"{r.Key}\"}}" || r.Status != InboxStatus.Pending, r.Key));
    }

    [DbFact]
    public async Task InsertAsync_WritesEachBatchsOwnValues_WhenItsStatementsAreUsedAgain()
    {
        await WithInsertsAsync(async inserts =>
        {
            await inserts.InsertAsync([Item("a1", "conv-a"), Item("a2")], CancellationToken.None);
            await inserts.InsertAsync([Item("b1"), Item("b2", "conv-b")], CancellationToken.None); // the same command, bound again
            return 0;
        });

        var rows = await RecordedAsync();
        Assert.Equal(["a1", "a2", "b1", "b2"], rows.Select(r => r.Key));
        Assert.Equal(["conv-a", null, null, "conv-b"], rows.Select(r => r.ConversationKey));
    }

    [DbFact]
    public async Task InsertAsync_DrawsIdsInTheBatchsOrder_WhenTheBatchIsAsLargeAsAStatementTakes()
    {
        // Keys that sort against the batch's order, so that neither the index nor the text can give the ids' order.
        var keys = Enumerable.Range(0, InboxInserts.MaxRows).Select(i => $"z{InboxInserts.MaxRows - i:000}").ToList();
        var ids = await WithInsertsAsync(inserts => inserts.InsertAsync(keys.Select(k => Item(k, "conv-1")).ToList(), CancellationToken.None));

        Assert.All(ids, id => Assert.NotNull(id));
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(keys, (await RecordedAsync()).Select(r => r.Key));
    }

    [DbFact]
    public async Task InsertAsync_RecordsNothingOfAFailedBatch_AndTheNextBatchGoesIn()
    {
        var next = await WithInsertsAsync(async inserts =>
        {
            await inserts.InsertAsync([Item("before")], CancellationToken.None);
            // 13 rows in one statement: the last one has no key.
            var batch = Enumerable.Range(0, 13).Select(i => Item($"f{i:00}")).ToList();
            batch[^1].Key = null!;
            await Assert.ThrowsAnyAsync<Exception>(() => inserts.InsertAsync(batch, CancellationToken.None));
            return await inserts.InsertAsync([Item("after")], CancellationToken.None);
        });

        Assert.NotNull(next[0]);
        var rows = await RecordedAsync();
        Assert.Equal(["before", "after"], rows.Select(r => r.Key));
    }
}
