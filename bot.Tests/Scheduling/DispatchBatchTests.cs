using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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

    /// <summary>Looks at the outbox in a scope of its own before each call, as another process would.</summary>
    private sealed class ObservingSender : INudgeSender
    {
        public IServiceProvider Services { get; set; } = null!;

        public List<int> SentBeforeEachCall { get; } = [];

        public string Transport => CoachTestHost.Transport;

        public SharedRateLimit? Shared { get; set; }

        public IReadOnlyList<SharedRateLimit> SharedLimitsOf(ConversationAddress address) => Shared is { } shared ? [shared] : [];

        public async Task<SendResult> SendAsync(ConversationAddress address, Reply reply, CancellationToken ct)
        {
            await using var scope = Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AccountCoachBot.Data.CoachDbContext>();
            SentBeforeEachCall.Add(await db.Outbox.CountAsync(o => o.Status == OutboxStatus.Sent, ct));
            return SendResult.Ok;
        }
    }
}
