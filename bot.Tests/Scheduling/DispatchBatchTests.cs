using System.Collections.Concurrent;
using System.Data.Common;
using AccountCoachBot.Conversation;
using AccountCoachBot.Data;
using AccountCoachBot.Data.Postgres;
using AccountCoachBot.Features.People;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Scheduling;

/// <summary>
/// The dispatcher works a claimed batch in one context, but records each send before making the next: a kill mid-batch
/// may double only the message in flight.
/// </summary>
public class DispatchBatchTests : IAsyncLifetime
{
    protected virtual PostgresDatabase? Postgres => null;

    private readonly ObservingSender _sender = new();
    private readonly ConnectionOpens _opens = new();
    private CoachTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero), postgres: Postgres, services: s =>
        {
            s.RemoveAll<INudgeSender>();
            s.AddSingleton<INudgeSender>(_sender);
            s.ConfigureDbContext<CoachDbContext>((_, options) => options.AddInterceptors(_opens));
            s.ConfigureDbContext<PostgresCoachDbContext>((_, options) => options.AddInterceptors(_opens));
        });
        _sender.Services = _host.Services;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [DbFact]
    public async Task DispatchDueAsync_RecordsEachSendBeforeMakingTheNext_WhenOneBatchHoldsSeveral()
    {
        await _host.SayAsync("promise Acme: call Olga back in 5 minutes");
        await _host.SayAsync("promise Globex: send the deck in 5 minutes");
        await _host.SayAsync("promise Initech: send the contract in 5 minutes");

        _host.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(3, await _host.Dispatcher.DispatchDueAsync());

        // What the database said as each call was made: the sends before it already recorded, none after it.
        Assert.Equal([0, 1, 2], _sender.SentBeforeEachCall);
        var rows = await _host.WithDbAsync(db => db.Outbox.Where(o => o.Kind == AccountCoachBot.Features.Promises.ReminderPolicy.DueKind).ToListAsync());
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal((OutboxStatus.Sent, (DateTime?)null), (r.Status, r.ClaimedUntilUtc)));
    }

    [DbFact]
    public async Task DispatchDueAsync_OpensEachContextsConnectionOnce_WhenABatchMakesManyStatements()
    {
        foreach (var client in new[] { "Acme", "Globex", "Initech" })
            await _host.SayAsync($"promise {client}: call them back in 5 minutes");

        _host.Time.Advance(TimeSpan.FromMinutes(5));
        _opens.PerContext.Clear();
        Assert.Equal(3, await _host.Dispatcher.DispatchDueAsync());

        // The batch's claim, reads, turns, budgets and records (a dozen statements) go over one connection: opened for
        // each, every open cost a round of the pool, and on SQLite four pragmas and the provider's functions again.
        Assert.NotEmpty(_opens.PerContext);
        Assert.All(_opens.PerContext.Values, opens => Assert.Equal(1, opens));
    }

    [DbFact]
    public async Task DispatchDueAsync_PutsTheRowsASharedBudgetRefusedInLineOneIntervalApart_WhenOneBatchHoldsSeveral()
    {
        _sender.Shared = new SharedRateLimit("test:app", PerSecond: 2, Burst: 1);
        string[] clients = ["Acme", "Globex", "Initech", "Umbrella", "Hooli"];
        foreach (var client in clients)
            await _host.SayAsync($"promise {client}: call them back in 5 minutes");

        _host.Time.Advance(TimeSpan.FromMinutes(5));
        var now = _host.Time.GetUtcNow().UtcDateTime;
        Assert.Equal(1, await _host.Dispatcher.DispatchDueAsync());

        // One went; the rest wait in line for the budget, so the next passes find one due at a time.
        var waiting = await _host.WithDbAsync(db => db.Outbox
            .Where(o => o.Kind == AccountCoachBot.Features.Promises.ReminderPolicy.DueKind && o.Status == OutboxStatus.Pending)
            .Select(o => o.DueUtc).ToListAsync());
        Assert.Equal([now.AddSeconds(0.5), now.AddSeconds(1), now.AddSeconds(1.5), now.AddSeconds(2)], waiting.Order());
        Assert.Single(_sender.SentBeforeEachCall);

        for (var pass = 0; pass < 4; pass++)
        {
            _host.Time.Advance(TimeSpan.FromSeconds(0.5));
            Assert.Equal(1, await _host.Dispatcher.DispatchDueAsync());
        }
    }

    [DbFact]
    public async Task DispatchDueAsync_SendsTheRowsASharedBudgetRefusedAtItsRateInOneRun_WhenTheRunMayWaitForIt()
    {
        var sender = new ObservingSender { Shared = new SharedRateLimit("test:app", PerSecond: 2, Burst: 1) };
        var (host, clock) = await StartWaitingAsync(sender, "00:00:10");
        await using var _ = host;
        string[] clients = ["Acme", "Globex", "Initech", "Umbrella", "Hooli"];
        foreach (var client in clients)
            await host.SayAsync($"promise {client}: call them back in 5 minutes");
        host.Time.Advance(TimeSpan.FromMinutes(5));

        // The run waits on the clock between sends; each time it does, the clock moves by the wait.
        var sent = await clock.RunAsync(() => host.Dispatcher.DispatchDueAsync()).WaitAsync(HangGuard.Limit);

        // One run sent all five, each a budget's interval (half a second) after the one before, and put none off.
        Assert.Equal(5, sent);
        Assert.All(sender.SentAt.Zip(sender.SentAt.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(0.5), $"{pair.First:ss.fff} and {pair.Second:ss.fff}"));
        var rows = await host.WithDbAsync(db => db.Outbox.Where(o => o.Kind == AccountCoachBot.Features.Promises.ReminderPolicy.DueKind).ToListAsync());
        Assert.All(rows, r => Assert.Equal((OutboxStatus.Sent, 1), (r.Status, r.Attempts)));
    }

    [DbFact]
    public async Task DispatchDueAsync_ClaimsAgainAfterABatchWaitedForItsBudget_WhenTheClaimTookOnlyWhatTheBudgetHadRoomFor()
    {
        var sender = new ObservingSender { Shared = new SharedRateLimit("test:app", PerSecond: 2, Burst: 1) };
        var (host, clock) = await StartWaitingAsync(sender, "00:00:01");
        await using var _ = host;
        // A first nudge tells the claims the chat's budget.
        await host.SayAsync("promise Acme: call them back in 5 minutes");
        host.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await clock.RunAsync(() => host.Dispatcher.DispatchDueAsync()).WaitAsync(HangGuard.Limit));
        string[] clients = ["Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne"];
        foreach (var client in clients)
            await host.SayAsync($"promise {client}: call them back in 5 minutes");
        host.Time.Advance(TimeSpan.FromMinutes(5));

        var sent = await clock.RunAsync(() => host.Dispatcher.DispatchDueAsync()).WaitAsync(HangGuard.Limit);

        // Each claim took what the budget could send within a second (three), waited for it, and claimed again: one run
        // sent all six at the budget's rate, each claimed once and none put off.
        Assert.Equal(clients.Length, sent);
        Assert.All(sender.SentAt.Skip(1).Zip(sender.SentAt.Skip(2)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(0.5), $"{pair.First:ss.fff} and {pair.Second:ss.fff}"));
        var rows = await host.WithDbAsync(db => db.Outbox.Where(o => o.Kind == AccountCoachBot.Features.Promises.ReminderPolicy.DueKind).ToListAsync());
        Assert.All(rows, r => Assert.Equal((OutboxStatus.Sent, 1), (r.Status, r.Attempts)));
        Assert.False(await host.WithDbAsync(db => db.Set<RateBudget>().AnyAsync(b => b.Key.EndsWith(":line"))));
    }

    [DbFact]
    public async Task DispatchDueAsync_WritesTheBudgetAndItsRateForTheClaims_WhenItSendsUnderOne()
    {
        _sender.Shared = new SharedRateLimit("test:app", PerSecond: 2, Burst: 3);
        await _host.SayAsync("promise Acme: call them back in 5 minutes");

        _host.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await _host.Dispatcher.DispatchDueAsync());

        // What the next claims read to take no more of the chat's budget than it has room for (OutboxClaims).
        var chat = await _host.WithDbAsync(db => db.Addresses.SingleAsync());
        var budget = await _host.WithDbAsync(db => db.Set<RateBudget>().SingleAsync(b => b.Key == "test:app"));
        Assert.Equal("test:app", chat.BudgetKey);
        Assert.Equal((TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1)), (TimeSpan.FromTicks(budget.StepTicks), TimeSpan.FromTicks(budget.ToleranceTicks)));
    }

    /// <summary>
    /// A host whose runs may wait for a budget up to <paramref name="waitForBudget"/>, sending through
    /// <paramref name="sender"/>, on a clock that moves by each wait a run starts (<see cref="WaitSkippingClock.RunAsync{T}"/>).
    /// </summary>
    private async Task<(CoachTestHost Host, WaitSkippingClock Clock)> StartWaitingAsync(ObservingSender sender, string waitForBudget)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
        var clock = new WaitSkippingClock(time);
        var host = await CoachTestHost.StartAsync(time.GetUtcNow(), postgres: Postgres, time: time,
            settings: new Dictionary<string, string?> { ["Scheduling:WaitForBudget"] = waitForBudget },
            services: s =>
            {
                s.RemoveAll<INudgeSender>();
                s.AddSingleton<INudgeSender>(sender);
                s.AddSingleton<TimeProvider>(clock);
            });
        sender.Services = host.Services;
        sender.Clock = host.Time;
        return (host, clock);
    }

    /// <summary>How many times each context opened its connection.</summary>
    private sealed class ConnectionOpens : DbConnectionInterceptor
    {
        public ConcurrentDictionary<DbContext, int> PerContext { get; } = new(ReferenceEqualityComparer.Instance);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            ConnectionOpened(connection, eventData);
            return Task.CompletedTask;
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            if (eventData.Context is { } context) PerContext.AddOrUpdate(context, 1, (_, n) => n + 1);
        }
    }

    /// <summary>Looks at the outbox in a scope of its own before each call, as another process would.</summary>
    private sealed class ObservingSender : INudgeSender
    {
        public IServiceProvider Services { get; set; } = null!;

        public List<int> SentBeforeEachCall { get; } = [];

        public string Transport => CoachTestHost.Transport;

        public SharedRateLimit? Shared { get; set; }

        public TimeProvider? Clock { get; set; }

        public List<DateTimeOffset> SentAt { get; } = [];

        public IReadOnlyList<SharedRateLimit> SharedLimitsOf(ConversationAddress address) => Shared is { } shared ? [shared] : [];

        public async Task<SendResult> SendAsync(ConversationAddress address, Reply reply, CancellationToken ct)
        {
            await using var scope = Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AccountCoachBot.Data.CoachDbContext>();
            SentBeforeEachCall.Add(await db.Outbox.CountAsync(o => o.Status == OutboxStatus.Sent, ct));
            if (Clock is not null) SentAt.Add(Clock.GetUtcNow());
            return SendResult.Ok;
        }
    }
}
