using AccountCoachBot.Features.Promises;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountCoachBot.Tests.Scheduling;

/// <summary>The dispatcher on a real SQLite file with a fake clock: once, on time, in working hours.</summary>
public sealed class NudgeDispatcherTests : IAsyncLifetime
{
    // Wed 2026-03-04 10:00 Berlin.
    private CoachTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<OutboxMessage> DueRowAsync() => _host.WithDbAsync(db => db.Outbox.SingleAsync(o => o.Kind == ReminderPolicy.DueKind));

    [Fact]
    public async Task RunAsync_DefersToNextWorkingMorning_WhenDueAfterHoursChanged()
    {
        await _host.SayAsync("promise Acme: call Olga back in 5 minutes");
        await _host.SayAsync("hours 09:00-10:01");

        _host.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await _host.Dispatcher.RunAsync());

        Assert.Equal(new DateTime(2026, 3, 5, 8, 0, 0, DateTimeKind.Utc), (await DueRowAsync()).DueUtc);
        _host.Time.SetUtcNow(new DateTimeOffset(2026, 3, 5, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await _host.Dispatcher.RunAsync());
        // One message: the reminder now belongs to yesterday, so the morning's overdue list carries it.
        Assert.Equal("Overdue promises (1)", Assert.Single(_host.Sender.Sent).Reply.Card!.Title);
    }

    [Fact]
    public async Task RunAsync_SkipsNudges_WhenPersonPaused()
    {
        await _host.SayAsync("promise Acme: call Olga back in 5 minutes");
        await _host.SayAsync("pause");

        _host.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await _host.Dispatcher.RunAsync());

        Assert.Empty(_host.Sender.Sent);
        Assert.Equal(OutboxStatus.Skipped, (await DueRowAsync()).Status);
    }

    [Fact]
    public async Task RunAsync_SendsOnce_WhenTwoDispatchersRace()
    {
        await _host.SayAsync("promise Acme: call Olga back in 5 minutes");
        _host.Time.Advance(TimeSpan.FromMinutes(5));
        var second = ActivatorUtilities.CreateInstance<NudgeDispatcher>(_host.Services);

        var results = await Task.WhenAll(_host.Dispatcher.DispatchDueAsync(), second.DispatchDueAsync(), _host.Dispatcher.DispatchDueAsync());

        Assert.Equal(1, results.Sum());
        Assert.Single(_host.Sender.Sent);
    }

    [Fact]
    public async Task RunAsync_SendsEachMissedReminderOnce_WhenRunsWereMissed()
    {
        await _host.SayAsync("promise Acme: call Olga back in 5 minutes");
        await _host.SayAsync("promise Globex: send the deck in 5 minutes");

        _host.Time.Advance(TimeSpan.FromMinutes(50)); // the server was down for both due times
        Assert.Equal(2, await _host.Dispatcher.RunAsync());
        Assert.Equal(0, await _host.Dispatcher.RunAsync());
        Assert.Equal(2, _host.Sender.Sent.Count);
    }

    [Fact]
    public async Task RunAsync_DropsReminderBefore_WhenItArrivesAfterTheDueTime()
    {
        await _host.SayAsync("promise Acme: send the quote tomorrow"); // Thu 18:00; before-reminder Thu 09:00

        _host.Time.SetUtcNow(new DateTimeOffset(2026, 3, 5, 17, 0, 0, TimeSpan.Zero)); // Thu 18:00: the 09:00 one was missed
        await _host.Dispatcher.RunAsync();

        var sent = Assert.Single(_host.Sender.Sent);
        Assert.StartsWith("Due now", sent.Reply.Card!.Title);
        var before = await _host.WithDbAsync(db => db.Outbox.SingleAsync(o => o.Kind == ReminderPolicy.BeforeKind));
        Assert.Equal(OutboxStatus.Skipped, before.Status);
    }

    [Fact]
    public async Task RunAsync_ReschedulesWithRetryAfter_WhenChannelThrottles()
    {
        await _host.SayAsync("promise Acme: call Olga back in 5 minutes");
        _host.Sender.Next(new SendResult(SendOutcome.Retry, TimeSpan.FromSeconds(40), "429"));

        _host.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await _host.Dispatcher.RunAsync());
        var row = await DueRowAsync();
        Assert.Equal(OutboxStatus.Pending, row.Status);
        Assert.Equal(_host.Time.GetUtcNow().UtcDateTime.AddSeconds(40), row.DueUtc);

        _host.Time.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(1, await _host.Dispatcher.RunAsync());
        Assert.Equal(2, (await DueRowAsync()).Attempts);
    }

    [Fact]
    public async Task RunAsync_MarksFailed_WhenAttemptsRunOut()
    {
        await _host.SayAsync("promise Acme: call Olga back in 5 minutes");
        _host.Time.Advance(TimeSpan.FromMinutes(5));
        for (var i = 0; i < 8; i++)
        {
            _host.Sender.Next(new SendResult(SendOutcome.Retry, TimeSpan.FromSeconds(1), "502"));
            await _host.Dispatcher.RunAsync();
            _host.Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(OutboxStatus.Failed, (await DueRowAsync()).Status);
        Assert.Equal(0, await _host.Dispatcher.RunAsync());
    }

    [Fact]
    public async Task RunAsync_HoldsPromiseRemindersDuringVacation_AndSummarisesOnReturn()
    {
        await _host.SayAsync("vacation 2026-03-09 2026-03-13");
        await _host.SayAsync("promise Acme: send the quote 2026-03-10");
        await _host.SayAsync("promise Globex: send the deck 2026-03-11");

        for (var day = 6; day <= 13; day++)
        {
            _host.Time.SetUtcNow(new DateTimeOffset(2026, 3, day, 8, 0, 0, TimeSpan.Zero));
            await _host.Dispatcher.RunAsync();
            _host.Time.SetUtcNow(new DateTimeOffset(2026, 3, day, 17, 0, 0, TimeSpan.Zero));
            await _host.Dispatcher.RunAsync();
        }
        var beforeReturn = _host.Sender.Sent.Count;

        _host.Time.SetUtcNow(new DateTimeOffset(2026, 3, 16, 8, 0, 0, TimeSpan.Zero)); // Mon, back
        await _host.Dispatcher.RunAsync();

        Assert.Equal(0, beforeReturn); // the before-reminder of the 10th fell on Mon 9th: away, dropped
        var summary = Assert.Single(_host.Sender.Sent);
        Assert.Equal("Overdue promises (2)", summary.Reply.Card!.Title);
    }

    [Fact]
    public async Task RunAsync_ListsOverduePromisesOncePerWorkingDay()
    {
        await _host.SayAsync("promise Acme: send the quote tomorrow");
        await _host.SayAsync("promise Globex: send the deck tomorrow");
        _host.Time.SetUtcNow(new DateTimeOffset(2026, 3, 5, 17, 0, 0, TimeSpan.Zero)); // due reminders at Thu 18:00
        await _host.Dispatcher.RunAsync();
        var afterDue = _host.Sender.Sent.Count;

        _host.Time.SetUtcNow(new DateTimeOffset(2026, 3, 6, 8, 0, 0, TimeSpan.Zero)); // Fri 09:00
        await _host.Dispatcher.RunAsync();
        _host.Time.Advance(TimeSpan.FromHours(3));
        await _host.Dispatcher.RunAsync();

        var lists = _host.Sender.Sent.Skip(afterDue).ToList();
        var list = Assert.Single(lists);
        Assert.Equal("Overdue promises (2)", list.Reply.Card!.Title);

        // Saturday: not a working day. Monday: one more list, now shorter.
        await _host.SayAsync("done 1");
        _host.Time.SetUtcNow(new DateTimeOffset(2026, 3, 7, 10, 0, 0, TimeSpan.Zero));
        await _host.Dispatcher.RunAsync();
        _host.Time.SetUtcNow(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.Zero));
        await _host.Dispatcher.RunAsync();
        var monday = _host.Sender.Sent.Skip(afterDue + 1).ToList();
        Assert.Equal("Overdue promises (1)", Assert.Single(monday).Reply.Card!.Title);
    }
}

public sealed class NudgeDispatcherPacingTests : IAsyncLifetime
{
    private CoachTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero), pacing: "00:00:01");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
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
}

public sealed class NudgeDispatcherTransportTests : IAsyncLifetime
{
    private CoachTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task RunAsync_LeavesRowsAlone_WhenThisProcessCannotDeliverTheirTransport()
    {
        await _host.SayAsync("promise Acme: call Olga back in 5 minutes");
        await _host.WithDbAsync(db => db.Outbox.ExecuteUpdateAsync(s => s.SetProperty(o => o.Transport, "terminal")));

        _host.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await _host.Dispatcher.RunAsync());

        var row = await _host.WithDbAsync(db => db.Outbox.SingleAsync(o => o.Kind == ReminderPolicy.DueKind));
        Assert.Equal((OutboxStatus.Pending, 0), (row.Status, row.Attempts));
    }
}
