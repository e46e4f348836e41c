using AccountCoachBot.Features.Promises;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Tests.Features.Promises;

/// <summary>One Russian client, whatever case its name is typed in: through the real pipeline on a real database.</summary>
public sealed class RussianClientCasesTests : IAsyncLifetime
{
    private CoachTestHost _host = null!;

    // Wed 2026-03-04 10:00 Berlin.
    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<IReadOnlyList<AccountCoachBot.Conversation.Reply>> SayAsync(string text) => _host.SayAsync(text, locale: "ru-RU");

    private Task<List<string>> AccountNamesAsync() => _host.WithDbAsync(db => db.Accounts.OrderBy(a => a.Id).Select(a => a.Name).ToListAsync());

    [Fact]
    public async Task Capture_ProposesTheNominative_WhenANewClientIsNamedInTheDative()
    {
        var ask = (await SayAsync("Обещал Ромашке прислать акт сверки до пятницы"))[^1];

        Assert.StartsWith("Добавить клиента «Ромашка» и сохранить обещание?", ask.Text);
        Assert.Equal(["Добавить «Ромашка»", "Добавить «Ромашке»", "Нет"], ask.Card!.Actions!.Select(a => a.Label));
        Assert.All(ask.Card.Actions!, a => Assert.Equal(PromiseActions.Create, a.Id));
    }

    [Fact]
    public async Task Capture_KeepsOneClient_WhenPromiseMeetingAndCallNameItInDifferentCases()
    {
        await SayAsync("Обещал Ромашке прислать акт сверки до пятницы");
        var saved = (await SayAsync("да"))[^1];
        Assert.StartsWith("Сохранено: Ромашка — прислать акт сверки", saved.Text);

        var meeting = (await SayAsync("встреча с Ромашкой завтра в 15:00 важная"))[^1];
        Assert.StartsWith("Встреча сохранена: Ромашка", meeting.Card!.Title);
        await SayAsync("позвонил в Ромашку: обсудили акт");

        Assert.Equal(["Ромашка"], await AccountNamesAsync());
        var list = string.Join('\n', (await SayAsync("клиенты")).Select(r => r.Text));
        Assert.Contains("Ромашка", list);
        Assert.DoesNotContain("Ромашке", list);
        // The prep checklist asks about the open promise: the promise and the meeting are one client's.
        var prep = new List<string>();
        prep.AddRange((await SayAsync("подготовка Ромашка")).Select(r => r.Text));
        for (var i = 0; i < 10 && !prep.Any(t => t.Contains("открытые обещания", StringComparison.Ordinal)); i++)
            prep.AddRange((await SayAsync("пропустить")).Select(r => r.Text));
        Assert.Contains(prep, t => t.Contains("У вас есть открытые обещания клиенту (Ромашка)", StringComparison.Ordinal));
        var touches = await _host.WithDbAsync(db => db.Set<AccountCoachBot.Features.ProactiveCalls.Touch>().CountAsync());
        Assert.True(touches >= 1);
    }

    [Fact]
    public async Task Schedule_AddsTheClientInTheNominative_WhenTheFirstMeetingNamesItInTheInstrumental()
    {
        var meeting = (await SayAsync("встреча с Ромашкой завтра 15:00"))[^1];

        Assert.StartsWith("Встреча сохранена: Ромашка", meeting.Card!.Title);
        Assert.Contains("Записал нового клиента «Ромашка». Если название другое: `клиент Ромашка переименовать в …`.", meeting.Text);
        Assert.Equal(["Ромашка"], await AccountNamesAsync());

        // The promise and the call that follow find that client in their cases.
        Assert.StartsWith("Сохранено: Ромашка — прислать акт сверки", (await SayAsync("Обещал Ромашке прислать акт сверки до пятницы"))[^1].Text);
        await SayAsync("позвонил в Ромашку: обсудили акт");
        Assert.Equal(["Ромашка"], await AccountNamesAsync());
        Assert.Equal(1, await _host.WithDbAsync(db => db.Set<AccountCoachBot.Features.ProactiveCalls.Touch>().CountAsync()));
    }

    [Theory]
    [InlineData("встреча с Северсталью завтра 15:00", "Северсталь")]
    [InlineData("встреча с Васильком завтра 15:00", "Василёк")]
    [InlineData("встреча с Газпром нефтью завтра 15:00", "Газпром нефть")]
    [InlineData("встреча с Магнитом завтра 15:00", "Магнит")]
    public async Task Schedule_AddsTheNominative_WhenANewClientIsNamedInTheInstrumental(string text, string expected)
    {
        var meeting = (await SayAsync(text))[^1];

        Assert.Equal([expected], await AccountNamesAsync());
        Assert.Contains($"Записал нового клиента «{expected}».", meeting.Text);
    }

    [Theory]
    [InlineData("встреча у Яндекса завтра 15:00", "Яндекс")]
    [InlineData("встреча у Газпрома завтра 15:00", "Газпром")]
    [InlineData("встреча у Василька завтра 15:00", "Василёк")]
    [InlineData("встреча у Ромашки завтра 15:00", "Ромашка")]
    [InlineData("встреча у Северстали завтра 15:00", "Северсталь")]
    public async Task Schedule_ReadsTheNameBackFromTheGenitive_WhenANewClientFollowsУ(string text, string expected)
    {
        var meeting = (await SayAsync(text))[^1];

        Assert.Equal([expected], await AccountNamesAsync());
        Assert.Contains($"Записал нового клиента «{expected}».", meeting.Text);
    }

    [Theory]
    [InlineData("встреча Ромашка завтра 15:00", "ru-RU", "Ромашка")]
    [InlineData("встреча с Globex завтра 15:00", "ru-RU", "Globex")]
    [InlineData("meeting with Acme Corp tomorrow 15:00", "en-US", "Acme Corp")]
    public async Task Schedule_KeepsTheNameAsTyped_WhenItIsNominativeOrLatin(string text, string locale, string expected)
    {
        var meeting = (await _host.SayAsync(text, locale: locale))[^1];

        Assert.Equal([expected], await AccountNamesAsync());
        Assert.DoesNotContain("Записал", meeting.Text);
        Assert.DoesNotContain("rename", meeting.Text);
    }

    [Fact]
    public async Task AddAccount_AddsTheNominative_WhenTheNameIsTypedInTheAccusative()
    {
        var reply = (await SayAsync("добавить клиента Ромашку"))[^1];

        Assert.StartsWith("Добавлен клиент Ромашка", reply.Text);
        Assert.Contains("Если название другое: `клиент Ромашка переименовать в …`.", reply.Text);
        Assert.Equal(["Ромашка"], await AccountNamesAsync());
    }

    [Fact]
    public async Task Capture_TakesTheTypedName_WhenTheAnswerIsTheExactName()
    {
        await SayAsync("Обещал Ромашке прислать акт сверки до пятницы");

        var saved = (await SayAsync("Ромашка-Плюс"))[^1];

        Assert.StartsWith("Сохранено: Ромашка-Плюс — прислать акт сверки", saved.Text);
        Assert.Equal(["Ромашка-Плюс"], await AccountNamesAsync());
    }

    [Fact]
    public async Task Capture_AsksTheUsualQuestion_WhenTheNewNameIsLatin()
    {
        var ask = (await SayAsync("Обещал Globex прислать акт сверки до пятницы"))[^1];

        Assert.StartsWith("Globex — новый для меня клиент.", ask.Text);
        await SayAsync("да");
        Assert.Equal(["Globex"], await AccountNamesAsync());
    }

    [Fact]
    public async Task Capture_FindsTheKnownClient_WhenItsNameHasAFleetingVowel()
    {
        await SayAsync("обещание Василёк: отправить КП до пятницы");

        var saved = (await SayAsync("Обещал Васильку прислать счёт до пятницы"))[^1];

        Assert.StartsWith("Сохранено: Василёк — прислать счёт", saved.Text);
        Assert.Equal(["Василёк"], await AccountNamesAsync());
    }

    [Fact]
    public async Task Rename_GivesTheClientItsNominative_WhenItWasSavedInAnObliqueCase()
    {
        await SayAsync("обещание Ромашке: прислать счёт до пятницы");
        Assert.Equal(["Ромашке"], await AccountNamesAsync());

        var reply = (await SayAsync("клиент Ромашке переименовать в Ромашка"))[^1];

        Assert.Equal("Переименовал: клиент «Ромашке» теперь «Ромашка».", reply.Text);
        Assert.Equal(["Ромашка"], await AccountNamesAsync());
        Assert.Equal("Ромашка", await _host.WithDbAsync(db => db.Promises.Select(p => p.Account!.Name).SingleAsync()));
    }

    [Fact]
    public async Task Merge_MovesPromisesMeetingsAndCalls_WhenOneClientWasSplitInTwo()
    {
        await SayAsync("обещание Ромашке: прислать счёт до пятницы");
        await SayAsync("встреча Ромашка 10.03 в 15:00");
        await SayAsync("позвонил Ромашке: обсудили счёт");
        Assert.Equal(["Ромашке", "Ромашка"], await AccountNamesAsync());

        var reply = (await SayAsync("клиент Ромашке объединить с Ромашка"))[^1];

        Assert.StartsWith("Готово: клиент «Ромашке» объединён с «Ромашка»", reply.Text);
        Assert.Equal(["Ромашка"], await AccountNamesAsync());
        var id = await _host.WithDbAsync(db => db.Accounts.Select(a => a.Id).SingleAsync());
        Assert.Equal(id, await _host.WithDbAsync(db => db.Promises.Select(p => p.AccountId).SingleAsync()));
        Assert.Equal(id, await _host.WithDbAsync(db => db.Set<AccountCoachBot.Features.MeetingPrep.Meeting>().Select(m => m.AccountId).SingleAsync()));
        Assert.All(await _host.WithDbAsync(db => db.Set<AccountCoachBot.Features.ProactiveCalls.Touch>().Select(t => t.AccountId).ToListAsync()), a => Assert.Equal(id, a));
    }

    [Fact]
    public async Task Merge_ChangesNothing_WhenTheClientIsUnknown()
    {
        await SayAsync("обещание Ромашка: прислать счёт до пятницы");

        var reply = (await _host.SayAsync("account Globex merge into Ромашка"))[^1];

        Assert.Equal("I can't find a client Globex. `accounts` lists yours.", reply.Text);
        Assert.Equal(["Ромашка"], await AccountNamesAsync());
    }

    [Fact]
    public async Task Capture_StoresTheContact_WhenThePromiseNamesAPersonAtTheClient()
    {
        await SayAsync("обещание Ромашка: прислать счёт до пятницы");

        var saved = (await SayAsync("Обещал Ольге из Ромашки прислать КП до пятницы"))[^1];

        Assert.StartsWith("Сохранено: Ромашка — прислать КП", saved.Text);
        Assert.Contains(saved.Card!.Facts!, f => f.Label == "Контакт" && f.Value == "Ольга");
        var promise = await _host.WithDbAsync(db => db.Promises.OrderBy(p => p.Id).LastAsync());
        Assert.Equal("Ольга", promise.Contact);
        Assert.Equal("прислать КП", promise.What);
    }

    [Theory]
    [InlineData("Ромашка", "Скажите Ромашке сегодня")]
    [InlineData("Газпром нефть", "Скажите Газпром нефти сегодня")]
    [InlineData("Acme", "Скажите Acme сегодня")]
    public async Task Move_TellsWhomInTheDative_WhenTheCoachSaysToTellTheClient(string client, string expected)
    {
        await SayAsync($"обещание {client}: прислать акт сверки до пятницы");

        var moved = (await SayAsync("перенести 1 на 2026-03-10, потому что бухгалтерия не успевает"))[^1];

        Assert.Contains(expected, moved.Text);
    }
}
