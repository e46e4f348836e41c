using AccountCoachBot.Features.Calendar;
using AccountCoachBot.Features.ProactiveCalls.Import;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountCoachBot.Tests.Features.Calendar;

/// <summary>`account Acme domain acme.com` and the CSV's domains column: checked, one client per domain, shown in `accounts`.</summary>
public sealed class AccountDomainTests : IAsyncLifetime
{
    private CoachTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await CalendarTestKit.StartAsync(CalendarTestKit.Utc(2026, 3, 4, 9));
        await _host.TellAsync("account add Acme key");
        await _host.TellAsync("account add Globex");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<List<string>> DomainsAsync(string account) =>
        _host.WithDbAsync(db => db.Set<AccountDomain>().Where(d => d.Account!.Name == account).Select(d => d.Domain).OrderBy(d => d).ToListAsync());

    [Fact]
    public async Task AccountDomain_StoresTidiedDomains_AndAccountsShowsThem()
    {
        var reply = await _host.TellAsync("account Acme domains @ACME.com, https://www.acme.de/ eu.acme.com");

        Assert.Equal("Acme: domains acme.com, acme.de, eu.acme.com. A calendar invite with someone from there is a meeting with Acme.", reply);
        Assert.Equal(["acme.com", "acme.de", "eu.acme.com"], await DomainsAsync("Acme"));
        var accounts = await _host.TellAsync("accounts");
        Assert.Contains("Acme — ", accounts);
        Assert.Contains("domains acme.com, acme.de, eu.acme.com", accounts);
    }

    [Fact]
    public async Task AccountDomain_InRussian_FindsTheClientInAnyCase_AndKeepsACyrillicDomain()
    {
        await _host.TellAsync("клиент добавить Ромашка");
        await _host.TellAsync("language ru");

        var reply = await _host.TellAsync("клиент Ромашки домен ромашка.рф");

        Assert.Equal("Ромашка: домены ромашка.рф. Встреча в календаре с кем-то оттуда — встреча с этим клиентом.", reply);
        Assert.Equal(["xn--80aa3agjl3d.xn--p1ai"], await DomainsAsync("Ромашка"));
    }

    [Theory]
    [InlineData("account Acme domain gmail.com", "gmail.com is a public mail service")]
    [InlineData("account Acme domain not_a_domain", "\"not_a_domain\" isn't an email domain")]
    [InlineData("account Initech domain initech.com", "I don't know Initech among your accounts")]
    public async Task AccountDomain_RefusesPolitelyAndChangesNothing_WhenTheInputIsBad(string text, string expected)
    {
        var reply = await _host.TellAsync(text);

        Assert.Contains(expected, reply);
        Assert.Equal(0, await _host.WithDbAsync(db => db.Set<AccountDomain>().CountAsync()));
    }

    [Fact]
    public async Task AccountDomain_RefusesADomainAnotherClientHas_UntilItIsFreed()
    {
        await _host.TellAsync("account Acme domain acme.com");

        Assert.Equal("acme.com is already Acme's domain. One domain, one client: `account Acme domain off` frees it.", await _host.TellAsync("account Globex domain acme.com"));
        Assert.Equal("Acme: no domains now.", await _host.TellAsync("account Acme domain off"));
        Assert.StartsWith("Globex: domains acme.com.", await _host.TellAsync("account Globex domain acme.com"));
    }

    private async Task<ImportReport> ImportAsync(string csv)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await ActivatorUtilities.CreateInstance<AccountImporter>(scope.ServiceProvider).ImportAsync(new StringReader(csv));
    }

    [Fact]
    public async Task Import_DomainsColumn_ReplacesTheDomains_AndExportWritesThemBack()
    {
        var report = await ImportAsync($"name,owner_email,domains\nAcme,{CalendarTestKit.Email},acme.com;acme.de\nInitech,{CalendarTestKit.Email},initech.com\n");

        Assert.True(report.Ok, string.Join("; ", report.Errors));
        Assert.Equal(["acme.com", "acme.de"], await DomainsAsync("Acme"));
        Assert.Equal(["initech.com"], await DomainsAsync("Initech"));

        var output = new StringWriter();
        await using (var scope = _host.Services.CreateAsyncScope())
            await AccountExporter.ExportAsync(scope.ServiceProvider.GetRequiredService<AccountCoachBot.Data.CoachDbContext>(),
                scope.ServiceProvider.GetRequiredService<AccountCoachBot.Conversation.Destinations>(), output);
        Assert.Contains("Acme,olga@ourco.com,standard,,,,acme.com acme.de", output.ToString());
    }

    [Fact]
    public async Task Import_ReportsBadAndClashingDomainsByLine_AndWritesNothing()
    {
        await _host.TellAsync("account Globex domain globex.com");

        var report = await ImportAsync($"name,owner_email,domains\nAcme,{CalendarTestKit.Email},yandex.ru\nInitech,{CalendarTestKit.Email},globex.com\n");

        Assert.Equal([
            "line 2: domains: yandex.ru is a public mail service, not a client's domain",
            "line 3: domains: globex.com is already Globex's domain",
        ], report.Errors);
        Assert.Empty(await DomainsAsync("Acme"));
        Assert.False(await _host.WithDbAsync(db => db.Accounts.AnyAsync(a => a.Name == "Initech")));
    }
}
