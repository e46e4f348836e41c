using AccountCoachBot.Channels.Inbox;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountCoachBot.Tests.Scheduling;

public class HousekeepingTests : IAsyncLifetime
{
    /// <summary>The database of the PostgreSQL variant (Data/Postgres); null: a SQLite file of each test's own.</summary>
    protected virtual PostgresDatabase? Postgres => null;

    private CoachTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero), postgres: Postgres);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<int> RunAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await ActivatorUtilities.CreateInstance<Housekeeping>(scope.ServiceProvider).RunAsync(CancellationToken.None);
    }

    [DbFact]
    public async Task Run_DropsOldDeliveriesAndFinishedNudges_AndKeepsWhatIsPending()
    {
        await _host.SayAsync("promise Acme: call Olga back in 5 minutes");   // a pending due reminder
        await _host.SayAsync("promise Globex: send the deck in 5 minutes");
        _host.Time.Advance(TimeSpan.FromMinutes(5));
        await _host.Dispatcher.RunAsync();                                   // two sent
        await _host.SayAsync("promise Initech: send the plan 2026-12-20");  // pending, far ahead

        Assert.Equal(0, await RunAsync());
        _host.Time.Advance(TimeSpan.FromDays(91));
        var removed = await RunAsync();

        Assert.True(removed >= 5, $"removed {removed}");
        Assert.Equal(0, await _host.WithDbAsync(db => db.ProcessedDeliveries.CountAsync()));
        var left = await _host.WithDbAsync(db => db.Outbox.ToListAsync());
        Assert.NotEmpty(left);
        Assert.All(left, o => Assert.Equal(OutboxStatus.Pending, o.Status));
    }

    [DbFact]
    public async Task Run_DropsHandledSlackRequests_AfterTheRedeliveryWindow_AndKeepsPendingOnes()
    {
        var now = _host.Time.GetUtcNow().UtcDateTime;
        await _host.WithDbAsync(async db =>
        {
            db.Inbox.Add(new InboxItem { Transport = "slack", Key = "event:Done", Kind = SlackInboxKinds.Event, ReceivedUtc = now, Status = InboxStatus.Done });
            db.Inbox.Add(new InboxItem { Transport = "slack", Key = "event:Pending", Kind = SlackInboxKinds.Event, ReceivedUtc = now });
            return await db.SaveChangesAsync();
        });

        await RunAsync();
        Assert.Equal(2, await _host.WithDbAsync(db => db.Inbox.CountAsync()));
        _host.Time.Advance(Housekeeping.DeliveryRetention + TimeSpan.FromMinutes(1));
        await RunAsync();

        Assert.Equal(["event:Pending"], await _host.WithDbAsync(db => db.Inbox.Select(i => i.Key).ToListAsync()));
    }
}
