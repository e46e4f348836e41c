using AccountCoachBot.Channels.Inbox;
using AccountCoachBot.Data;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Tests.Channels.Inbox;

/// <summary>How instances share the inbox: one runs each row, a dead one's claim lapses, a conversation keeps its order.</summary>
public class InboxClaimsTests : IAsyncLifetime
{
    /// <summary>The database of the PostgreSQL variant (Data/Postgres); null: a SQLite file of each test's own.</summary>
    protected virtual PostgresDatabase? Postgres => null;

    private CoachTestHost _host = null!;
    private DateTime Now => _host.Time.GetUtcNow().UtcDateTime;

    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero), postgres: Postgres);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private InboxClaim ClaimBy(string instance) => new(instance, Now, Now + InboxProcessor.ClaimLapse, InboxProcessor.MaxAttempts);

    private Task<long> AddAsync(string key, string? conversation) => _host.WithDbAsync(async db =>
    {
        var item = new InboxItem { Transport = "botframework", Key = key, Kind = "message", ConversationKey = conversation, ReceivedUtc = Now };
        db.Inbox.Add(item);
        await db.SaveChangesAsync();
        return item.Id;
    });

    private Task<bool> ClaimAsync(long id, string instance) => _host.WithDbAsync(db => InboxClaims.ClaimOneAsync(db, id, ClaimBy(instance), CancellationToken.None));

    [DbFact]
    public async Task ClaimOne_RefusesALaterMessage_UntilTheEarlierOneOfItsConversationIsHandled()
    {
        var first = await AddAsync("a1", "msteams|a:olga");
        var second = await AddAsync("a2", "msteams|a:olga");
        var other = await AddAsync("b1", "msteams|a:boris");

        Assert.True(await ClaimAsync(first, "instance-a"));
        Assert.False(await ClaimAsync(second, "instance-b")); // behind Olga's first message
        Assert.True(await ClaimAsync(other, "instance-b"));   // another conversation goes on meanwhile
        await _host.WithDbAsync(db => db.Inbox.Where(i => i.Id == first).ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InboxStatus.Done)));

        Assert.True(await ClaimAsync(second, "instance-b"));
    }

    [DbFact]
    public async Task ClaimOne_GivesARowToOneInstance_UntilItsClaimLapses()
    {
        var id = await AddAsync("a1", "msteams|a:olga");

        Assert.True(await ClaimAsync(id, "instance-a"));
        Assert.False(await ClaimAsync(id, "instance-b"));
        _host.Time.Advance(InboxProcessor.ClaimLapse + TimeSpan.FromSeconds(1)); // instance-a died mid-turn

        Assert.True(await ClaimAsync(id, "instance-b"));
        var item = await _host.WithDbAsync(db => db.Inbox.SingleAsync());
        Assert.Equal(("instance-b", 2), (item.ClaimedBy, item.Attempts));
    }

    [DbFact]
    public async Task Renew_KeepsARowFromOtherInstances_PastTheLapse_OnlyForTheInstanceHoldingIt()
    {
        var id = await AddAsync("a1", "msteams|a:olga");
        Assert.True(await ClaimAsync(id, "instance-a"));

        // instance-b cannot renew what it does not hold; instance-a, alive through a long turn, renews before the lapse.
        _host.Time.Advance(InboxProcessor.RenewEvery);
        Assert.Equal(0, await RenewAsync(id, "instance-b"));
        Assert.Equal(1, await RenewAsync(id, "instance-a"));
        _host.Time.Advance(InboxProcessor.ClaimLapse - InboxProcessor.RenewEvery + TimeSpan.FromSeconds(1));

        Assert.False(await ClaimAsync(id, "instance-b")); // past the first claim's lapse, within the renewed one
        _host.Time.Advance(InboxProcessor.RenewEvery); // instance-a died: nothing renews it now
        Assert.True(await ClaimAsync(id, "instance-b"));
    }

    [DbFact]
    public async Task ClaimOne_GivesTheHolderItsOwnRow_WithoutASecondAttempt_WhenASweepClaimedItWhileItWaitedInALane()
    {
        var id = await AddAsync("a1", "msteams|a:olga");
        var swept = await _host.WithDbAsync(db => db.IsPostgres()
            ? InboxClaims.ClaimBatchAsync(db, ClaimBy("instance-a"), 10, CancellationToken.None)
            : ClaimOneThenListAsync(db, id)); // SQLite's sweep claims nothing: the same state, claimed one by one
        Assert.Equal([id], swept.Select(e => e.Id));

        Assert.False(await ClaimAsync(id, "instance-b"));
        Assert.True(await ClaimAsync(id, "instance-a")); // its lane's claim, after the sweep's
        var item = await _host.WithDbAsync(db => db.Inbox.SingleAsync());
        Assert.Equal(("instance-a", 1), (item.ClaimedBy, item.Attempts));
    }

    private async Task<List<InboxEntry>> ClaimOneThenListAsync(CoachDbContext db, long id)
    {
        Assert.True(await InboxClaims.ClaimOneAsync(db, id, ClaimBy("instance-a"), CancellationToken.None));
        return [new InboxEntry(id, "msteams|a:olga")];
    }

    [DbFact]
    public async Task ClaimOne_CountsAnAttempt_WhenTheHoldersOwnClaimLapsed()
    {
        var id = await AddAsync("a1", "msteams|a:olga");
        Assert.True(await ClaimAsync(id, "instance-a"));
        _host.Time.Advance(InboxProcessor.ClaimLapse + TimeSpan.FromSeconds(1)); // its attempt ended without a word

        Assert.True(await ClaimAsync(id, "instance-a"));
        Assert.Equal(2, await _host.WithDbAsync(db => db.Inbox.Select(i => i.Attempts).SingleAsync()));
    }

    [DbFact]
    public async Task NextInConversation_FindsTheConversationsNextPendingRow_OnEitherDatabaseInOneProcess()
    {
        var first = await AddAsync("a1", "msteams|a:olga");
        await AddAsync("b1", "msteams|a:boris");
        var second = await AddAsync("a2", "msteams|a:olga");

        // Compiled once for each database's model: the SQLite and PostgreSQL variants of this test share a process.
        var next = await _host.WithDbAsync(db => InboxClaims.NextInConversationAsync(db, "msteams|a:olga", first, CancellationToken.None));

        Assert.Equal(new InboxEntry(second, "msteams|a:olga"), next);
    }

    private Task<int> RenewAsync(long id, string instance) =>
        _host.WithDbAsync(db => InboxClaims.RenewAsync(db, instance, [id], Now + InboxProcessor.ClaimLapse, CancellationToken.None));

    [DbFact]
    public async Task Sweep_TakesOnlyFreeRows_TheFirstOfEachConversation_OnPostgres_OrEveryFreeCandidate_OnSqlite()
    {
        var first = await AddAsync("a1", "msteams|a:olga");
        var second = await AddAsync("a2", "msteams|a:olga");
        var held = await AddAsync("b1", "msteams|a:boris");
        Assert.True(await ClaimAsync(held, "instance-a"));

        var taken = await _host.WithDbAsync(db => db.IsPostgres()
            ? InboxClaims.ClaimBatchAsync(db, ClaimBy("instance-b"), 10, CancellationToken.None)
            : InboxClaims.CandidatesAsync(db, ClaimBy("instance-b"), 10, CancellationToken.None));

        // PostgreSQL claims in the same statement, so a row behind its conversation's earlier one is left; SQLite
        // lists candidates, each then claimed with ClaimOne (which refuses the later one).
        Assert.Equal(Postgres is null ? [first, second] : [first], taken.Select(e => e.Id));
        Assert.All(taken, e => Assert.Equal("msteams|a:olga", e.Lane));
    }
}
