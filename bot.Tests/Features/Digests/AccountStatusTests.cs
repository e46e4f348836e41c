using AccountCoachBot.Features.ProactiveCalls;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Tests.Features.Digests;

/// <summary>`account Acme lost: …` and `account Acme won back`, in English and Russian, through the pipeline.</summary>
public sealed class AccountStatusTests : IAsyncLifetime
{
    private CoachTestHost _host = null!;

    // Wed 4 Mar 2026, 10:00 in Berlin.
    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<AccountCoachBot.Features.People.Account> AccountAsync(string name) =>
        _host.WithDbAsync(db => db.Accounts.AsNoTracking().SingleAsync(a => a.Name == name));

    [Fact]
    public async Task Lost_StoresWhenAndWhy_AndListsTheAccountLast()
    {
        await _host.SayAsync("account add Acme key");
        await _host.SayAsync("account add Globex");

        var reply = (await _host.SayAsync("account Acme lost: chose a cheaper vendor"))[^1].Text;
        var list = (await _host.SayAsync("accounts"))[^1].Card!;

        Assert.Equal("Marked Acme lost (chose a cheaper vendor). No more call nudges for it; `account Acme won back` if they return.", reply);
        var acme = await AccountAsync("Acme");
        Assert.Equal((new DateTime(2026, 3, 4, 9, 0, 0), "chose a cheaper vendor", true), (acme.LostUtc, acme.LostReason, acme.IsLost));
        Assert.Equal("#1 Acme — lost Wed 4 Mar: chose a cheaper vendor", list.Lines[^1]);
    }

    [Fact]
    public async Task Lost_AsksWhy_AndChangesNothing_WhenNoReasonIsGiven()
    {
        await _host.SayAsync("account add Acme");

        var reply = (await _host.SayAsync("account Acme lost"))[^1].Text;

        Assert.Equal("Say why in a few words, so the team can learn from it: `account Acme lost: chose a cheaper vendor`.", reply);
        Assert.Null((await AccountAsync("Acme")).LostUtc);
    }

    [Fact]
    public async Task WonBack_RestartsTheCadence_AndKeepsTheLossForChurn()
    {
        await _host.SayAsync("account add Acme");
        await _host.SayAsync("account Acme lost: budget frozen");
        _host.Time.SetUtcNow(new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero));

        var reply = (await _host.SayAsync("account Acme won back"))[^1].Text;
        var again = (await _host.SayAsync("account Acme won back"))[^1].Text;

        Assert.Equal("Welcome back, Acme: call nudges are on again, counted from today.", reply);
        Assert.Equal("Acme isn't marked lost: nothing to change.", again);
        var acme = await AccountAsync("Acme");
        Assert.Equal((false, new DateTime(2026, 3, 4, 9, 0, 0)), (acme.IsLost, acme.LostUtc));
        var cadence = await _host.WithDbAsync(db => db.Set<AccountCadence>().SingleAsync());
        Assert.Equal(new DateTime(2026, 4, 1, 9, 0, 0), cadence.StartedUtc);
    }

    [Fact]
    public async Task LostAndWonBack_ReadNaturalRussian()
    {
        const string ru = "ru-RU";
        await _host.SayAsync("добавить клиента Ромашка", locale: ru);

        var lost = (await _host.SayAsync("клиент Ромашка ушёл: выбрали поставщика дешевле", locale: ru))[^1].Text;
        var back = (await _host.SayAsync("клиент Ромашка вернулся", locale: ru))[^1].Text;

        Assert.Equal("Ромашка: отмечено, что клиент ушёл (выбрали поставщика дешевле). Напоминаний о звонках больше не будет; если вернётся — `клиент Ромашка вернулся`.", lost);
        Assert.Equal("Ромашка снова с вами: напоминания о звонках снова включены, отсчёт с сегодняшнего дня.", back);
    }

    [Fact]
    public async Task Lost_SaysItDoesNotKnowTheAccount_RatherThanInventingIt()
    {
        var reply = (await _host.SayAsync("account Initech lost: merged"))[^1].Text;

        Assert.StartsWith("I don't know Initech among your accounts.", reply);
        Assert.Equal(0, await _host.WithDbAsync(db => db.Accounts.CountAsync()));
    }

    [Fact]
    public async Task LostAccount_GetsNoCallNudge_WhenItsCadenceRunsOut()
    {
        await _host.SayAsync("account add Acme key");
        await _host.SayAsync("account add Globex key");
        await _host.SayAsync("account Acme lost: went in-house");
        _host.Time.SetUtcNow(new DateTimeOffset(2026, 3, 25, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal(1, await _host.Dispatcher.RunAsync());
        var sent = Assert.Single(_host.Sender.Sent);
        Assert.Contains("Globex", sent.Reply.Text);
        Assert.DoesNotContain("Acme", sent.Reply.Text);
    }
}
