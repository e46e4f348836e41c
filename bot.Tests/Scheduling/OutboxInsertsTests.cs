using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Tests.Scheduling;

/// <summary>The insert of new outbox rows (a statement a row on SQLite, a JSON list on PostgreSQL): the same rows as <c>SaveChanges</c> would write, and a race fails it whole.</summary>
public class OutboxInsertsTests : IAsyncLifetime
{
    protected virtual PostgresDatabase? Postgres => null;

    private CoachTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero), postgres: Postgres);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [DbFact]
    public async Task InsertAsync_WritesTheSortedRowsAsSaveChangesWould_WhenKeysAreNewOrWithdrawn()
    {
        await _host.SayAsync("help"); // the person and their chat
        var now = _host.Time.GetUtcNow().UtcDateTime;
        var later = now.AddHours(2).AddTicks(1234567);
        var count = OutboxInserts.RowsPerStatement + 3; // two statements on PostgreSQL
        await _host.WithDbAsync(async db =>
        {
            var address = await db.Addresses.FirstAsync();
            db.Outbox.Add(new OutboxMessage
            {
                Kind = "nudge.test", PersonId = address.PersonId, AddressId = address.Id, Transport = address.Transport,
                DedupeKey = "k0000", Status = OutboxStatus.Skipped, DueUtc = now, CreatedUtc = now,
            });
            await db.SaveChangesAsync();
            var requests = Enumerable.Range(0, count)
                .Select(i => new NudgeRequest("nudge.test", address.PersonId, i % 2 == 0 ? $"подписка:{i}" : null, later, address, $"k{i:0000}"))
                .Append(new NudgeRequest("nudge.test", address.PersonId, null, later, address, "k0001")) // twice in one pass
                .ToList();

            var (fresh, revived) = await Outbox.SortAsync(db, requests, now, CancellationToken.None);
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.SaveChangesAsync();
            await OutboxInserts.InsertAsync(db, fresh, CancellationToken.None);
            await transaction.CommitAsync();
            Assert.Equal((count - 1, 1), (fresh.Count, revived));
            return 0;
        });

        var rows = await _host.WithDbAsync(db => db.Outbox.Where(o => o.Kind == "nudge.test").OrderBy(o => o.Id).ToListAsync());
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"k{i:0000}"), rows.Select(r => r.DedupeKey));
        // The first row was revived by SaveChanges: the inserted ones hold the same time (PostgreSQL keeps microseconds).
        Assert.Equal(later, rows[0].DueUtc, TimeSpan.FromTicks(9));
        Assert.All(rows, r => Assert.Equal((OutboxStatus.Pending, rows[0].DueUtc, 0), (r.Status, r.DueUtc, r.Attempts)));
        Assert.All(rows.Skip(1), r => Assert.Equal(now, r.CreatedUtc));
        Assert.Equal("подписка:2", rows[2].SubjectId);
        Assert.Null(rows[3].SubjectId);
    }

    [DbFact]
    public async Task InsertAsync_WritesNoneAndThrowsDbUpdateException_WhenAnotherInstanceWroteAKeyMeanwhile()
    {
        await _host.SayAsync("help");
        var now = _host.Time.GetUtcNow().UtcDateTime;
        var error = await _host.WithDbAsync(async db =>
        {
            var address = await db.Addresses.FirstAsync();
            NudgeRequest Request(string key) => new("nudge.test", address.PersonId, null, now, address, key);
            var (fresh, _) = await Outbox.SortAsync(db, [Request("a"), Request("b")], now, CancellationToken.None);
            await _host.WithDbAsync(async other => // the other instance, after this one looked
            {
                await Outbox.EnqueueAsync(other, Request("b"), now, CancellationToken.None);
                return await other.SaveChangesAsync();
            });

            await using var transaction = await db.Database.BeginTransactionAsync();
            return await Record.ExceptionAsync(() => OutboxInserts.InsertAsync(db, fresh, CancellationToken.None));
        });

        Assert.IsType<DbUpdateException>(error);
        var keys = await _host.WithDbAsync(db => db.Outbox.Where(o => o.Kind == "nudge.test").Select(o => o.DedupeKey).ToListAsync());
        Assert.Equal(["b"], keys);
    }
}
