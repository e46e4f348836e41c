using System.Text.Json.Nodes;
using AccountCoachBot.Cli;
using AccountCoachBot.Data;
using AccountCoachBot.Tests.Features.Digests;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static AccountCoachBot.Tests.Features.Digests.DigestTestKit;

namespace AccountCoachBot.Tests.Cli;

/// <summary>`digest --person … --json`: the operator's exact numbers, on the bot's own database.</summary>
public sealed class DigestCliCommandTests : IDisposable
{
    private readonly TestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Theory]
    [InlineData("--from 2026-11-01 --to 2026-11-30", "digest needs --person <email>.")]
    [InlineData("--person a@b.c --from 2026-11-01", "Give both --from and --to, or neither (last week).")]
    [InlineData("--person a@b.c --from 2026-11-30 --to 2026-11-01", "--from is after --to.")]
    [InlineData("--person a@b.c --from 2026-02-30 --to 2026-03-01", "--from needs a date as YYYY-MM-DD.")]
    [InlineData("--person a@b.c --from 2024-01-01 --to 2026-01-01", "The period is longer than 366 days.")]
    public void Parse_SaysWhatIsWrong(string args, string problem)
    {
        Assert.Null(DigestCliCommand.Parse(args.Split(' '), out var said));
        Assert.Equal(problem, said);
    }

    [Fact]
    public void Decide_RunsDigest_AndRefusesAStrayArgument()
    {
        Assert.IsType<CliDecision.Run>(CommandLine.Decide(["digest", "--person", "a@b.c", "--json", "--ConnectionStrings:Coach=Data Source=x.db"]));
        Assert.IsType<CliDecision.Misuse>(CommandLine.Decide(["digest", "--person", "a@b.c", "stray"]));
    }

    [Fact]
    public async Task RunAsync_PrintsEveryFigureAsJson_ForTheDaysAsked()
    {
        var setting = $"--ConnectionStrings:Coach=Data Source={_db.Path}";
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await DigestCliCommand.RunAsync(["--person", "olga@example.com", setting], TextWriter.Null, TextWriter.Null, time));
        await using (var db = new CoachDbContext(new DbContextOptionsBuilder<CoachDbContext>().UseSqlite(_db.ConnectionString).Options))
        {
            var kit = new DigestTestKit(db);
            var olga = kit.Person("Olga", "Europe/Berlin");
            olga.Email = "olga@example.com";
            await db.SaveChangesAsync();
            var acme = kit.Account(olga, "Acme");
            kit.Promise(acme, Utc(11, 2), Utc(11, 10, 16), done: Utc(11, 10, 9));
            kit.Promise(acme, Utc(11, 2), Utc(11, 24, 16), cancelled: Utc(11, 20));
        }
        var output = new StringWriter();

        var exit = await DigestCliCommand.RunAsync(["--person", "OLGA@example.com", "--from", "2026-11-01", "--to", "2026-11-30", "--json", setting], output, TextWriter.Null, time);

        Assert.Equal(0, exit);
        var json = JsonNode.Parse(output.ToString())!;
        Assert.Equal("2026-10-31T23:00:00Z", json["period"]!["startUtc"]!.GetValue<string>());
        var promises = json["members"]![0]!["promises"]!;
        Assert.Equal((2, 2, 1, 1), (promises["made"]!.GetValue<int>(), promises["due"]!.GetValue<int>(), promises["keptOnTime"]!.GetValue<int>(), promises["cancelled"]!.GetValue<int>()));
    }
}
