using System.Text.Json.Nodes;
using AccountCoachBot.Cli;
using AccountCoachBot.Data;
using AccountCoachBot.Features.Teams;
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
    [InlineData("--person a@b.c --team Sales --from 2026-11-01 --to 2026-11-30", "Give --person or --team, not both.")]
    [InlineData("--team --json", "--team needs a team's name.")]
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

    /// <summary>Sales East (lead Anna, Berlin: Boris and Vera) and Sales West (no lead: Dan), with the week of 23–29 Nov hand-built.</summary>
    private async Task SeedTeamsAsync()
    {
        // A first run creates the database (and finds nobody).
        Assert.Equal(1, await DigestCliCommand.RunAsync(["--person", "nobody@example.com", Setting], TextWriter.Null, TextWriter.Null));
        await using var db = new CoachDbContext(new DbContextOptionsBuilder<CoachDbContext>().UseSqlite(_db.ConnectionString).Options);
        var kit = new DigestTestKit(db);
        var anna = kit.Person("Anna", "Europe/Berlin");
        var boris = kit.Person("Boris", "Europe/Berlin");
        var vera = kit.Person("Vera", "America/New_York");
        var dan = kit.Person("Dan", "Asia/Tokyo");
        var east = new Team { Name = "Sales East", NormalizedName = Team.Normalize("Sales East"), LeadId = anna.Id, CreatedUtc = Utc(10, 1) };
        var west = new Team { Name = "Sales West", NormalizedName = Team.Normalize("Sales West"), CreatedUtc = Utc(10, 1) };
        db.AddRange(east, west);
        await db.SaveChangesAsync();
        db.AddRange(new TeamMember { TeamId = east.Id, PersonId = boris.Id, AddedUtc = Utc(10, 1) }, new TeamMember { TeamId = east.Id, PersonId = vera.Id, AddedUtc = Utc(10, 1) },
            new TeamMember { TeamId = west.Id, PersonId = dan.Id, AddedUtc = Utc(10, 1) });
        db.Add(new Kudos { FromId = vera.Id, ToId = boris.Id, Text = "rescued the Globex renewal", AtUtc = Utc(11, 25, 12) });
        db.Add(new Kudos { FromId = vera.Id, ToId = boris.Id, Text = "a week too early", AtUtc = Utc(11, 22, 12) });
        await db.SaveChangesAsync();
        var acme = kit.Account(boris, "Acme");
        kit.Promise(acme, Utc(11, 23, 9), Utc(11, 24, 16), done: Utc(11, 24, 10));                        // made and kept on time
        kit.Promise(acme, Utc(11, 20), Utc(11, 25, 16), moves: [(Utc(11, 24, 9), Utc(12, 4, 16))]);      // moved before its date
        kit.Promise(acme, Utc(11, 20), Utc(11, 29, 22, 30), done: Utc(11, 30, 9));                         // Sunday 23:30 in Berlin: in the week, kept late
        var globex = kit.Account(vera, "Globex");
        kit.Promise(globex, Utc(11, 20), Utc(11, 26, 16), cancelled: Utc(11, 21));
        kit.Promise(globex, Utc(11, 20), Utc(11, 30, 9), done: Utc(11, 30, 8));                            // Monday: the next week
        var initech = kit.Account(dan, "Initech");
        kit.Promise(initech, Utc(11, 20), Utc(11, 24, 3), done: Utc(11, 24, 2));
    }

    [Fact]
    public async Task RunAsync_PrintsOneTeamsFiguresPerMemberAndTotal_CountedFromTheRawRecords()
    {
        await SeedTeamsAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
        var output = new StringWriter();

        var exit = await DigestCliCommand.RunAsync(["--team", "sales  east", "--from", "2026-11-23", "--to", "2026-11-29", "--json", Setting], output, TextWriter.Null, time);

        Assert.Equal(0, exit);
        var json = JsonNode.Parse(output.ToString())!;
        Assert.Equal(("Sales East", "Europe/Berlin", "Anna"), (json["team"]!.GetValue<string>(), json["timeZone"]!.GetValue<string>(), json["lead"]!["name"]!.GetValue<string>()));
        Assert.Equal("2026-11-22T23:00:00Z", json["period"]!["startUtc"]!.GetValue<string>());
        var members = json["members"]!.AsArray().ToDictionary(m => m!["name"]!.GetValue<string>(), m => m!["promises"]!);
        Assert.Equal(["Boris", "Vera"], members.Keys);
        // Boris: made 1 (23 Nov); due 3: kept on time 1, moved before its date 1, kept late 1 (due Sunday 23:30 Berlin).
        Assert.Equal((1, 3, 1, 1, 1, 0), Counts(members["Boris"]));
        // Vera: the cancelled one is due in the week; Monday's is not.
        Assert.Equal((0, 1, 0, 0, 0, 1), Counts(members["Vera"]));
        Assert.Equal((1, 4, 1, 1, 1, 1), Counts(json["total"]!["promises"]!));
        Assert.Equal(1.0, members["Boris"]["toldInTimeRate"]!.GetValue<double>());
        var kudos = Assert.Single(json["kudos"]!.AsArray())!;
        Assert.Equal(("Vera", "Boris", "rescued the Globex renewal"), (kudos["from"]!.GetValue<string>(), kudos["to"]!.GetValue<string>(), kudos["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task RunAsync_PrintsEveryTeam_WithoutTeamOrPerson_EachOnItsLeadsCalendar()
    {
        await SeedTeamsAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
        var output = new StringWriter();

        var exit = await DigestCliCommand.RunAsync(["--json", Setting], output, TextWriter.Null, time);

        Assert.Equal(0, exit);
        var teams = JsonNode.Parse(output.ToString())!.AsArray();
        Assert.Equal(["Sales East", "Sales West"], teams.Select(t => t!["team"]!.GetValue<string>()));
        Assert.Equal("2026-11-22T23:00:00Z", teams[0]!["period"]!["startUtc"]!.GetValue<string>());   // Anna's Berlin week
        Assert.Equal("2026-11-23T00:00:00Z", teams[1]!["period"]!["startUtc"]!.GetValue<string>());   // no lead: UTC
        Assert.Null(teams[1]!["lead"]);
        Assert.Equal(1, teams[1]!["total"]!["promises"]!["keptOnTime"]!.GetValue<int>());
    }

    [Fact]
    public async Task RunAsync_PrintsTheTeamsCardAsText_WithoutJson()
    {
        await SeedTeamsAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
        var output = new StringWriter();

        Assert.Equal(0, await DigestCliCommand.RunAsync(["--team", "Sales East", Setting], output, TextWriter.Null, time));

        Assert.Contains("Team Sales East, 23–29 Nov 2026", output.ToString());
        Assert.Contains("Vera → Boris: rescued the Globex renewal", output.ToString());
    }

    [Fact]
    public async Task RunAsync_ExitsOne_ForAnUnknownTeam()
    {
        await SeedTeamsAsync();
        var error = new StringWriter();

        var exit = await DigestCliCommand.RunAsync(["--team", "Nowhere", Setting], TextWriter.Null, error, new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero)));

        Assert.Equal(1, exit);
        Assert.Equal("No team called Nowhere.", error.ToString().Trim());
    }

    private string Setting => $"--ConnectionStrings:Coach=Data Source={_db.Path}";

    private static (int Made, int Due, int OnTime, int Late, int MovedBefore, int Cancelled) Counts(JsonNode p) =>
        (p["made"]!.GetValue<int>(), p["due"]!.GetValue<int>(), p["keptOnTime"]!.GetValue<int>(), p["keptLate"]!.GetValue<int>(),
            p["movedBeforeDue"]!.GetValue<int>(), p["cancelled"]!.GetValue<int>());
}
