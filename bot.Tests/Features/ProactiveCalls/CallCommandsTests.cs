using AccountCoachBot.Conversation;
using AccountCoachBot.Features.ProactiveCalls;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Tests.Features.ProactiveCalls;

/// <summary>The call commands and the nudge card, in English and Russian, through the real pipeline.</summary>
public sealed class CallCommandsTests : IAsyncLifetime
{
    private CoachTestHost _host = null!;

    // Wed 2026-03-04 10:00 Berlin.
    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private void At(int month, int day, int hour, int minute = 0) => _host.Time.SetUtcNow(new DateTimeOffset(2026, month, day, hour, minute, 0, TimeSpan.Zero));

    private Task<AccountCadence> CadenceAsync(string name) =>
        _host.WithDbAsync(db => db.Set<AccountCadence>().Include(c => c.Account).SingleAsync(c => c.Account!.Name == name));

    [Theory]
    [InlineData("account add Acme Corp key every 10 days", "Acme Corp", AccountTier.Key, 10)]
    [InlineData("account add Key Foods", "Key Foods", AccountTier.Standard, null)]
    [InlineData("account add Globex standard", "Globex", AccountTier.Standard, null)]
    [InlineData("добавить клиента Ромашка ключевой раз в 21 день", "Ромашка", AccountTier.Key, 21)]
    public async Task AccountAdd_ReadsNameTierAndCadence(string command, string name, AccountTier tier, int? days)
    {
        await _host.SayAsync(command);

        var cadence = await CadenceAsync(name);
        Assert.Equal((tier, days), (cadence.Tier, cadence.CadenceDays));
        Assert.Equal(_host.Time.GetUtcNow().UtcDateTime, cadence.StartedUtc);
    }

    [Fact]
    public async Task AccountAdd_ConfirmsWithTheFirstDueDay_AndUpdatesAnExistingAccount()
    {
        var added = (await _host.SayAsync("account add Acme key"))[^1].Text;
        var updated = (await _host.SayAsync("account Acme every 7 days"))[^1].Text;
        var back = (await _host.SayAsync("account add acme standard"))[^1].Text;

        Assert.Equal("Added Acme (key account, every 14 days). First call due by Wed 18 Mar.", added);
        Assert.Equal("Acme: key account, every 7 days. Next call due by Wed 11 Mar.", updated);
        Assert.Equal("Acme: standard account, every 30 days. Next call due by Fri 3 Apr.", back);
        Assert.Equal(1, await _host.WithDbAsync(db => db.Accounts.CountAsync()));
    }

    [Fact]
    public async Task Called_LogsTheCallWithItsNote_AndMovesTheLastContact()
    {
        await _host.SayAsync("account add Acme key");
        At(3, 20, 9);

        var reply = (await _host.SayAsync("called Acme: warned them about the delay"))[^1].Text;

        Assert.Equal("Logged: call with Acme. Next one due by Fri 3 Apr.", reply);
        var touch = await _host.WithDbAsync(db => db.Set<Touch>().SingleAsync());
        Assert.Equal((TouchKind.Call, "warned them about the delay"), (touch.Kind, touch.Note));
        Assert.Equal(new DateTime(2026, 3, 20, 9, 0, 0, DateTimeKind.Utc), (await CadenceAsync("Acme")).LastContactUtc);
    }

    [Fact]
    public async Task Called_SaysItDoesNotKnowTheAccount_RatherThanInventingIt()
    {
        var reply = (await _host.SayAsync("called Initech: intro"))[^1].Text;

        Assert.Equal("I don't know Initech among your accounts. Add it: `account add Initech`; `accounts` lists yours.", reply);
        Assert.Equal(0, await _host.WithDbAsync(db => db.Accounts.CountAsync()));
    }

    [Fact]
    public async Task Called_LeavesALongSentenceToThePromiseParser_WhenNoAccountIsNamed()
    {
        var replies = await _host.SayAsync("called Acme and promised to send the deck by Friday");

        Assert.DoesNotContain(replies, r => r.Text.StartsWith("I don't know"));
        Assert.Equal(0, await _host.WithDbAsync(db => db.Set<Touch>().CountAsync()));
    }

    [Fact]
    public async Task Accounts_ListsDaysSinceTheLastContactAndTheNextDue_SoonestFirst()
    {
        await _host.SayAsync("account add Acme key");
        await _host.SayAsync("account add Globex");
        await _host.SayAsync("called Globex");
        At(3, 20, 9);

        var list = (await _host.SayAsync("accounts"))[^1].Card!;

        Assert.Equal("Your accounts (2)", list.Title);
        Assert.Equal(
        [
            "#1 Acme — key, every 14 days · no contact logged · call due now",
            "#2 Globex — every 30 days · last contact 16 days ago · next call by Fri 3 Apr",
        ], list.Lines);
    }

    [Fact]
    public async Task DueCalls_ListsTodayAndTheRestOfTheWeek()
    {
        await _host.SayAsync("account add Acme key");
        await _host.SayAsync("account add Globex every 16 days");
        await _host.SayAsync("account add Initech");
        At(3, 18, 9); // Wed

        var due = (await _host.SayAsync("due calls"))[^1].Card!;

        Assert.Equal(["Today (1):", "• Acme — 14 days since the last contact", "This week (1):", "• Globex — by Fri 20 Mar"], due.Lines);
        Assert.Equal(["Called Acme"], due.Actions.Select(a => a.Label));
    }

    [Fact]
    public async Task Nudge_ReadsLikeTheVoiceExample_WithOneOpenPromiseAndOnePrinciple()
    {
        await _host.SayAsync("account add Acme key");
        await _host.SayAsync("called Acme");
        At(3, 18, 9);
        await _host.SayAsync("promise Acme: send the revised quote by Friday");
        At(3, 20, 8);

        await _host.Dispatcher.RunAsync();

        var card = Assert.Single(_host.Sender.Sent, s => s.Reply.Card!.PrincipleIds.Contains(CallActions.CallFirst)).Reply.Card!;
        Assert.Equal("Acme hasn't heard from you for 16 days (key account, every 14).", card.Title);
        Assert.Equal("Call before they call you: a success, an early warning, or an opportunity.", card.Lines[0]);
        Assert.Equal("Open with Acme: 1 promise due Fri.", card.Lines[1]);
        Assert.StartsWith("• send the revised quote · Fri 20 Mar", card.Lines[2]); // details: only the owner gets this nudge
        Assert.Equal(["Called", "Snooze 3 days", "Snooze 1 day", "Snooze 7 days", "Skip…", "Why?"], card.Actions.Select(a => a.Label));
        Assert.Equal([CallActions.CallFirst], card.PrincipleIds);
        Assert.Equal(CallActions.CallFirst, card.Actions[^1].Payload[CallActions.PrincipleKey]);
    }

    [Fact]
    public async Task Nudge_SpeaksRussianWithVy_WhenThePersonDoes()
    {
        await _host.SayAsync("язык ru");
        await _host.SayAsync("добавить клиента Acme ключевой");
        await _host.SayAsync("позвонил Acme: познакомились");
        At(3, 20, 8);

        await _host.Dispatcher.RunAsync();

        var card = Assert.Single(_host.Sender.Sent).Reply.Card!;
        Assert.Equal("Acme не слышали вас 16 дней (ключевой клиент, раз в 14 дней).", card.Title);
        Assert.Equal("Позвоните раньше, чем позвонят они: успех, ранний сигнал или новая возможность.", card.Lines[0]);
        Assert.Equal(["Позвонил(а)", "Через 3 дня", "Через 1 день", "Через 7 дней", "Пропустить…", "Почему?"], card.Actions.Select(a => a.Label));
    }

    [Theory]
    [InlineData(1, "1 день")]
    [InlineData(3, "3 дня")]
    [InlineData(11, "11 дней")]
    [InlineData(21, "21 день")]
    [InlineData(22, "22 дня")]
    [InlineData(25, "25 дней")]
    [InlineData(112, "112 дней")]
    public void Days_UsesTheRussianPluralForm(int n, string expected) =>
        Assert.Equal(expected, CallTexts.Days(n, AccountCoachBot.Features.People.Language.Ru));

    [Fact]
    public async Task Snooze_BringsTheNudgeBackOnTheChosenDay_AndSkipWaitsAWholeCadence()
    {
        await _host.SayAsync("account add Acme key");
        await _host.SayAsync("account add Globex key");
        await _host.SayAsync("called Acme");
        await _host.SayAsync("called Globex");
        At(3, 20, 8); // Fri
        await _host.Dispatcher.RunAsync();
        var acme = _host.Sender.Sent.Select(s => s.Reply.Card!).First(c => c.Title.StartsWith("Acme"));
        var globex = _host.Sender.Sent.Select(s => s.Reply.Card!).First(c => c.Title.StartsWith("Globex"));

        var snooze = acme.Actions.Single(a => a.Label == "Snooze 1 day");
        Assert.Equal("Snoozed: Acme comes back Mon 23 Mar.", (await _host.PressAsync(snooze.Id, snooze.Payload.ToDictionary()))[^1].Text);
        var skip = globex.Actions.Single(a => a.Label == "Skip…");
        Assert.Equal("Why skip this call? (one line, for yourself)", (await _host.PressAsync(skip.Id, skip.Payload.ToDictionary()))[^1].Text);
        Assert.Equal("Skipped this time. Next check on Globex: Fri 3 Apr.", (await _host.SayAsync("they are on a trade fair"))[^1].Text);
        var again = (await _host.PressAsync(snooze.Id, snooze.Payload.ToDictionary()))[^1].Text;
        Assert.Equal("That nudge is already closed. `accounts` shows where each client stands.", again);

        At(3, 23, 7, 59);
        Assert.Equal(0, await _host.Dispatcher.RunAsync());
        At(3, 23, 8);
        Assert.Equal(1, await _host.Dispatcher.RunAsync());
        Assert.StartsWith("Acme hasn't heard from you for 19 days", _host.Sender.Sent[^1].Reply.Card!.Title);
        Assert.Equal("they are on a trade fair", (await _host.WithDbAsync(db => db.Set<Touch>().SingleAsync(t => t.Kind == TouchKind.Skipped))).Note);
        Assert.Equal(new DateTime(2026, 3, 4, 9, 0, 0, DateTimeKind.Utc), (await CadenceAsync("Globex")).LastContactUtc); // a skip is not a contact
    }

    [Fact]
    public async Task Help_ListsTheCallCommands_InBothLanguages()
    {
        var en = (await _host.SayAsync("help calls"))[^1].Text;
        var ru = (await _host.SayAsync("помощь звонки", user: "oleg", locale: "ru-RU"))[^1].Text;

        foreach (var command in new[] { "account add", "accounts", "called Acme:", "due calls", "account Acme channel", "vacation", "mute calls", "unmute calls" })
            Assert.Contains(command, en);
        foreach (var command in new[] { "добавить клиента", "клиенты", "позвонил Acme:", "кому позвонить", "клиент Acme канал", "отпуск", "выключить звонки", "включить звонки" })
            Assert.Contains(command, ru);
    }

    [Fact]
    public async Task Vacation_ReadsWordDates_AndRefusesOnesInThePast()
    {
        Assert.Equal("Vacation Mon 9 Mar – Fri 13 Mar. Call nudges wait; when you're back you'll get one summary.", (await _host.SayAsync("vacation 9 Mar - 13 Mar"))[^1].Text);
        Assert.StartsWith("Отпуск пн, 16 мар.", (await _host.SayAsync("отпуск с 16 марта по 20 марта"))[^1].Text);
        Assert.Equal("That vacation is already over. Give dates from today on.", (await _host.SayAsync("vacation 2026-02-02 2026-02-06"))[^1].Text);

        var vacations = await _host.WithDbAsync(db => db.Set<Vacation>().OrderBy(v => v.FirstDay).ToListAsync());
        Assert.Equal([(new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 13)), (new DateOnly(2026, 3, 16), new DateOnly(2026, 3, 20))],
            vacations.Select(v => (v.FirstDay, v.LastDay)));
    }

    [Fact]
    public async Task Buttons_RefuseAndChangeNothing_WhenPressedBySomeoneWhoIsNotTheOwner()
    {
        await _host.SayAsync("account add Acme key");
        await _host.SayAsync("called Acme");
        At(3, 18, 8);
        await _host.Dispatcher.RunAsync();
        var card = Assert.Single(_host.Sender.Sent).Reply.Card!;
        var before = await CadenceAsync("Acme");

        foreach (var action in card.Actions.Where(a => a.Id != CallActions.Why))
        {
            var payload = action.Payload.ToDictionary();
            payload[CallActions.ReasonKey] = "not mine";
            var reply = (await _host.PressAsync(action.Id, payload, user: "boris"))[^1];
            Assert.Equal("This nudge is for olga: only they can log, snooze or skip it.", reply.Text);
            Assert.False(reply.ForEveryone);
        }

        var after = await CadenceAsync("Acme");
        Assert.Equal((before.LastContactUtc, before.Cycle, before.AnnouncedByKey), (after.LastContactUtc, after.Cycle, after.AnnouncedByKey));
        Assert.Equal(1, await _host.WithDbAsync(db => db.Set<Touch>().CountAsync()));
        Assert.Equal(OutboxStatus.Sent, await _host.WithDbAsync(db => db.Outbox.Where(o => o.Kind == CallNudgeKinds.Nudge).Select(o => o.Status).SingleAsync()));
    }
}
