using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
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
    private CoachTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero), postgres: Postgres, services: s =>
        {
            s.RemoveAll<INudgeSender>();
            s.AddSingleton<INudgeSender>(_sender);
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

    [DbTheory]
    [InlineData(50)]
    [InlineData(2)] // the waiting rows of three batches share the budget's turns
    public async Task DispatchDueAsync_SendsTheRowsASharedBudgetRefusedAtItsRateInOneRun_WhenTheRunMayWaitForIt(int batchSize)
    {
        var sender = new ObservingSender { Shared = new SharedRateLimit("test:app", PerSecond: 2, Burst: 1) };
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
        var clock = new WaitSkippingClock(time);
        await using var host = await CoachTestHost.StartAsync(time.GetUtcNow(), postgres: Postgres, time: time,
            settings: new Dictionary<string, string?> { ["Scheduling:WaitForBudget"] = "00:00:10", ["Scheduling:BatchSize"] = $"{batchSize}" },
            services: s =>
            {
                s.RemoveAll<INudgeSender>();
                s.AddSingleton<INudgeSender>(sender);
                s.AddSingleton<TimeProvider>(clock);
            });
        sender.Services = host.Services;
        sender.Clock = host.Time;
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
    public async Task DispatchDueAsync_PutsRowsInLineAfterTheTurnsItsRunGave_WhenTheirTurnsComeTooLateToWaitFor()
    {
        var sender = new ObservingSender { Shared = new SharedRateLimit("test:app", PerSecond: 2, Burst: 1) };
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
        var clock = new WaitSkippingClock(time);
        await using var host = await CoachTestHost.StartAsync(time.GetUtcNow(), postgres: Postgres, time: time,
            settings: new Dictionary<string, string?> { ["Scheduling:WaitForBudget"] = "00:00:01", ["Scheduling:BatchSize"] = "2" },
            services: s =>
            {
                s.RemoveAll<INudgeSender>();
                s.AddSingleton<INudgeSender>(sender);
                s.AddSingleton<TimeProvider>(clock);
            });
        sender.Services = host.Services;
        sender.Clock = host.Time;
        string[] clients = ["Acme", "Globex", "Initech", "Umbrella", "Hooli"];
        foreach (var client in clients)
            await host.SayAsync($"promise {client}: call them back in 5 minutes");
        host.Time.Advance(TimeSpan.FromMinutes(5));
        var start = host.Time.GetUtcNow().UtcDateTime;

        var sent = await clock.RunAsync(() => host.Dispatcher.DispatchDueAsync()).WaitAsync(HangGuard.Limit);

        // One at once, two waited their turns (0.5 s and 1 s on); the budget knew of neither while they waited, yet the
        // two put off came after them, not at the same instants (as the outbox stood when the first waiting one went).
        Assert.Equal([start.AddSeconds(1.5), start.AddSeconds(2)], sender.PendingBeforeEachCall[1].Where(due => due < start.AddMinutes(1)).Order());
        // The run claimed those two again in its next pass once they were due (a pass a wait, 1 s), then at the budget's rate.
        Assert.Equal(5, sent);
        Assert.Equal([0, 0.5, 1, 2, 2.5], sender.SentAt.Select(at => (at.UtcDateTime - start).TotalSeconds));
    }

    [DbFact]
    public async Task DispatchDueAsync_ClaimsWhatItPutOffAgainAsItComesDueForUpToAMinute_WhenABudgetHoldsABacklogBack()
    {
        // One send every 10 s and waits of up to 10 s: the second waits in the run, the rest go in line, 10 s apart.
        var sender = new ObservingSender { Shared = new SharedRateLimit("test:app", PerSecond: 0.1, Burst: 1) };
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
        var clock = new WaitSkippingClock(time);
        await using var host = await CoachTestHost.StartAsync(time.GetUtcNow(), postgres: Postgres, time: time,
            settings: new Dictionary<string, string?> { ["Scheduling:WaitForBudget"] = "00:00:10" },
            services: s =>
            {
                s.RemoveAll<INudgeSender>();
                s.AddSingleton<INudgeSender>(sender);
                s.AddSingleton<TimeProvider>(clock);
            });
        sender.Services = host.Services;
        sender.Clock = host.Time;
        for (var client = 1; client <= 9; client++)
            await host.SayAsync($"promise Client {client}: call them back in 5 minutes");
        host.Time.Advance(TimeSpan.FromMinutes(5));
        var start = host.Time.GetUtcNow();

        var sent = await clock.RunAsync(() => host.Dispatcher.DispatchDueAsync()).WaitAsync(HangGuard.Limit);

        // The run claims each again as its place comes, for a minute (Hangfire's cadence): it sends at the budget's rate,
        // not a burst and a wait's worth; the rest is the next run's.
        Assert.Equal(6, sent);
        Assert.Equal([0, 10, 20, 30, 40, 50], sender.SentAt.Select(at => (at - start).TotalSeconds));
    }

    [DbFact]
    public async Task DispatchDueAsync_SendsLaterBatchesWhileAnEarlierBatchsRowsWaitForTheirTurns_WhenOneBudgetIsSlow()
    {
        // Two people's chats under a budget of one send every 2 s, four under none; batches of two, the slow ones first.
        var slow = new SharedRateLimit("test:slow", PerSecond: 0.5, Burst: 1);
        var sender = new ObservingSender { SharedOf = address => address.Key.Contains("slow") ? [slow] : [] };
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
        var clock = new WaitSkippingClock(time);
        await using var host = await CoachTestHost.StartAsync(time.GetUtcNow(), postgres: Postgres, time: time,
            settings: new Dictionary<string, string?> { ["Scheduling:WaitForBudget"] = "00:00:10", ["Scheduling:BatchSize"] = "2" },
            services: s =>
            {
                s.RemoveAll<INudgeSender>();
                s.AddSingleton<INudgeSender>(sender);
                s.AddSingleton<TimeProvider>(clock);
            });
        sender.Services = host.Services;
        sender.Clock = host.Time;
        string[] people = ["slow-olga", "slow-ivan", "fast-anna", "fast-petr", "fast-lena", "fast-oleg"];
        foreach (var person in people)
            await host.SayAsync("promise Acme: call them back in 5 minutes", user: person);
        host.Time.Advance(TimeSpan.FromMinutes(5));
        var start = host.Time.GetUtcNow();

        var sent = await clock.RunAsync(() => host.Dispatcher.DispatchDueAsync()).WaitAsync(HangGuard.Limit);

        // The first batch's second slow chat waited its 2 s; the next batches went meanwhile, not after it.
        Assert.Equal(6, sent);
        Assert.Equal([start, start, start, start, start, start.AddSeconds(2)], sender.SentAt.Order());
        Assert.Equal(start.AddSeconds(2), sender.SentAt[sender.Keys.FindIndex(k => k.Contains("slow-ivan"))]);
    }

    /// <summary>Looks at the outbox in a scope of its own before each call, as another process would.</summary>
    private sealed class ObservingSender : INudgeSender
    {
        public IServiceProvider Services { get; set; } = null!;

        public List<int> SentBeforeEachCall { get; } = [];

        /// <summary>When each row left to send was due, as each call was made.</summary>
        public List<List<DateTime>> PendingBeforeEachCall { get; } = [];

        public string Transport => CoachTestHost.Transport;

        public SharedRateLimit? Shared { get; set; }

        public TimeProvider? Clock { get; set; }

        public List<DateTimeOffset> SentAt { get; } = [];

        /// <summary>The budgets of each conversation, when they differ (else <see cref="Shared"/> for all).</summary>
        public Func<ConversationAddress, SharedRateLimit[]>? SharedOf { get; set; }

        public List<string> Keys { get; } = [];

        public IReadOnlyList<SharedRateLimit> SharedLimitsOf(ConversationAddress address) =>
            SharedOf is { } of ? of(address) : Shared is { } shared ? [shared] : [];

        public async Task<SendResult> SendAsync(ConversationAddress address, Reply reply, CancellationToken ct)
        {
            await using var scope = Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AccountCoachBot.Data.CoachDbContext>();
            SentBeforeEachCall.Add(await db.Outbox.CountAsync(o => o.Status == OutboxStatus.Sent, ct));
            PendingBeforeEachCall.Add(await db.Outbox.Where(o => o.Status == OutboxStatus.Pending).Select(o => o.DueUtc).ToListAsync(ct));
            if (Clock is not null) SentAt.Add(Clock.GetUtcNow());
            Keys.Add(address.Key);
            return SendResult.Ok;
        }
    }
}
