using AccountCoachBot.Features.ProactiveCalls;
using AccountCoachBot.Features.Promises;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AccountCoachBot.Tests.Data;

/// <summary>
/// Outbox kinds were renamed apart from button ids (`promise.due` → `nudge.promise.due`): rows written before the
/// rename keep working after it.
/// </summary>
public sealed class NudgeKindsMigrationTests : IAsyncLifetime
{
    private CoachTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero)); // Wed 10:00 Berlin

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task MigrateAsync(string? target) => _host.WithDbAsync(async db =>
    {
        await db.GetService<IMigrator>().MigrateAsync(target);
        return 0;
    });

    private Task<List<(string Kind, string Key)>> RowsAsync() => _host.WithDbAsync(async db =>
        (await db.Outbox.OrderBy(o => o.Id).Select(o => new { o.Kind, o.DedupeKey }).ToListAsync()).Select(o => (o.Kind, o.DedupeKey)).ToList());

    [Fact]
    public async Task Migrate_RenamesKindsKeysAndCarriers_AndAPendingNudgeStillSendsOnce()
    {
        await _host.SayAsync("promise Acme: send the quote 2026-03-05 18:00");
        await _host.SayAsync("account add Globex");
        var due = new DateTime(2026, 3, 5, 17, 0, 0, DateTimeKind.Utc);
        var migrations = await _host.WithDbAsync(db => Task.FromResult(db.Database.GetMigrations().ToList()));

        // Back to the version before the rename (its Down): the rows read as that version wrote them.
        await MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_NudgeKinds", StringComparison.Ordinal)) - 1]);
        await _host.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE AccountCadences SET AnnouncedByKey = 'call.bundle:1:2026-03-04'"));
        var old = await RowsAsync();
        Assert.Contains(("promise.due", $"promise.due:1:{due.Ticks}"), old);
        Assert.Contains(old, r => r.Kind == "promise.before" && r.Key.StartsWith("promise.before:1:", StringComparison.Ordinal));

        await MigrateAsync(null);

        var renamed = await RowsAsync();
        Assert.Contains((ReminderPolicy.DueKind, ReminderPolicy.DedupeKey(ReminderPolicy.DueKind, 1, due)), renamed);
        Assert.All(renamed, r => Assert.StartsWith(NudgeKinds.Prefix, r.Kind));
        Assert.All(renamed, r => Assert.StartsWith(r.Kind + ":", r.Key));
        Assert.Equal($"{CallNudgeKinds.Bundle}:1:2026-03-04",
            await _host.WithDbAsync(db => db.Set<AccountCadence>().Select(c => c.AnnouncedByKey).SingleAsync()));

        // Planning the promise again finds the renamed rows: nothing new is written.
        var added = await _host.WithDbAsync(async db =>
        {
            var promise = await db.Promises.SingleAsync();
            var person = await db.People.SingleAsync();
            var address = await db.Addresses.SingleAsync();
            var count = await db.Outbox.CountAsync();
            await PromiseScheduler.PlanAsync(db, promise, person, address, _host.Time.GetUtcNow().UtcDateTime, default);
            await db.SaveChangesAsync();
            return await db.Outbox.CountAsync() - count;
        });
        Assert.Equal(0, added);

        // The pending reminder at the due time goes out once.
        _host.Time.SetUtcNow(new DateTimeOffset(due));
        await _host.Dispatcher.RunAsync();
        await _host.Dispatcher.RunAsync();
        Assert.Contains("send the quote", Assert.Single(_host.Sender.Sent).Reply.Text);
        Assert.Equal(OutboxStatus.Sent, await _host.WithDbAsync(db => db.Outbox.Where(o => o.Kind == ReminderPolicy.DueKind).Select(o => o.Status).SingleAsync()));
        Assert.Single(await _host.WithDbAsync(db => db.Outbox.Where(o => o.Kind == ReminderPolicy.DueKind).ToListAsync()));
    }
}
