using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountCoachBot.Tests.Conversation;

public class TurnPipelineTests : IAsyncLifetime
{
    /// <summary>The database of the PostgreSQL variant (Data/Postgres); null: a SQLite file of each test's own.</summary>
    protected virtual PostgresDatabase? Postgres => null;

    private CoachTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero), postgres: Postgres);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<Person> PersonAsync(string user = "olga") =>
        _host.WithDbAsync(db => db.People.SingleAsync(p => p.Identities.Any(i => i.ExternalId == user)));

    [DbFact]
    public async Task Handle_WelcomesOnce_WithTheZoneItAssumed()
    {
        var first = await _host.SayAsync("settings", timeZone: null);
        var second = await _host.SayAsync("settings", timeZone: null);

        Assert.Equal(2, first.Count);
        Assert.Contains("I assumed UTC", first[0].Text);
        Assert.Contains("promise Acme:", first[0].Text);
        Assert.Single(second);
    }

    [DbFact]
    public async Task Handle_TakesZoneFromChannel_UntilPersonSetsOne()
    {
        await _host.SayAsync("hi", timeZone: "Europe/Berlin");
        Assert.Equal(("Europe/Berlin", TimeZoneSource.Activity), ((await PersonAsync()).TimeZoneId, (await PersonAsync()).TimeZoneSource));

        Assert.StartsWith("Time zone set: America/New_York. It's 04:00 there now.", (await _host.SayAsync("timezone America/New_York"))[^1].Text);
        await _host.SayAsync("hi", timeZone: "Europe/Berlin");

        Assert.Equal("America/New_York", (await PersonAsync()).TimeZoneId);
    }

    [DbFact]
    public async Task Handle_RefusesUnknownZone_AndKeepsTheOld()
    {
        await _host.SayAsync("hi");
        var reply = (await _host.SayAsync("timezone Mars/Olympus"))[^1];

        Assert.StartsWith("I don't know the time zone \"Mars/Olympus\"", reply.Text);
        Assert.Equal("Europe/Berlin", (await PersonAsync()).TimeZoneId);
    }

    [DbFact]
    public async Task Handle_SpeaksRussian_WhenMessageIsInCyrillic()
    {
        var replies = await _host.SayAsync("настройки", locale: "en-US");

        Assert.StartsWith("Здравствуйте!", replies[0].Text);
        Assert.Equal("Ваши настройки", replies[1].Card!.Title);
        Assert.Equal(Language.Ru, (await PersonAsync()).Language);
    }

    [DbFact]
    public async Task Handle_KeepsChosenLanguage_WhenScriptDiffers()
    {
        await _host.SayAsync("language ru");
        var reply = (await _host.SayAsync("settings"))[^1];

        Assert.Equal("Ваши настройки", reply.Card!.Title);
    }

    [DbTheory]
    [InlineData("hours 18:00-09:00")]
    [InlineData("hours nine to five")]
    [InlineData("workdays someday")]
    public async Task Handle_RefusesBadSettings_AndChangesNothing(string command)
    {
        await _host.SayAsync("hi");
        var before = await PersonAsync();

        var reply = (await _host.SayAsync(command))[^1];

        Assert.StartsWith(command.StartsWith("hours") ? "Give hours like" : "Give days like", reply.Text);
        var after = await PersonAsync();
        Assert.Equal((before.WorkStart, before.WorkEnd, before.WorkDaysMask), (after.WorkStart, after.WorkEnd, after.WorkDaysMask));
    }

    [DbFact]
    public async Task Handle_SetsHoursAndDays()
    {
        await _host.SayAsync("hours 08:30-17:30");
        var reply = (await _host.SayAsync("workdays sun-thu"))[^1];

        Assert.Equal("Working days: Mon, Tue, Wed, Thu, Sun.", reply.Text);
        var person = await PersonAsync();
        Assert.Equal((new TimeOnly(8, 30), new TimeOnly(17, 30)), (person.WorkStart, person.WorkEnd));
        Assert.False(person.Hours.IsWorkday(DayOfWeek.Friday));
    }

    [DbFact]
    public async Task Handle_DropsRepeatedDelivery()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var pipeline = scope.ServiceProvider.GetRequiredService<TurnPipeline>();
        var message = new InboundMessage("test", "delivery-1", new Sender("olga", "Olga"), new InboundAddress(CoachTestHost.Transport, "test|olga", "{}"), "promises");

        Assert.NotEmpty(await pipeline.HandleAsync(message, CancellationToken.None));
        await using var scope2 = _host.Services.CreateAsyncScope();
        Assert.Empty(await scope2.ServiceProvider.GetRequiredService<TurnPipeline>().HandleAsync(message, CancellationToken.None));
    }

    [DbFact]
    public async Task Handle_SaysItDidNotUnderstand_WithAnExample()
    {
        await _host.SayAsync("hi");
        var reply = (await _host.SayAsync("blah blah"))[^1];

        Assert.Equal("I didn't catch that. Try: `promise Acme: send the quote by Friday`, or `help`.", reply.Text);
    }

    [DbFact]
    public async Task Why_ShowsThePrincipleAndItsSource()
    {
        var reply = (await _host.SayAsync("why always-do-what-you-say"))[^1];

        Assert.Contains("Source: seed 004", reply.Text);
    }

    [DbFact]
    public async Task Pause_StopsNudges_ResumeBringsThemBack()
    {
        await _host.SayAsync("promise Acme: send the quote in 30 minutes"); // due Wed 10:30 Berlin
        Assert.StartsWith("Paused", (await _host.SayAsync("pause"))[^1].Text);

        // Paused: the due time passes, the day ends, the next working morning's overdue list comes due;
        // the dispatcher runs every half hour throughout and nothing reaches the channel.
        await RunDispatcherEveryHalfHourUntilAsync(new DateTimeOffset(2026, 3, 5, 10, 0, 0, TimeSpan.Zero)); // Thu 11:00 Berlin
        Assert.Empty(_host.Sender.Sent);

        // Resumed: the next run brings the still-open promise back, in the day's overdue list.
        Assert.StartsWith("Resumed", (await _host.SayAsync("resume"))[^1].Text);
        Assert.Equal(1, await _host.Dispatcher.RunAsync());
        var list = Assert.Single(_host.Sender.Sent).Reply;
        Assert.Equal("Overdue promises (1)", list.Card!.Title);
        Assert.Contains("Acme", PlainTextRenderer.Render(list));
    }

    private async Task RunDispatcherEveryHalfHourUntilAsync(DateTimeOffset until)
    {
        while (_host.Time.GetUtcNow() < until)
        {
            _host.Time.Advance(TimeSpan.FromMinutes(30));
            await _host.Dispatcher.RunAsync();
        }
    }

    [DbFact]
    public async Task Settings_ShowEachFeaturesSwitches()
    {
        await _host.SayAsync("mute calls");
        await _host.SayAsync("prep lead 2h");
        await _host.SayAsync("vacation 2026-03-09 2026-03-13");

        var card = (await _host.SayAsync("settings"))[^1].Card!;

        Assert.Contains(card.Facts, f => f.Label == "Call nudges" && f.Value.StartsWith("muted"));
        Assert.Contains(card.Facts, f => f.Label == "Meeting prep" && f.Value == "the afternoon before, 120 min before");
        Assert.Contains(card.Facts, f => f.Label == "Vacation" && f.Value == "9 Mar – 13 Mar");
    }
}
