using AccountCoachBot.Conversation;
using AccountCoachBot.Features.Promises;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountCoachBot.Tests.Scheduling;

/// <summary>The dispatcher on a real SQLite file with a fake clock: once, on time, in working hours.</summary>
public class NudgeDispatcherTests : IAsyncLifetime
{
    /// <summary>The database of the PostgreSQL variant (Data/Postgres); null: a SQLite file of each test's own.</summary>
    protected virtual PostgresDatabase? Postgres => null;

    // Wed 2026-03-04 10:00 Berlin.
    private CoachTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero), postgres: Postgres);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<OutboxMessage> DueRowAsync() => _host.WithDbAsync(db => db.Outbox.SingleAsync(o => o.Kind == ReminderPolicy.DueKind));

    [DbFact]
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

    [DbFact]
    public async Task RunAsync_SendsNoNudge_WhilePersonPaused()
    {
        await _host.SayAsync("promise Acme: call Olga back in 5 minutes");   // due 10:05
        await _host.SayAsync("promise Globex: send the deck in 30 minutes"); // due 10:30
        await _host.SayAsync("promise Initech: send the contract in 3 hours"); // reminder before 11:00, due 13:00
        await _host.SayAsync("pause");

        // Two hours of dispatcher runs, every five minutes, across three due times: nothing reaches the channel.
        var sentWhilePaused = 0;
        for (var step = 0; step < 24; step++)
        {
            _host.Time.Advance(TimeSpan.FromMinutes(5));
            sentWhilePaused += await _host.Dispatcher.RunAsync();
        }
        Assert.Equal(0, sentWhilePaused);
        Assert.Empty(_host.Sender.Sent);
        var now = _host.Time.GetUtcNow().UtcDateTime;
        var dropped = await _host.WithDbAsync(db => db.Outbox.Where(o => o.DueUtc <= now).ToListAsync());
        Assert.Equal(3, dropped.Count);
        Assert.All(dropped, row => Assert.Equal((OutboxStatus.Skipped, "paused"), (row.Status, row.LastError)));

        // The same dispatcher and channel deliver again once the person resumes (so the silence above was the pause):
        // what came due during the pause stays dropped, the next due time is kept.
        await _host.SayAsync("resume");
        Assert.Equal(0, await _host.Dispatcher.RunAsync());
        _host.Time.SetUtcNow(new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.Zero)); // 13:00 Berlin
        Assert.Equal(1, await _host.Dispatcher.RunAsync());
        Assert.Contains("Initech", PlainTextRenderer.Render(Assert.Single(_host.Sender.Sent).Reply));
    }

    [DbFact]
    public async Task DispatchDueAsync_SendsEachNudgeOnce_WhenTwoDispatchersRace()
    {
        // Two dispatchers as two processes would have them: their own instances, each claim on its own scope
        // and SQLite connection. Each round they start together on their own threads and go for the same rows.
        const int rounds = 12;
        string[] clients = ["Acme", "Globex", "Initech", "Umbrella", "Hooli"];
        NudgeDispatcher[] dispatchers =
        [
            ActivatorUtilities.CreateInstance<NudgeDispatcher>(_host.Services),
            ActivatorUtilities.CreateInstance<NudgeDispatcher>(_host.Services),
        ];
        var expected = new List<string>();
        var sentByDispatchers = 0;

        for (var round = 0; round < rounds; round++)
        {
            foreach (var client in clients)
            {
                var name = $"{client}{(char)('A' + round)}";
                await _host.SayAsync($"promise {name}: call Olga back in 5 minutes");
                expected.Add(name);
            }
            _host.Time.Advance(TimeSpan.FromMinutes(5));

            sentByDispatchers += (await RaceAsync(dispatchers)).Sum();
        }

        // Every reminder reached the channel exactly once: no double send, none lost.
        var sent = _host.Sender.Sent.Select(s => PlainTextRenderer.Render(s.Reply)).ToList();
        Assert.All(expected, name => Assert.Single(sent, text => text.Contains($"({name})", StringComparison.Ordinal)));
        Assert.Equal(expected.Count, sent.Count);
        Assert.Equal(expected.Count, sentByDispatchers);
        var rows = await _host.WithDbAsync(db => db.Outbox.Where(o => o.Kind == ReminderPolicy.DueKind).ToListAsync());
        Assert.Equal(expected.Count, rows.Count);
        Assert.All(rows, row => Assert.Equal((OutboxStatus.Sent, 1), (row.Status, row.Attempts))); // one claim won each row
    }

    /// <summary>
    /// Runs every dispatcher once, each on a thread of its own, released together by a barrier. SQLite's async
    /// calls complete synchronously, so awaiting them side by side on one thread would never overlap.
    /// </summary>
    private static async Task<int[]> RaceAsync(IReadOnlyList<NudgeDispatcher> dispatchers)
    {
        using var start = new Barrier(dispatchers.Count);
        var runs = dispatchers.Select(dispatcher => Task.Factory.StartNew(() =>
        {
            if (!start.SignalAndWait(HangGuard.Limit))
                throw new TimeoutException("The other dispatcher threads never reached the start line.");
            return dispatcher.DispatchDueAsync().GetAwaiter().GetResult();
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();

        return await HangGuard.WaitAsync(Task.WhenAll(runs), "the racing dispatchers finishing");
    }

    [DbFact]
    public async Task RunAsync_SendsEachMissedReminderOnce_WhenRunsWereMissed()
    {
        await _host.SayAsync("promise Acme: call Olga back in 5 minutes");
        await _host.SayAsync("promise Globex: send the deck in 5 minutes");

        _host.Time.Advance(TimeSpan.FromMinutes(50)); // the server was down for both due times
        Assert.Equal(2, await _host.Dispatcher.RunAsync());
        Assert.Equal(0, await _host.Dispatcher.RunAsync());
        Assert.Equal(2, _host.Sender.Sent.Count);
    }

    [DbFact]
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

    [DbFact]
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

    [DbFact]
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

    [DbFact]
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

    [DbFact]
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

public class NudgeDispatcherTransportTests : IAsyncLifetime
{
    /// <summary>The database of the PostgreSQL variant (Data/Postgres); null: a SQLite file of each test's own.</summary>
    protected virtual PostgresDatabase? Postgres => null;

    private CoachTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero), postgres: Postgres);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [DbFact]
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
