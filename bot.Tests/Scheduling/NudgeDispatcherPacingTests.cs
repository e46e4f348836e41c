using AccountCoachBot.Conversation;
using AccountCoachBot.Features.Promises;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountCoachBot.Tests.Scheduling;

/// <summary>The dispatcher with one message a second per conversation: the rest wait their turn, unclaimed.</summary>
public class NudgeDispatcherPacingTests : IAsyncLifetime
{
    /// <summary>The database of the PostgreSQL variant (Data/Postgres); null: a SQLite file of each test's own.</summary>
    protected virtual PostgresDatabase? Postgres => null;

    private CoachTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero), pacing: "00:00:01", postgres: Postgres);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [DbFact]
    public async Task RunAsync_ReschedulesTheSecondMessageToOneConversation_InsteadOfWaiting()
    {
        await _host.SayAsync("promise Acme: call Olga back in 5 minutes");
        await _host.SayAsync("promise Globex: send the deck in 5 minutes");
        _host.Time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(1, await _host.Dispatcher.RunAsync());
        var held = await _host.WithDbAsync(db => db.Outbox.SingleAsync(o => o.Kind == ReminderPolicy.DueKind && o.Status == OutboxStatus.Pending));
        Assert.Equal(_host.Time.GetUtcNow().UtcDateTime.AddSeconds(1), held.DueUtc);
        Assert.Equal(0, held.Attempts);

        _host.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await _host.Dispatcher.RunAsync());
        Assert.Equal(2, _host.Sender.Sent.Count);
    }

    [DbFact]
    public async Task RunAsync_NeverClaimsTheSecondMessage_WhileItsConversationIsPaced()
    {
        await _host.SayAsync("promise Acme: call Olga back in 5 minutes");
        await _host.SayAsync("promise Globex: send the deck in 5 minutes");
        await _host.SayAsync("promise Initech: book the demo in 5 minutes");
        _host.Time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(1, await _host.Dispatcher.RunAsync());
        // Claimed and put back, a row would keep the claimant's name: held rows are only rescheduled, oldest first after the sent one.
        var held = await _host.WithDbAsync(db => db.Outbox.Where(o => o.Kind == ReminderPolicy.DueKind && o.Status == OutboxStatus.Pending).OrderBy(o => o.Id).ToListAsync());
        Assert.Equal(2, held.Count);
        Assert.All(held, r => Assert.Equal((null, 0, _host.Time.GetUtcNow().UtcDateTime.AddSeconds(1)), (r.ClaimedBy, r.Attempts, r.DueUtc)));

        _host.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await _host.Dispatcher.RunAsync());
        var next = await _host.WithDbAsync(db => db.Outbox.SingleAsync(o => o.Id == held[0].Id));
        Assert.Equal(OutboxStatus.Sent, next.Status);
    }

    [DbFact]
    public async Task RunAsync_CountsRetryAfterFromThePlatformsAnswer_WhenTheThrottledCallWasSlow()
    {
        await _host.SayAsync("promise Acme: call Olga back in 5 minutes");
        await _host.SayAsync("promise Globex: send the deck in 5 minutes");
        _host.Time.Advance(TimeSpan.FromMinutes(5));
        var start = _host.Time.GetUtcNow();
        SlowOnce(TimeSpan.FromSeconds(2));
        _host.Sender.Next(new SendResult(SendOutcome.Retry, TimeSpan.FromSeconds(3), "429", Throttled: true));

        Assert.Equal(0, await _host.Dispatcher.RunAsync());
        // Answered at +2 s: the conversation is quiet until +5 s, not +3 s.
        _host.Time.SetUtcNow(start.AddSeconds(4.9));
        Assert.Equal(0, await _host.Dispatcher.RunAsync());
        _host.Time.SetUtcNow(start.AddSeconds(5));
        Assert.Equal(1, await _host.Dispatcher.RunAsync());
    }

    [DbFact]
    public async Task RunAsync_KeepsThePaceFromARefusedCallsAnswer_WhenTheCallFailedSlowly()
    {
        await _host.SayAsync("promise Acme: call Olga back in 5 minutes");
        await _host.SayAsync("promise Globex: send the deck in 5 minutes");
        _host.Time.Advance(TimeSpan.FromMinutes(5));
        SlowOnce(TimeSpan.FromSeconds(2));
        _host.Sender.Next(new SendResult(SendOutcome.Retry, null, "503"));

        Assert.Equal(0, await _host.Dispatcher.RunAsync());
        // The platform counted the failed call when it answered: the next one waits a pace from then.
        Assert.Equal(0, await _host.Dispatcher.RunAsync());
        _host.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await _host.Dispatcher.RunAsync());
        Assert.Single(_host.Sender.Sent);
    }

    private void SlowOnce(TimeSpan latency)
    {
        var slow = true;
        _host.Sender.DuringSend = () =>
        {
            if (!slow) return;
            slow = false;
            _host.Time.Advance(latency);
        };
    }
}
