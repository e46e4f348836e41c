using AccountCoachBot.Conversation;
using AccountCoachBot.Features.Promises;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Tests.Features.Promises;

/// <summary>Promise use cases through the real pipeline on a real database.</summary>
public class PromiseFlowTests : IAsyncLifetime
{
    /// <summary>The database of the PostgreSQL variant (Data/Postgres); null: a SQLite file of each test's own.</summary>
    protected virtual PostgresDatabase? Postgres => null;

    private CoachTestHost _host = null!;

    // Wed 2026-03-04 10:00 Berlin.
    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero), postgres: Postgres);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<Promise> PromiseAsync() => _host.WithDbAsync(db => db.Promises.Include(p => p.History).Include(p => p.Account).SingleAsync());

    private static Dictionary<string, string> Id(int id) => new() { [PromiseActions.IdKey] = id.ToString() };

    [DbFact]
    public async Task Move_AsksDateThenReason_ThenCoachesWithANoteForTheClient()
    {
        await _host.SayAsync("promise Acme: send the revised quote tomorrow");
        var promise = await PromiseAsync();

        var askDate = await _host.PressAsync(PromiseActions.Move, Id(promise.Id));
        Assert.Equal("New date", askDate[^1].Text);
        var askReason = await _host.SayAsync("2026-03-10");
        Assert.Contains("Why the change?", askReason[^1].Text);
        var moved = (await _host.SayAsync("the pricing data comes on Monday"))[^1];

        Assert.StartsWith("Moved to Tue 10 Mar. Tell Acme today, before Thu 5 Mar passes", moved.Text);
        const string note = "I promised to send you the revised quote by Thursday, 5 March. I need until Tuesday, 10 March, because the pricing data comes on Monday. Sorry for the delay, and thank you for your patience.";
        Assert.Contains(note, moved.Text);
        Assert.Equal(new CardNote("Ready to send:", note), moved.Card!.Note);
        promise = await PromiseAsync();
        Assert.Equal(new DateTime(2026, 3, 10, 17, 0, 0, DateTimeKind.Utc), promise.DueUtc);
        var history = Assert.Single(promise.History, h => h.Kind == PromiseEventKind.Moved);
        Assert.Equal("the pricing data comes on Monday", history.Reason);
        Assert.Equal(new DateTime(2026, 3, 5, 17, 0, 0, DateTimeKind.Utc), history.OldDueUtc);

        var rows = await _host.WithDbAsync(db => db.Outbox.OrderBy(o => o.Id).ToListAsync());
        Assert.All(rows.Where(r => r.DueUtc < new DateTime(2026, 3, 6, 0, 0, 0, DateTimeKind.Utc)), r => Assert.Equal(OutboxStatus.Skipped, r.Status));
        Assert.Contains(rows, r => r.Kind == ReminderPolicy.DueKind && r.Status == OutboxStatus.Pending && r.DueUtc == promise.DueUtc);
    }

    [DbFact]
    public async Task Move_ByText_InOneLine()
    {
        await _host.SayAsync("promise Acme: send the revised quote tomorrow");
        var promise = await PromiseAsync();

        var reply = (await _host.SayAsync($"move {promise.Number} to 2026-03-10 because legal is still reviewing"))[^1];

        Assert.StartsWith("Moved to Tue 10 Mar", reply.Text);
        Assert.Equal("legal is still reviewing", (await PromiseAsync()).History.Single(h => h.Kind == PromiseEventKind.Moved).Reason);
    }

    [DbFact]
    public async Task Move_KeepsAsking_WhenDateIsNotUnderstood()
    {
        await _host.SayAsync("promise Acme: send the revised quote tomorrow");
        var promise = await PromiseAsync();
        await _host.PressAsync(PromiseActions.Move, Id(promise.Id));

        var reply = (await _host.SayAsync("whenever"))[^1];

        Assert.StartsWith("I didn't catch a date there", reply.Text);
        Assert.Equal(new DateTime(2026, 3, 5, 17, 0, 0, DateTimeKind.Utc), (await PromiseAsync()).DueUtc);
    }

    [DbFact]
    public async Task PendingQuestion_IsDropped_WhenPersonSaysCancel()
    {
        await _host.SayAsync("promise Acme: send the revised quote tomorrow");
        var promise = await PromiseAsync();
        await _host.PressAsync(PromiseActions.Move, Id(promise.Id));

        Assert.Equal("OK, dropped.", (await _host.SayAsync("cancel"))[^1].Text);
        Assert.Equal(PromiseStatus.Open, (await PromiseAsync()).Status);
    }

    [DbFact]
    public async Task Cancel_AsksReason_ThenWithdrawsReminders()
    {
        await _host.SayAsync("promise Acme: send the revised quote tomorrow");
        var promise = await PromiseAsync();

        Assert.Equal("Why cancel it?", (await _host.SayAsync($"cancel {promise.Number}"))[^1].Text);
        var reply = (await _host.SayAsync("the client dropped the tender"))[^1];

        Assert.StartsWith("Cancelled: send the revised quote", reply.Text);
        promise = await PromiseAsync();
        Assert.Equal(PromiseStatus.Cancelled, promise.Status);
        Assert.Equal("the client dropped the tender", promise.History.Single(h => h.Kind == PromiseEventKind.Cancelled).Reason);
        Assert.DoesNotContain(await _host.WithDbAsync(db => db.Outbox.ToListAsync()), r => r.Status == OutboxStatus.Pending);
    }

    [DbFact]
    public async Task OnTrack_WithdrawsEarlyReminder_AndKeepsTheDueOne()
    {
        await _host.SayAsync("promise Acme: send the revised quote 2026-03-09");
        var promise = await PromiseAsync();

        await _host.PressAsync(PromiseActions.OnTrack, Id(promise.Id));

        var rows = await _host.WithDbAsync(db => db.Outbox.ToListAsync());
        Assert.Equal(OutboxStatus.Skipped, rows.Single(r => r.Kind == ReminderPolicy.BeforeKind).Status);
        Assert.Equal(OutboxStatus.Pending, rows.Single(r => r.Kind == ReminderPolicy.DueKind).Status);
    }

    [DbFact]
    public async Task Snooze_BringsReminderBackNextWorkingMorning()
    {
        await _host.SayAsync("promise Acme: send the revised quote 2026-03-09");
        var promise = await PromiseAsync();
        _host.Time.SetUtcNow(new DateTimeOffset(2026, 3, 6, 8, 0, 0, TimeSpan.Zero)); // Fri 09:00

        var reply = (await _host.PressAsync(PromiseActions.Snooze, Id(promise.Id)))[^1];

        Assert.Equal("Snoozed until Mon 9 Mar, 09:00.", reply.Text);
        var snooze = await _host.WithDbAsync(db => db.Outbox.SingleAsync(o => o.Kind == ReminderPolicy.SnoozeKind));
        Assert.Equal(new DateTime(2026, 3, 9, 8, 0, 0, DateTimeKind.Utc), snooze.DueUtc);
    }

    [DbFact]
    public async Task Done_RecognizesRightAway_WithTheWeeksRecord()
    {
        await _host.SayAsync("promise Acme: send the revised quote tomorrow");
        await _host.SayAsync("promise Globex: send the deck tomorrow");
        var numbers = await _host.WithDbAsync(db => db.Promises.OrderBy(p => p.Id).Select(p => p.Number).ToListAsync());
        Assert.Equal([1, 2], numbers);

        Assert.Equal("Done — on time. That's 1 of 1 on time this week.", (await _host.SayAsync("done 1"))[^1].Text);
        _host.Time.SetUtcNow(new DateTimeOffset(2026, 3, 6, 8, 0, 0, TimeSpan.Zero)); // after the due time
        Assert.Equal("Done. That's 1 of 2 on time this week.", (await _host.SayAsync("done 2"))[^1].Text);
        Assert.Equal("Promise #2 is already closed.", (await _host.SayAsync("done 2"))[^1].Text);
    }

    [DbFact]
    public async Task Explicit_AsksForDate_WhenNoneGiven_ThenSaves()
    {
        Assert.StartsWith("By when did you promise it?", (await _host.SayAsync("promise Acme: send the revised quote"))[^1].Text);
        Assert.Equal(0, await _host.WithDbAsync(db => db.Promises.CountAsync()));

        var saved = (await _host.SayAsync("tomorrow"))[^1];

        Assert.Equal("Promise saved", saved.Card!.Title);
        Assert.Equal(new DateTime(2026, 3, 5, 17, 0, 0, DateTimeKind.Utc), (await PromiseAsync()).DueUtc);
    }

    [DbFact]
    public async Task Explicit_RefusesPastDate_AndChangesNothing()
    {
        var reply = (await _host.SayAsync("promise Acme: send the revised quote 2026-03-01"))[^1];

        Assert.Equal("That date has already passed. When will you do it?", reply.Text);
        Assert.Equal(0, await _host.WithDbAsync(db => db.Promises.CountAsync()));
    }

    [DbFact]
    public async Task Explicit_ExplainsTheForm_WhenColonIsMissing()
    {
        var reply = (await _host.SayAsync("promise Acme"))[^1];

        Assert.StartsWith("Write it like this:", reply.Text);
        Assert.Equal(0, await _host.WithDbAsync(db => db.Promises.CountAsync()));
    }

    [DbFact]
    public async Task Explicit_ReusesAccount_WhenNameDiffersOnlyInCase()
    {
        await _host.SayAsync("promise Acme: send the revised quote tomorrow");
        await _host.SayAsync("promise ACME: send the contract tomorrow");

        Assert.Equal(1, await _host.WithDbAsync(db => db.Accounts.CountAsync()));
    }

    [DbFact]
    public async Task List_ShowsOnlyOwnOpenPromises_SoonestFirst()
    {
        await _host.SayAsync("promise Acme: send the contract 2026-03-12");
        await _host.SayAsync("promise Acme: send the revised quote tomorrow");
        await _host.SayAsync("promise Initech: send the plan tomorrow", user: "ivan");

        var list = (await _host.SayAsync("promises"))[^1];

        Assert.Equal("Open promises (2)", list.Card!.Title);
        Assert.Contains("send the revised quote", list.Card.Lines[0]);
        Assert.DoesNotContain(list.Card.Lines, l => l.Contains("Initech"));
    }

    [DbFact]
    public async Task FreeText_AsksBeforeAddingAnUnknownCompany_ThenSaves()
    {
        var ask = (await _host.SayAsync("I'll send Initech the draft contract by Monday"))[^1];

        Assert.Equal("Initech is new to me. Add it as a client and save the promise?", ask.Text);
        Assert.Equal(0, await _host.WithDbAsync(db => db.Promises.CountAsync()));

        var saved = (await _host.SayAsync("yes"))[^1];

        Assert.Equal("Promise saved", saved.Card!.Title);
        var promise = await PromiseAsync();
        Assert.Equal(("Initech", "send the draft contract"), (promise.Account!.Name, promise.What));
        Assert.Equal(new DateTime(2026, 3, 9, 17, 0, 0, DateTimeKind.Utc), promise.DueUtc);
    }

    [DbFact]
    public async Task FreeText_SavesAtOnce_WhenCompanyIsKnown()
    {
        await _host.SayAsync("promise Globex: send the deck tomorrow");

        var reply = (await _host.SayAsync("обещал Globex перезвонить завтра в 9"))[^1];

        Assert.Equal("Обещание сохранено", reply.Card!.Title);
        var promise = await _host.WithDbAsync(db => db.Promises.OrderBy(p => p.Id).LastAsync());
        Assert.Equal("перезвонить", promise.What);
        Assert.Equal(new DateTime(2026, 3, 5, 8, 0, 0, DateTimeKind.Utc), promise.DueUtc);
    }

    [DbFact]
    public async Task FreeText_AsksForDate_WhenPromiseHasNone()
    {
        await _host.SayAsync("promise Globex: send the deck tomorrow");

        var reply = (await _host.SayAsync("I'll send Globex the pricing sheet"))[^1];

        Assert.StartsWith("By when did you promise it?", reply.Text);
        Assert.Equal(1, await _host.WithDbAsync(db => db.Promises.CountAsync()));
    }

    [DbFact]
    public async Task FreeText_IsNotAPromise_WhenItIsAQuestionOrTheClientsPromise()
    {
        await _host.SayAsync("promise Acme: send the revised quote tomorrow");

        // A question goes to the coach, never into a promise.
        Assert.DoesNotContain("Saved", (await _host.SayAsync("what did Acme say about pricing?"))[^1].Text);
        Assert.StartsWith("I didn't catch that", (await _host.SayAsync("Acme promised to send us the PO by Friday"))[^1].Text);
        Assert.Equal(1, await _host.WithDbAsync(db => db.Promises.CountAsync()));
    }
}
