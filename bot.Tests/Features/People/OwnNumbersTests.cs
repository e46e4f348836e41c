using AccountCoachBot.Features.MeetingPrep;
using AccountCoachBot.Features.Promises;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Tests.Features.People;

/// <summary>
/// Everyone's promises, meetings and accounts are numbered 1, 2, 3… for them alone: on a shared server nobody's
/// numbers tell how busy the others are, and `done 1` is always one's own #1.
/// </summary>
public class OwnNumbersTests : IAsyncLifetime
{
    /// <summary>The database of the PostgreSQL variant (Data/Postgres); null: a SQLite file of each test's own.</summary>
    protected virtual PostgresDatabase? Postgres => null;

    private CoachTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero), postgres: Postgres);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static Dictionary<string, string> Id(int id) => new() { [PromiseActions.IdKey] = id.ToString() };

    private Task<Promise> PromiseAsync(string what) => _host.WithDbAsync(db => db.Promises.SingleAsync(p => p.What == what));

    [DbFact]
    public async Task ThreePeopleOnOneServer_EachFirstPromiseAndMeetingIsNumberOne()
    {
        // Interleaved, as on a real server: by row id, Anna's first promise is the fifth.
        var olga1 = (await _host.SayAsync("promise Acme: send the quote tomorrow", user: "olga"))[^1];
        var ivan1 = (await _host.SayAsync("promise Globex: send the deck tomorrow", user: "ivan"))[^1];
        await _host.SayAsync("promise Acme: call the CFO 2026-03-10", user: "olga");
        await _host.SayAsync("promise Globex: book the demo 2026-03-11", user: "ivan");
        var anna1 = (await _host.SayAsync("promise Initech: send the contract tomorrow", user: "anna"))[^1];

        Assert.Equal(["#1", "#1", "#1"], new[] { olga1, ivan1, anna1 }.Select(r => r.Card!.Footnote));
        Assert.Equal(
            ["#1 Globex: send the deck · Thu 5 Mar, 18:00", "#2 Globex: book the demo · Wed 11 Mar, 18:00"],
            (await _host.SayAsync("promises", user: "ivan"))[^1].Card!.Lines);
        Assert.Equal(["#1 Initech: send the contract · Thu 5 Mar, 18:00"], (await _host.SayAsync("promises", user: "anna"))[^1].Card!.Lines);

        await _host.SayAsync("meeting Acme 2026-03-10 15:00", user: "olga");
        await _host.SayAsync("meeting Globex 2026-03-11 10:00", user: "ivan");
        await _host.SayAsync("meeting Initech 2026-03-12 11:00", user: "anna");
        foreach (var user in new[] { "olga", "ivan", "anna" })
            Assert.StartsWith("#1 ", (await _host.SayAsync("meetings", user: user))[^1].Card!.Lines.Single());
        foreach (var user in new[] { "olga", "ivan", "anna" })
            Assert.StartsWith("#1 ", (await _host.SayAsync("accounts", user: user))[^1].Card!.Lines.Single());
    }

    [DbFact]
    public async Task TypedNumbers_AreTheTypistsOwn()
    {
        await _host.SayAsync("promise Acme: send the quote tomorrow", user: "olga");
        await _host.SayAsync("promise Globex: send the deck tomorrow", user: "ivan");

        Assert.StartsWith("Done — on time.", (await _host.SayAsync("done 1", user: "ivan"))[^1].Text);

        Assert.Equal(PromiseStatus.Done, (await PromiseAsync("send the deck")).Status);
        Assert.Equal(PromiseStatus.Open, (await PromiseAsync("send the quote")).Status);
        Assert.Equal("Promise #1 is already closed.", (await _host.SayAsync("done #1", user: "ivan"))[^1].Text);
        Assert.Equal("I can't find promise #2 among yours. Type `promises` to see them.", (await _host.SayAsync("done 2", user: "ivan"))[^1].Text);

        await _host.SayAsync("meeting Acme 2026-03-10 15:00", user: "olga");
        await _host.SayAsync("meeting Globex 2026-03-11 10:00", user: "ivan");
        Assert.StartsWith("Cancelled: Globex", (await _host.SayAsync("cancel meeting 1", user: "ivan"))[^1].Text);
        var statuses = await _host.WithDbAsync(db => db.Set<Meeting>().Include(m => m.Account).ToDictionaryAsync(m => m.Account!.Name, m => m.Status));
        Assert.Equal(MeetingStatus.Scheduled, statuses["Acme"]);
        Assert.Equal(MeetingStatus.Cancelled, statuses["Globex"]);
        Assert.Equal("Meeting #1 is already cancelled.", (await _host.SayAsync("cancel meeting 1", user: "ivan"))[^1].Text);
    }

    [DbFact]
    public async Task Buttons_KeepWorkingByTheirId_AndNeverShowIt()
    {
        await _host.SayAsync("promise Acme: send the quote tomorrow", user: "olga");
        await _host.SayAsync("promise Globex: send the deck tomorrow", user: "ivan");
        var ivans = await PromiseAsync("send the deck");
        Assert.Equal((2, 1), (ivans.Id, ivans.Number));

        // Ivan's own button carries the id, and a question it asks carries it on.
        Assert.Equal("Why cancel it?", (await _host.PressAsync(PromiseActions.Cancel, Id(ivans.Id), user: "ivan"))[^1].Text);
        Assert.StartsWith("Cancelled: send the deck", (await _host.SayAsync("the tender was dropped", user: "ivan"))[^1].Text);

        // Olga pressing a button of Ivan's learns nothing of it, not even a number.
        var refused = (await _host.PressAsync(PromiseActions.Done, Id(ivans.Id), user: "olga"))[^1];
        Assert.Equal("I can't find that promise among yours. Type `promises` to see them.", refused.Text);
        Assert.Equal(PromiseStatus.Open, (await PromiseAsync("send the quote")).Status);
    }

    [DbFact]
    public async Task Numbers_AreNeverGivenAgain_AfterACancel()
    {
        await _host.SayAsync("promise Acme: send the quote tomorrow");
        await _host.SayAsync("promise Acme: send the deck tomorrow");
        await _host.SayAsync("cancel 2: not needed after all");

        var third = (await _host.SayAsync("promise Acme: send the contract tomorrow"))[^1];

        Assert.Equal("#3", third.Card!.Footnote);
        Assert.Equal("I can't find promise #4 among yours. Type `promises` to see them.", (await _host.SayAsync("done 4"))[^1].Text);
    }

    [DbFact]
    public async Task Russian_UsesTheOwnNumberToo()
    {
        await _host.SayAsync("promise Globex: send the deck tomorrow", user: "ivan");
        await _host.SayAsync("обещание Ромашка: отправить КП завтра", user: "olga", locale: "ru-RU");

        Assert.Equal("Не нахожу обещание №2 среди ваших. Напишите `обещания`, чтобы их увидеть.", (await _host.SayAsync("готово 2", user: "olga"))[^1].Text);
        Assert.StartsWith("Готово — в срок.", (await _host.SayAsync("готово №1", user: "olga"))[^1].Text);
        Assert.Equal(PromiseStatus.Open, (await PromiseAsync("send the deck")).Status);
    }

    [DbFact]
    public async Task DigitsOfOtherScripts_AreNotNumbers()
    {
        await _host.SayAsync("promise Acme: send the quote tomorrow");

        // Arabic-Indic one: not "done 1", and no crash parsing it.
        Assert.StartsWith("Which one? Add its number", (await _host.SayAsync("done \u0661"))[^1].Text);
        Assert.Equal(PromiseStatus.Open, (await PromiseAsync("send the quote")).Status);
    }

    [DbFact]
    public async Task LinkingTwoChats_NumbersTheMovedRowsAfterTheKeptOnes()
    {
        await _host.SayAsync("promise Acme: send the revised quote tomorrow", user: "29:olga", channel: "msteams");
        await _host.SayAsync("meeting Acme 2026-03-10 15:00", user: "29:olga", channel: "msteams");
        var issued = (await _host.SayAsync("link", user: "29:olga", channel: "msteams"))[^1].Text;
        var code = issued.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3].TrimEnd('(');
        await _host.SayAsync("promise Globex: send the contract 2026-03-12", user: "T1:U1", channel: "slack");
        await _host.SayAsync("promise Acme: send the deck 2026-03-13", user: "T1:U1", channel: "slack");
        await _host.SayAsync("meeting Globex 2026-03-11 10:00", user: "T1:U1", channel: "slack");

        await _host.SayAsync($"link {code}", user: "T1:U1", channel: "slack");

        var list = (await _host.SayAsync("promises", user: "T1:U1", channel: "slack"))[^1].Card!.Lines;
        Assert.Equal(["#1 Acme: send the revised quote", "#2 Globex: send the contract", "#3 Acme: send the deck"], list.Select(l => l[..l.IndexOf(" · ", StringComparison.Ordinal)]));
        var meetings = (await _host.SayAsync("meetings", user: "29:olga", channel: "msteams"))[^1].Card!.Lines;
        Assert.Equal(["#1 Acme", "#2 Globex"], meetings.Select(l => l[..l.IndexOf(" · ", StringComparison.Ordinal)]));
        var accounts = (await _host.SayAsync("accounts", user: "29:olga", channel: "msteams"))[^1].Card!.Lines;
        Assert.Equal(["#1 Acme", "#2 Globex"], accounts.Select(l => l[..l.IndexOf(" — ", StringComparison.Ordinal)]).Order());

        // A new one follows the highest number given, on either side before the link.
        var next = (await _host.SayAsync("promise Acme: send the minutes 2026-03-14", user: "29:olga", channel: "msteams"))[^1];
        Assert.Equal("#4", next.Card!.Footnote);
        Assert.StartsWith("Done", (await _host.SayAsync("done 3", user: "29:olga", channel: "msteams"))[^1].Text);
        Assert.Equal(PromiseStatus.Done, (await PromiseAsync("send the deck")).Status);
    }
}
