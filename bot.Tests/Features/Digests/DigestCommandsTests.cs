using AccountCoachBot.Tests.TestSupport;
using AccountCoachBot.Conversation;
using AccountCoachBot.Features.Coaching;
using AccountCoachBot.Features.ProactiveCalls;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AccountCoachBot.Tests.Features.Digests.DigestTestKit;

namespace AccountCoachBot.Tests.Features.Digests;

/// <summary>`digest me` and `digest definitions` through the real pipeline, in English and Russian.</summary>
public class DigestCommandsTests : IAsyncLifetime
{
    /// <summary>The database of the PostgreSQL variant (Data/Postgres); null: a SQLite file of each test's own.</summary>
    protected virtual PostgresDatabase? Postgres => null;

    private CoachTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.Zero), postgres: Postgres);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>An account added by chat, then two promises due in the week of 23 Nov: one kept on time, one moved after its date.</summary>
    private async Task SeedAsync(string user, string add, string locale, string zone)
    {
        await _host.SayAsync(add, user, timeZone: zone, locale: locale);
        await _host.WithDbAsync(async db =>
        {
            var owner = await db.People.SingleAsync(p => p.DisplayName == user);
            var account = await db.Accounts.SingleAsync(a => a.OwnerId == owner.Id);
            var kit = new DigestTestKit(db);
            kit.Promise(account, Utc(11, 20), Utc(11, 24, 16), done: Utc(11, 24, 10));
            kit.Promise(account, Utc(11, 20), Utc(11, 25, 16), moves: [(Utc(11, 26, 9), Utc(12, 4, 16))]);
            return 0;
        });
        _host.Time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
    }

    [DbFact]
    public async Task DigestMe_ShowsLastWeeksFigures_WithOneFocusAndItsPrinciple()
    {
        await SeedAsync("olga", "account add Acme key", "en-US", "Europe/Berlin");

        var reply = (await _host.SayAsync("digest me"))[^1];

        var card = reply.Card!;
        Assert.Equal("Your figures, 23–29 Nov 2026", card.Title);
        var facts = card.Facts.ToDictionary(f => f.Label, f => f.Value);
        Assert.Equal("2: 1 on time, 1 moved late", facts["Due"]);
        Assert.Equal("50% · trend – – – – – – – 50%", facts["On time"]);
        Assert.Equal("0 of 1 moves (0%)", facts["Told in time"]);
        Assert.StartsWith("1 of 1 moves came after the date", facts["Focus"]);
        Assert.Equal([PrincipleIds.AlwaysDoWhatYouSay], card.PrincipleIds);
        Assert.DoesNotContain("secret text", reply.Text);
    }

    [DbFact]
    public async Task DigestMe_AttachesTheTrendChart_WhenAPeriodHadPromisesDue()
    {
        await SeedAsync("olga", "account add Acme key", "en-US", "Europe/Berlin");

        var reply = (await _host.SayAsync("digest me"))[^1];

        var image = reply.Image!;
        var png = PngImage.Read(image.Png);
        Assert.InRange(png.Width, 1, 1024);
        Assert.InRange(png.Height, 1, 1024);
        Assert.Contains("50%", image.AltText);
    }

    [DbFact]
    public async Task DigestMe_ReadsLastMonth_InRussian()
    {
        await SeedAsync("ivan", "добавить клиента Ромашка", "ru-RU", "Europe/Moscow");

        var card = (await _host.SayAsync("сводка моя прошлый месяц", "ivan", timeZone: "Europe/Moscow", locale: "ru-RU"))[^1].Card!;

        Assert.Equal("Ваши показатели, 1–30 нояб. 2026", card.Title);
        var facts = card.Facts.ToDictionary(f => f.Label, f => f.Value);
        Assert.Equal("2: в срок: 1, перенесено после срока: 1", facts["Со сроком в периоде"]);
        Assert.Equal("`сводка определения` объясняет каждый показатель.", card.Footnote);
    }

    [DbTheory]
    [InlineData("digest me 2026-11-30 2026-11-01", "en-US", "That period ends before it starts: put the earlier date first.")]
    [InlineData("сводка моя 2026-11-30 2026-11-01", "ru-RU", "Период заканчивается раньше, чем начинается: сначала укажите более раннюю дату.")]
    [InlineData("digest me 2024-01-01 2026-11-01", "en-US", "That's longer than a year: pick at most 366 days.")]
    [InlineData("моя сводка за позавчера", "ru-RU", "Не понял период. Попробуйте: `сводка моя`, `сводка моя прошлый месяц` или `сводка моя 2026-11-01 2026-11-30`.")]
    public async Task DigestMe_AnswersABadPeriodPolitely_InThePersonsLanguage(string text, string locale, string expected)
    {
        var replies = await _host.SayAsync(text, locale: locale);

        Assert.Equal(expected, replies[^1].Text);
        Assert.Null(replies[^1].Card);
    }

    [DbTheory]
    [InlineData("digest definitions", "en-US", "How the digest counts", "On time: kept on time ÷ due, with the last 8 periods as a trend.")]
    [InlineData("сводка определения", "ru-RU", "Как считается сводка", "В срок: выполнено в срок ÷ со сроком в периоде, с динамикой за 8 последних периодов.")]
    public async Task DigestDefinitions_ExplainsEachFigureInOneLine(string text, string locale, string title, string onTime)
    {
        var card = (await _host.SayAsync(text, locale: locale))[^1].Card!;

        Assert.Equal(title, card.Title);
        Assert.Equal(13, card.Lines.Count);
        Assert.Contains(onTime, card.Lines);
        Assert.All(card.Lines, line => Assert.DoesNotContain('\n', line));
    }

    [DbFact]
    public async Task DigestMe_CountsAnAccountMarkedLostInTheWeek_AsChurn()
    {
        await _host.SayAsync("account add Acme");
        await _host.SayAsync("account add Globex");
        _host.Time.SetUtcNow(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
        await _host.SayAsync("account Globex lost: chose a cheaper vendor");
        _host.Time.SetUtcNow(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));

        var facts = (await _host.SayAsync("digest me"))[^1].Card!.Facts.ToDictionary(f => f.Label, f => f.Value);

        Assert.Equal("1 of 2 (50%)", facts["Churn"]);
        Assert.Equal("0 of 1 (0%)", facts["Regular clients"]);
        Assert.DoesNotContain("Globex", facts.GetValueOrDefault("Cold now") ?? "");
    }
}
