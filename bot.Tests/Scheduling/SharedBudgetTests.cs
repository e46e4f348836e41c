using AccountCoachBot.Data;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AccountCoachBot.Tests.Scheduling;

/// <summary>A rate limit shared by many conversations, kept in the database: bursts, the sustained rate, holds, racing instances.</summary>
public class SharedBudgetTests : IAsyncLifetime
{
    private static readonly SharedRateLimit Limit = new("teams:tenant-1", PerSecond: 10, Burst: 3); // 100 ms apart after a burst of 3

    /// <summary>The database of the PostgreSQL variant (Data/Postgres); null: a SQLite file of each test's own.</summary>
    protected virtual PostgresDatabase? Postgres => null;

    private CoachTestHost _host = null!;

    private DateTime Now => _host.Time.GetUtcNow().UtcDateTime;

    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero), postgres: Postgres);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>Each take in a scope (a DbContext) of its own, as two dispatcher runs or two instances would.</summary>
    private Task<DateTime?> TakeAsync(SharedRateLimit? limit = null) => _host.WithDbAsync(db => SharedBudget.TakeAsync(db, limit ?? Limit, Now, CancellationToken.None));

    [DbFact]
    public async Task TakeAsync_AllowsTheBurstAtOnce_ThenOneSendPerInterval()
    {
        for (var i = 0; i < Limit.Burst; i++)
            Assert.Null(await TakeAsync());

        var start = Now;
        Assert.Equal(start + TimeSpan.FromMilliseconds(100), await TakeAsync());
        _host.Time.Advance(TimeSpan.FromMilliseconds(99));
        Assert.Equal(start + TimeSpan.FromMilliseconds(100), await TakeAsync());
        _host.Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Null(await TakeAsync());
        Assert.Equal(start + TimeSpan.FromMilliseconds(200), await TakeAsync());
    }

    [DbFact]
    public async Task PlaceInLineAsync_GivesPlacesOneIntervalApartFromTheFreeInstant_AcrossScopes()
    {
        var free = Now + TimeSpan.FromMilliseconds(300);

        var places = new List<DateTime>();
        for (var i = 0; i < 4; i++)
            places.Add(await _host.WithDbAsync(db => SharedBudget.PlaceInLineAsync(db, Limit, free, CancellationToken.None)));

        Assert.Equal([free, free.AddMilliseconds(100), free.AddMilliseconds(200), free.AddMilliseconds(300)], places);
    }

    [DbFact]
    public async Task PlaceInLineAsync_StartsAtTheFreeInstant_WhenTheLineHasRunOut()
    {
        await _host.WithDbAsync(db => SharedBudget.PlaceInLineAsync(db, Limit, Now, CancellationToken.None));
        _host.Time.Advance(TimeSpan.FromMinutes(1));

        var free = Now + TimeSpan.FromMilliseconds(100);
        Assert.Equal(free, await _host.WithDbAsync(db => SharedBudget.PlaceInLineAsync(db, Limit, free, CancellationToken.None)));
        // The line is apart from the budget: the burst is still there to take.
        Assert.Null(await TakeAsync());
    }

    [DbFact]
    public async Task TakeAsync_KeepsEachKeysBudgetApart()
    {
        for (var i = 0; i < Limit.Burst; i++)
            Assert.Null(await TakeAsync());

        Assert.NotNull(await TakeAsync());
        Assert.Null(await TakeAsync(Limit with { Key = "teams:tenant-2" }));
    }

    [DbFact]
    public async Task TakeAsync_RefillsToTheBurstOnly_WhenTheBudgetWasQuietLong()
    {
        Assert.Null(await TakeAsync());
        _host.Time.Advance(TimeSpan.FromHours(1));

        for (var i = 0; i < Limit.Burst; i++)
            Assert.Null(await TakeAsync());
        Assert.NotNull(await TakeAsync());
    }

    [DbFact]
    public async Task HoldAsync_LetsNothingGoBeforeTheHoldEnds_ThenResumesAtTheSustainedRate()
    {
        Assert.Null(await TakeAsync());
        var until = Now + TimeSpan.FromSeconds(30);
        await _host.WithDbAsync(async db => { await SharedBudget.HoldAsync(db, Limit, until, CancellationToken.None); return 0; });
        // A shorter hold that comes later does not shorten it.
        await _host.WithDbAsync(async db => { await SharedBudget.HoldAsync(db, Limit, Now + TimeSpan.FromSeconds(5), CancellationToken.None); return 0; });

        Assert.Equal(until, await TakeAsync());
        _host.Time.SetUtcNow(until);
        Assert.Null(await TakeAsync());
        Assert.Equal(until + Limit.Interval, await TakeAsync());
    }

    [DbFact]
    public async Task HoldAsync_HoldsABudgetNotUsedBefore()
    {
        var until = Now + TimeSpan.FromSeconds(3);
        await _host.WithDbAsync(async db => { await SharedBudget.HoldAsync(db, Limit, until, CancellationToken.None); return 0; });

        Assert.Equal(until, await TakeAsync());
    }

    [DbFact]
    public async Task TakeAsync_GivesOutTheBurstOnce_WhenManyInstancesRaceForIt()
    {
        Assert.Null(await TakeAsync()); // the row exists; the race is for what is left of the burst
        var racers = Enumerable.Range(0, 8).Select(_ => Task.Run(() => TakeAsync())).ToArray();
        var results = await Task.WhenAll(racers);

        Assert.Equal(Limit.Burst - 1, results.Count(r => r is null));
    }
}
