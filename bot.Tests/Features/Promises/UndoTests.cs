using AccountCoachBot.Conversation;
using AccountCoachBot.Features.ProactiveCalls;
using AccountCoachBot.Features.Promises;
using AccountCoachBot.Features.Undo;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountCoachBot.Tests.Features.Promises;

/// <summary>`undo` through the real pipeline: each kind of change, with the nudges it withdrew or wrote, in both languages.</summary>
public class UndoTests : IAsyncLifetime
{
    /// <summary>The database of the PostgreSQL variant (Data/Postgres); null: a SQLite file of each test's own.</summary>
    protected virtual PostgresDatabase? Postgres => null;

    private static readonly DateTime DueMon = new(2026, 3, 9, 17, 0, 0, DateTimeKind.Utc);       // Mon 9 Mar 18:00 Berlin
    private static readonly DateTime BeforeFri = new(2026, 3, 6, 8, 0, 0, DateTimeKind.Utc);     // Fri 6 Mar 09:00 Berlin
    private CoachTestHost _host = null!;

    // Wed 2026-03-04 10:00 Berlin.
    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero), postgres: Postgres);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<Promise> PromiseAsync() => _host.WithDbAsync(db => db.Promises.Include(p => p.History).Include(p => p.Account).SingleAsync());

    private Task<List<OutboxMessage>> NudgesAsync() => _host.WithDbAsync(db => db.Outbox.OrderBy(o => o.Id).ToListAsync());

    private async Task<string> LastAsync(string text, string user = "olga") => (await _host.SayAsync(text, user))[^1].Text;

    private static OutboxStatus StatusOf(List<OutboxMessage> rows, string kind, DateTime due) => rows.Single(r => r.Kind == kind && r.DueUtc == due).Status;

    private async Task SavedPromiseAsync() => await _host.SayAsync("promise Acme: send the revised quote 2026-03-09");

    [DbFact]
    public async Task Undo_ReopensThePromise_AndBringsItsRemindersBack_WhenItWasDone()
    {
        await SavedPromiseAsync();
        await _host.SayAsync("done 1");
        Assert.All(await NudgesAsync(), r => Assert.Equal(OutboxStatus.Skipped, r.Status));

        var reply = await LastAsync("undo");

        Assert.Equal("Promise #1 is open again: send the revised quote (Acme), due Mon 9 Mar.", reply);
        var promise = await PromiseAsync();
        Assert.Equal((PromiseStatus.Open, (DateTime?)null), (promise.Status, promise.ClosedUtc));
        Assert.DoesNotContain(promise.History, h => h.Kind == PromiseEventKind.Done);
        var rows = await NudgesAsync();
        Assert.Equal(OutboxStatus.Pending, StatusOf(rows, ReminderPolicy.BeforeKind, BeforeFri));
        Assert.Equal(OutboxStatus.Pending, StatusOf(rows, ReminderPolicy.DueKind, DueMon));
        // The kept promise counted as a contact with Acme; taken back, it no longer does.
        Assert.Equal(0, await _host.WithDbAsync(db => db.Set<Touch>().CountAsync()));
        Assert.Null((await _host.WithDbAsync(db => db.Set<AccountCadence>().SingleAsync())).LastContactUtc);
    }

    [DbFact]
    public async Task Undo_SaysThereIsNothingMore_WhenAskedASecondTime()
    {
        await SavedPromiseAsync();
        await _host.SayAsync("done 1");
        await _host.SayAsync("undo");

        Assert.Equal("Nothing more to undo: only the last change can be taken back.", await LastAsync("undo"));
        Assert.Equal(PromiseStatus.Open, (await PromiseAsync()).Status);
        Assert.Equal("Nothing to undo.", await LastAsync("undo", user: "ivan"));
    }

    [DbFact]
    public async Task Undo_KeepsTheChange_WhenItIsOlderThanTenMinutes()
    {
        await SavedPromiseAsync();
        await _host.SayAsync("done 1");
        _host.Time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        Assert.Equal("Your last change was more than 10 minutes ago, so it stays. `promises` shows where things stand.", await LastAsync("undo"));
        Assert.Equal(PromiseStatus.Done, (await PromiseAsync()).Status);
        Assert.All(await NudgesAsync(), r => Assert.Equal(OutboxStatus.Skipped, r.Status));
    }

    [DbFact]
    public async Task Undo_Works_AtTenMinutesExactly()
    {
        await SavedPromiseAsync();
        await _host.SayAsync("done 1");
        _host.Time.Advance(TimeSpan.FromMinutes(10));

        Assert.StartsWith("Promise #1 is open again", await LastAsync("undo"));
    }

    [DbFact]
    public async Task Undo_RestoresTheOldDateAndItsReminders_AndWithdrawsTheNewOnes_WhenThePromiseWasMoved()
    {
        await SavedPromiseAsync();
        await _host.SayAsync("move 1 to 2026-03-12 because legal is still reviewing");
        var newDue = new DateTime(2026, 3, 12, 17, 0, 0, DateTimeKind.Utc);
        Assert.Equal(OutboxStatus.Pending, StatusOf(await NudgesAsync(), ReminderPolicy.DueKind, newDue));

        var reply = await LastAsync("undo");

        Assert.Equal("Promise #1 is due Mon 9 Mar again: send the revised quote (Acme).", reply);
        var promise = await PromiseAsync();
        Assert.Equal(DueMon, promise.DueUtc);
        Assert.DoesNotContain(promise.History, h => h.Kind == PromiseEventKind.Moved);
        var rows = await NudgesAsync();
        Assert.Equal(OutboxStatus.Pending, StatusOf(rows, ReminderPolicy.BeforeKind, BeforeFri));
        Assert.Equal(OutboxStatus.Pending, StatusOf(rows, ReminderPolicy.DueKind, DueMon));
        Assert.Equal(OutboxStatus.Skipped, StatusOf(rows, ReminderPolicy.DueKind, newDue));
        Assert.Equal(2, rows.Count(r => r.Status == OutboxStatus.Pending));
    }

    [DbFact]
    public async Task Undo_WithdrawsTheSnoozeNudge_AndBringsTheEarlyReminderBack_WhenThePromiseWasSnoozed()
    {
        await SavedPromiseAsync();
        await _host.SayAsync("snooze 1");
        var snooze = (await NudgesAsync()).Single(r => r.Kind == ReminderPolicy.SnoozeKind);
        Assert.Equal(OutboxStatus.Pending, snooze.Status);

        var reply = await LastAsync("undo");

        Assert.Equal("Snooze taken back: promise #1 reminds you as before — send the revised quote (Acme), due Mon 9 Mar.", reply);
        var rows = await NudgesAsync();
        Assert.Equal(OutboxStatus.Skipped, rows.Single(r => r.Id == snooze.Id).Status);
        Assert.Equal(OutboxStatus.Pending, StatusOf(rows, ReminderPolicy.BeforeKind, BeforeFri));
        Assert.Equal(OutboxStatus.Pending, StatusOf(rows, ReminderPolicy.DueKind, DueMon));
        Assert.DoesNotContain((await PromiseAsync()).History, h => h.Kind == PromiseEventKind.Snoozed);
    }

    [DbFact]
    public async Task Undo_ReopensACancelledPromise_InRussian()
    {
        await _host.SayAsync("язык ru");
        await _host.SayAsync("обещание Acme: отправить КП 2026-03-09");
        Assert.StartsWith("Отменено", await LastAsync("отменить 1: клиент передумал"));

        var reply = await LastAsync("отменить последнее");

        Assert.Equal("Обещание №1 снова открыто: отправить КП (Acme), срок пн, 9 мар.", reply);
        Assert.Equal(PromiseStatus.Open, (await PromiseAsync()).Status);
        Assert.Equal(2, (await NudgesAsync()).Count(r => r.Status == OutboxStatus.Pending));
        Assert.Equal("Больше отменять нечего: вернуть можно только последнее изменение.", await LastAsync("отмени"));
    }

    [DbFact]
    public async Task UndoButton_TakesBackTheDone_AndIsRefusedToSomeoneElse()
    {
        await SavedPromiseAsync();
        var done = (await _host.SayAsync("done 1"))[^1];
        var button = Assert.Single(done.Card!.Actions);
        Assert.Equal(("Undo", UndoCommands.Action), (button.Label, button.Id));

        var refused = (await _host.PressAsync(button.Id, button.Payload.ToDictionary(), user: "ivan"))[^1].Text;

        Assert.Equal("That change isn't yours to undo; nothing changed.", refused);
        Assert.Equal(PromiseStatus.Done, (await PromiseAsync()).Status);
        Assert.StartsWith("Promise #1 is open again", (await _host.PressAsync(button.Id, button.Payload.ToDictionary()))[^1].Text);
        Assert.Equal(PromiseStatus.Open, (await PromiseAsync()).Status);
    }

    [DbFact]
    public async Task UndoButton_ChangesNothing_WhenANewerChangeReplacedIt()
    {
        await SavedPromiseAsync();
        await _host.SayAsync("promise Acme: send the contract 2026-03-10");
        var button = Assert.Single((await _host.SayAsync("done 1"))[^1].Card!.Actions);
        await _host.SayAsync("done 2");

        Assert.Equal("Only the last change can be undone, and that one isn't it; nothing changed.",
            (await _host.PressAsync(button.Id, button.Payload.ToDictionary()))[^1].Text);
        Assert.Equal(PromiseStatus.Done, (await _host.WithDbAsync(db => db.Promises.SingleAsync(p => p.Number == 1))).Status);
    }

    [DbFact]
    public async Task Undo_RunsInsteadOfAnswering_WhenAQuestionWaits()
    {
        await SavedPromiseAsync();
        await _host.SayAsync("promise Acme: send the contract 2026-03-10");
        await _host.SayAsync("done 1");
        Assert.Equal("Why cancel it?", await LastAsync("cancel 2"));

        var replies = await _host.SayAsync("undo");

        Assert.StartsWith("Promise #1 is open again", replies[^1].Text);
        Assert.Equal(PromiseStatus.Open, (await _host.WithDbAsync(db => db.Promises.SingleAsync(p => p.Number == 2))).Status);
    }

    [DbFact]
    public async Task Undo_TakesALoggedCallOffTheLog_SoTheColdAccountNudgeComesAgain()
    {
        await _host.SayAsync("account add Acme key");
        await _host.SayAsync("called Acme: intro");
        var firstContact = (await _host.WithDbAsync(db => db.Set<AccountCadence>().SingleAsync())).LastContactUtc;
        _host.Time.SetUtcNow(new DateTimeOffset(2026, 3, 20, 8, 0, 0, TimeSpan.Zero)); // Fri 09:00: 16 days later, due
        await _host.Services.GetServices<INudgePlanner>().OfType<CallPlanner>().Single().PlanAsync(CancellationToken.None);
        var nudge = (await NudgesAsync()).Single(r => r.Kind == CallNudgeKinds.Nudge);
        Assert.Equal(OutboxStatus.Pending, nudge.Status);
        await _host.SayAsync("called Acme: talked about the renewal");
        Assert.Equal(OutboxStatus.Skipped, (await NudgesAsync()).Single(r => r.Id == nudge.Id).Status);

        var reply = await LastAsync("undo");

        Assert.Equal("Call with Acme taken off the log; I'll remind you to call as before.", reply);
        var touches = await _host.WithDbAsync(db => db.Set<Touch>().ToListAsync());
        Assert.Equal("intro", Assert.Single(touches).Note);
        Assert.Equal(firstContact, (await _host.WithDbAsync(db => db.Set<AccountCadence>().SingleAsync())).LastContactUtc);
        Assert.Equal(OutboxStatus.Pending, (await NudgesAsync()).Single(r => r.Id == nudge.Id).Status);
        await _host.Dispatcher.RunAsync();
        Assert.Contains(_host.Sender.Sent, s => s.Reply.Card?.Title == "Acme hasn't heard from you for 16 days (key account, every 14).");
    }

    [DbFact]
    public async Task Undo_LetsThePlannerNudgeAgain_WhenTheCallCameBeforeAnyNudge()
    {
        await _host.SayAsync("account add Acme key");
        await _host.SayAsync("called Acme: intro");
        _host.Time.SetUtcNow(new DateTimeOffset(2026, 3, 20, 8, 0, 0, TimeSpan.Zero));
        await _host.SayAsync("called Acme: renewal");
        await _host.Dispatcher.RunAsync();
        Assert.Empty(_host.Sender.Sent); // called today: nothing to nudge about

        await _host.SayAsync("undo");
        await _host.Dispatcher.RunAsync();

        Assert.Contains(_host.Sender.Sent, s => s.Reply.Card?.Title == "Acme hasn't heard from you for 16 days (key account, every 14).");
    }

    [DbFact]
    public async Task Undo_LeavesThePromise_WhenItChangedSince()
    {
        await SavedPromiseAsync();
        await _host.SayAsync("move 1 to 2026-03-12 because legal is still reviewing");
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            // Moved again by another caller that keeps no undo (e.g. a calendar sync writing straight to the promise).
            var db = scope.ServiceProvider.GetRequiredService<AccountCoachBot.Data.CoachDbContext>();
            var p = await db.Promises.SingleAsync();
            p.DueUtc = new DateTime(2026, 3, 13, 17, 0, 0, DateTimeKind.Utc);
            await db.SaveChangesAsync();
        }

        Assert.Equal("Promise #1 has changed since, so I left it as it is.", await LastAsync("undo"));
        Assert.Equal(new DateTime(2026, 3, 13, 17, 0, 0, DateTimeKind.Utc), (await PromiseAsync()).DueUtc);
    }
}
