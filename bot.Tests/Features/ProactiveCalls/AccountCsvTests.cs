using AccountCoachBot.Conversation;
using AccountCoachBot.Data;
using AccountCoachBot.Features.ProactiveCalls;
using AccountCoachBot.Features.ProactiveCalls.Import;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountCoachBot.Tests.Features.ProactiveCalls;

/// <summary>CSV in and out: quotes and commas, every bad row reported by its line, nothing half-imported.</summary>
public sealed class AccountCsvTests : IAsyncLifetime
{
    private const string Header = "name,owner_email,tier,cadence_days,last_contact,slack_channel";
    private CoachTestHost _host = null!;

    // Wed 2026-03-04 10:00 Berlin.
    public async Task InitializeAsync()
    {
        _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
        await _host.SayAsync("hello", user: "olga", email: "Olga@Example.com");
        await _host.SayAsync("hello", user: "sam", email: "sam@example.com", timeZone: "America/New_York");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<ImportReport> ImportAsync(string csv)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var importer = ActivatorUtilities.CreateInstance<AccountImporter>(scope.ServiceProvider);
        return await importer.ImportAsync(new StringReader(csv));
    }

    private Task<List<AccountCadence>> CadencesAsync() =>
        _host.WithDbAsync(db => db.Set<AccountCadence>().Include(c => c.Account).OrderBy(c => c.Account!.Name).ToListAsync());

    [Fact]
    public void Read_KeepsCommasQuotesAndLineBreaksInsideQuotes_AndNumbersRecordsByTheirFirstLine()
    {
        var csv = "name,note\r\n\"Smith, Jones & Co\",\"said \"\"hi\"\"\"\n\nAcme,\"two\nlines\"\nGlobex,  spaced  \n";

        var records = Csv.Read(new StringReader(csv)).ToList();

        Assert.Equal([1, 2, 4, 6], records.Select(r => r.Line));
        Assert.Equal(["Smith, Jones & Co", "said \"hi\""], records[1].Fields);
        Assert.Equal(["Acme", "two\nlines"], records[2].Fields);
        Assert.Equal(["Globex", "spaced"], records[3].Fields);
        Assert.Equal("\"Smith, Jones & Co\",\"said \"\"hi\"\"\",plain", Csv.Line(["Smith, Jones & Co", "said \"hi\"", "plain"]));
    }

    [Theory]
    [InlineData("name\n\"open,quote\n", 2, "never closed")]
    [InlineData("name\nAc\"me\n", 2, "quote inside an unquoted field")]
    [InlineData("name\n\"Acme\"x\n", 2, "after a closing quote")]
    public void Read_ReportsTheLine_WhenTheCsvIsMalformed(string csv, int line, string message)
    {
        var error = Assert.Throws<CsvFormatException>(() => Csv.Read(new StringReader(csv)).ToList());
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task Import_CreatesAccountsWithTierCadenceAndLastContact_WhenEveryRowIsGood()
    {
        var report = await ImportAsync($"""
            {Header}
            Acme,olga@example.com,key,,2026-02-20,
            "Smith, Jones & Co",OLGA@EXAMPLE.COM,standard,45,,
            Initech,sam@example.com,,,2026-03-03,
            """);

        Assert.True(report.Ok, string.Join("\n", report.Errors));
        Assert.Equal((3, 0), (report.Created, report.Updated));
        var cadences = await CadencesAsync();
        Assert.Equal(["Acme", "Initech", "Smith, Jones & Co"], cadences.Select(c => c.Account!.Name));
        Assert.Equal((AccountTier.Key, (int?)null), (cadences[0].Tier, cadences[0].CadenceDays));
        Assert.Equal(new DateTime(2026, 2, 20, 11, 0, 0, DateTimeKind.Utc), cadences[0].LastContactUtc); // noon in Berlin
        Assert.Equal(new DateTime(2026, 3, 3, 17, 0, 0, DateTimeKind.Utc), cadences[1].LastContactUtc);  // noon in New York
        Assert.Equal((AccountTier.Standard, (int?)45, (DateTime?)null), (cadences[2].Tier, cadences[2].CadenceDays, cadences[2].LastContactUtc));
        Assert.Equal(2, await _host.WithDbAsync(db => db.Set<Touch>().CountAsync(t => t.Kind == TouchKind.Imported)));
    }

    [Fact]
    public async Task Import_ReportsEveryBadRowByLine_AndImportsNothing()
    {
        await _host.SayAsync("account add Acme key");
        var before = await CadencesAsync();

        var report = await ImportAsync($"""
            {Header}
            Globex,olga@example.com,key,,2026-02-20,
            Acme,olga@example.com,gold,,,
            ,olga@example.com,,,,
            Initech,nobody@example.com,,,,
            Hooli,olga@example.com,,0,2026-02-30,
            Umbrella,olga@example.com,,,2026-03-20,
            Globex,olga@example.com,,,,
            Wayne,olga@example.com,,,,C0SALES
            Stark,olga@example.com,key
            """);

        Assert.False(report.Ok);
        Assert.Equal(
        [
            "line 3: tier \"gold\" is neither key nor standard",
            "line 4: name is empty",
            "line 5: owner nobody@example.com is not known to the bot yet (they need to message the bot once, in Teams or Slack)",
            "line 6: cadence_days \"0\" is not a number of days from 1 to 365; last_contact \"2026-02-30\" is not a date like 2026-03-01",
            "line 7: last_contact 2026-03-20 is in the future",
            "line 8: Globex for olga@example.com is already on line 2",
            "line 9: slack_channel is set but olga@example.com has no Slack identity the bot knows (they need to message the bot in Slack once)",
            "line 10: 3 fields, the header has 6",
        ], report.Errors);
        var after = await CadencesAsync();
        Assert.Equal(["Acme"], after.Select(c => c.Account!.Name));
        Assert.Equal((before[0].Tier, before[0].LastContactUtc), (after[0].Tier, after[0].LastContactUtc));
        Assert.Equal(0, await _host.WithDbAsync(db => db.Set<Touch>().CountAsync()));
    }

    [Fact]
    public async Task Import_RefusesTheWholeFile_WhenTheHeaderIsWrong()
    {
        var report = await ImportAsync("name,owner,tier\nAcme,olga@example.com,key\n");

        Assert.Equal(["line 1: unknown column \"owner\"; column \"owner_email\" is missing (expected name,owner_email,tier,cadence_days,last_contact,slack_channel,domains)"], report.Errors);
        Assert.Equal(0, await _host.WithDbAsync(db => db.Accounts.CountAsync()));
    }

    [Fact]
    public async Task Import_UpdatesAnExistingAccount_KeepingALaterContactTheBotKnows()
    {
        await _host.SayAsync("account add Acme");
        await _host.SayAsync("called Acme"); // 4 Mar

        var report = await ImportAsync($"{Header}\nACME,olga@example.com,key,10,2026-02-01,\n");

        Assert.Equal((0, 1), (report.Created, report.Updated));
        var cadence = Assert.Single(await CadencesAsync());
        Assert.Equal((AccountTier.Key, (int?)10), (cadence.Tier, cadence.CadenceDays));
        Assert.Equal(new DateTime(2026, 3, 4, 9, 0, 0, DateTimeKind.Utc), cadence.LastContactUtc);
    }

    [Fact]
    public async Task Export_WritesTheSlackChannelId_WhenTheAccountHasOne()
    {
        await _host.SayAsync("hello", user: "T0FAKE:U0KIM", channel: "slack", email: "kim@example.com");
        var report = await ImportAsync($"""
            {Header}
            Acme,kim@example.com,key,,,<#C0ACME|acme>
            """);
        Assert.True(report.Ok, string.Join("\n", report.Errors));

        var output = new StringWriter();
        await _host.WithDbAsync(db => AccountExporter.ExportAsync(db, _host.Services.GetRequiredService<Destinations>(), output));

        Assert.Contains("Acme,kim@example.com,key,,,C0ACME,", output.ToString().Split('\n').Select(l => l.TrimEnd('\r')));
    }

    [Fact]
    public async Task Export_WritesTheImportFormat_AndImportsBackUnchanged()
    {
        await ImportAsync($"""
            {Header}
            Acme,olga@example.com,key,,2026-02-20,
            "Smith, Jones & Co",olga@example.com,standard,45,,
            Initech,sam@example.com,,,2026-03-03,
            """);
        var first = new StringWriter();
        await _host.WithDbAsync(db => AccountExporter.ExportAsync(db, _host.Services.GetRequiredService<Destinations>(), first));

        var report = await ImportAsync(first.ToString());
        var second = new StringWriter();
        await _host.WithDbAsync(db => AccountExporter.ExportAsync(db, _host.Services.GetRequiredService<Destinations>(), second));

        Assert.Equal($"""
            {Header},domains
            Acme,olga@example.com,key,,2026-02-20,,
            "Smith, Jones & Co",olga@example.com,standard,45,,,
            Initech,sam@example.com,standard,,2026-03-03,,

            """.ReplaceLineEndings(), first.ToString().ReplaceLineEndings());
        Assert.Equal((0, 3), (report.Created, report.Updated));
        Assert.Equal(first.ToString(), second.ToString());
    }
}
