using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Tests.Scheduling;

/// <summary>A conversation's turn, shared by instances through the database: taken by one, renewed only by its holder.</summary>
public class ConversationPacingTests : IAsyncLifetime
{
    protected virtual PostgresDatabase? Postgres => null;

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly DateTime Start = new(2026, 3, 4, 9, 0, 0, DateTimeKind.Utc);
    private CoachTestHost _host = null!;
    private int _address;

    public async Task InitializeAsync()
    {
        _host = await CoachTestHost.StartAsync(new DateTimeOffset(Start), postgres: Postgres);
        await _host.SayAsync("help");
        _address = await _host.WithDbAsync(db => db.Addresses.Select(a => a.Id).SingleAsync());
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [DbFact]
    public async Task RenewTurnAsync_ExtendsTheTurnFromNow_WhenNobodyTookItAfterItLapsed()
    {
        await _host.WithDbAsync(db => ConversationPacing.TakeTurnsAsync(db, [_address], Start, Interval, default));
        var later = Start.AddMilliseconds(1500); // a long batch: its turn lapsed before this row's send

        var free = await _host.WithDbAsync(db => ConversationPacing.RenewTurnAsync(db, _address, Start + Interval, later, Interval, default));

        Assert.Null(free);
        Assert.Equal(later + Interval, await _host.WithDbAsync(db => db.Addresses.Where(a => a.Id == _address).Select(a => a.PacedUntilUtc).SingleAsync()));
    }

    [DbFact]
    public async Task RenewTurnAsync_LeavesTheTurnToTheOtherInstance_WhenItTookTheLapsedTurn()
    {
        await _host.WithDbAsync(db => ConversationPacing.TakeTurnsAsync(db, [_address], Start, Interval, default));
        var theirs = Start.AddMilliseconds(1200);
        var busy = await _host.WithDbAsync(db => ConversationPacing.TakeTurnsAsync(db, [_address], theirs, Interval, default));
        Assert.Empty(busy); // the other instance got it: ours had lapsed

        var free = await _host.WithDbAsync(db => ConversationPacing.RenewTurnAsync(db, _address, Start + Interval, Start.AddMilliseconds(1500), Interval, default));

        Assert.Equal(theirs + Interval, free);
        Assert.Equal(theirs + Interval, await _host.WithDbAsync(db => db.Addresses.Where(a => a.Id == _address).Select(a => a.PacedUntilUtc).SingleAsync()));
    }
}
