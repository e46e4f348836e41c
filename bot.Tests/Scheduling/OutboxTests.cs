using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Tests.Scheduling;

public class OutboxTests : IAsyncLifetime
{
    private CoachTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task EnqueueManyAsync_WritesEachKeyOnce_RevivesSkippedAndLeavesSentAlone()
    {
        await _host.SayAsync("help"); // the person and their chat
        var now = _host.Time.GetUtcNow().UtcDateTime;
        var later = now.AddHours(2);
        var written = await _host.WithDbAsync(async db =>
        {
            var address = await db.Addresses.FirstAsync();
            db.Outbox.Add(Row("k1", address.PersonId, address.Id, OutboxStatus.Skipped, now));
            db.Outbox.Add(Row("k2", address.PersonId, address.Id, OutboxStatus.Sent, now));
            await db.SaveChangesAsync();

            NudgeRequest Request(string key) => new("nudge.test", address.PersonId, "person:1", later, address, key);
            var count = await Outbox.EnqueueManyAsync(db, [Request("k1"), Request("k2"), Request("k3"), Request("k3")], now, CancellationToken.None);
            await db.SaveChangesAsync();
            return count;
        });

        Assert.Equal(2, written);
        var rows = await _host.WithDbAsync(db => db.Outbox.Where(o => o.Kind == "nudge.test").OrderBy(o => o.DedupeKey).ToListAsync());
        Assert.Equal(["k1", "k2", "k3"], rows.Select(r => r.DedupeKey));
        Assert.Equal((OutboxStatus.Pending, later), (rows[0].Status, rows[0].DueUtc));
        Assert.Equal((OutboxStatus.Sent, now), (rows[1].Status, rows[1].DueUtc));
        Assert.Equal((OutboxStatus.Pending, later), (rows[2].Status, rows[2].DueUtc));
    }

    private static OutboxMessage Row(string key, int personId, int addressId, OutboxStatus status, DateTime due) => new()
    {
        Kind = "nudge.test", PersonId = personId, AddressId = addressId, Transport = "botframework", DedupeKey = key, Status = status, DueUtc = due, CreatedUtc = due,
    };
}
