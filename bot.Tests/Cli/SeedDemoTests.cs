using AccountCoachBot.Channels.Terminal;
using AccountCoachBot.Cli;
using AccountCoachBot.Data;
using AccountCoachBot.Features.Digests;
using AccountCoachBot.Features.MeetingPrep;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.ProactiveCalls;
using AccountCoachBot.Features.Promises;
using AccountCoachBot.Features.Teams;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Cli;

/// <summary>`seed-demo`: a believable team with three months of history, in an empty database only, the same every time.</summary>
public sealed class SeedDemoTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 30, 0, TimeSpan.Zero);
    private readonly TestDatabase _db = new();
    private readonly FakeTimeProvider _time = new(Now);

    public void Dispose() => _db.Dispose();

    private static string Setting(TestDatabase db) => $"--ConnectionStrings:Coach=Data Source={db.Path}";

    private async Task<(int Exit, string Out, string Error)> SeedAsync(TestDatabase db, params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await SeedDemoCommand.RunAsync([.. args, Setting(db)], output, error, _time, terminalUser: "keyboard");
        return (exit, output.ToString(), error.ToString());
    }

    private static CoachDbContext Open(TestDatabase db) => new(new DbContextOptionsBuilder<CoachDbContext>().UseSqlite(db.ConnectionString).Options);

    [Fact]
    public async Task RunAsync_CreatesALeadWithATeamOfFiveAndFortyAccounts_WhenTheDatabaseIsEmpty()
    {
        var (exit, output, _) = await SeedAsync(_db);

        Assert.Equal(0, exit);
        await using var db = Open(_db);
        var team = await db.Set<Team>().SingleAsync();
        var lead = await db.People.Include(p => p.Identities).SingleAsync(p => p.Id == team.LeadId);
        Assert.Equal("anna@demo.example", lead.Email);
        // The person at the keyboard is the lead in `chat`, and the admin.
        Assert.Contains(lead.Identities, i => i.Channel == TerminalChat.Transport && i.ExternalId == "keyboard");
        Assert.Equal(lead.Id, (await db.Set<TeamAdmin>().SingleAsync()).PersonId);
        var members = await db.Set<TeamMember>().Where(m => m.TeamId == team.Id).Select(m => m.PersonId).ToListAsync();
        Assert.Equal(5, members.Count);
        Assert.DoesNotContain(lead.Id, members);
        Assert.Equal(6, await db.People.CountAsync(p => p.Email!.EndsWith("@demo.example")));
        Assert.True(await db.People.Select(p => p.TimeZoneId).Distinct().CountAsync() > 1);
        Assert.True(await db.People.AnyAsync(p => p.Language == Language.Ru));

        var accounts = await db.Accounts.ToListAsync();
        Assert.Equal(40, accounts.Count);
        Assert.All(accounts.GroupBy(a => a.OwnerId), g => Assert.Equal(Enumerable.Range(1, g.Count()), g.Select(a => a.Number).Order()));
        var cadences = await db.Set<AccountCadence>().ToListAsync();
        Assert.Equal(40, cadences.Count);
        Assert.Contains(cadences, c => c.Tier == AccountTier.Key);
        Assert.Contains(cadences, c => c.Tier == AccountTier.Standard);
        Assert.Equal(2, accounts.Count(a => a.LostUtc is not null && a.LostReason is not null));
        Assert.True(await db.Set<Touch>().CountAsync(t => t.Kind == TouchKind.Call) > 40);
        Assert.True(await db.Set<Meeting>().AnyAsync(m => m.PreparedUtc != null && m.DebriefedUtc != null && m.Answers.Count > 0));
        Assert.True(await db.Set<Kudos>().CountAsync() >= 5);
        Assert.Contains("Key Accounts North", output);
        Assert.Contains("Anna Carter", output);
        Assert.Contains("chat", output);
    }

    [Fact]
    public async Task RunAsync_WritesThreeMonthsOfPromisesWithEveryOutcome_WhenTheDatabaseIsEmpty()
    {
        await SeedAsync(_db);

        await using var db = Open(_db);
        var promises = await db.Promises.ToListAsync();
        Assert.InRange(promises.Min(p => p.CreatedUtc), Now.UtcDateTime.AddDays(-92), Now.UtcDateTime.AddDays(-85));
        Assert.All(promises.GroupBy(p => p.OwnerId), g => Assert.Equal(Enumerable.Range(1, g.Count()), g.Select(p => p.Number).Order()));
        Assert.True(await db.PromiseEvents.AllAsync(e => e.AtUtc <= Now.UtcDateTime));
        Assert.True(await db.PromiseEvents.AnyAsync(e => e.Kind == PromiseEventKind.Moved && e.Reason != null && e.OldDueUtc != null));

        var team = await db.Set<Team>().SingleAsync();
        var zone = TimeZones.FindOrUtc("Europe/London");
        var builder = new DigestBuilder(_time);
        var teams = new TeamDigests(builder, new TeamAccess(db, Options.Create(new TeamsOptions()), _time, NullLogger<TeamAccess>.Instance),
            new KudosLog(db), NullLogger<TeamDigests>.Instance);
        var lastWeek = await teams.BuildAsync(db, team, DigestPeriod.LastWeek(Now.UtcDateTime, zone), zone, default);
        Assert.False(lastWeek.IsEmpty);
        Assert.Equal(5, lastWeek.Digest.Members.Count);

        // Week by week, as the Monday digests read them: a moved promise counts as moved in the week it was due.
        var total = PromiseCounts.Zero;
        var week = DigestPeriod.LastWeek(Now.UtcDateTime, zone);
        for (var i = 0; i < 13; i++, week = week.Previous(zone))
            total += (await builder.BuildAsync(db, [.. lastWeek.Digest.Members.Select(m => m.PersonId!.Value)], week, zone)).Total.Promises;
        Assert.All([total.KeptOnTime, total.KeptLate, total.MovedBeforeDue, total.MovedAfterDue, total.Cancelled, total.StillOpen],
            count => Assert.True(count > 0, $"an outcome is missing: {total}"));
        Assert.True(total.KeptOnTime > total.KeptLate);
    }

    [Fact]
    public async Task RunAsync_WritesTheSameDemo_WhenRunTwiceOnEmptyDatabases()
    {
        using var other = new TestDatabase();
        await SeedAsync(_db);
        await SeedAsync(other);

        Assert.Equal(await FingerprintAsync(_db), await FingerprintAsync(other));
    }

    private static async Task<string> FingerprintAsync(TestDatabase database)
    {
        await using var db = Open(database);
        var promises = await db.Promises.OrderBy(p => p.Id)
            .Select(p => $"{p.OwnerId}/{p.Number} {p.AccountId} {p.What} {p.DueUtc:O} {p.Status} {p.ClosedUtc:O}").ToListAsync();
        return string.Join('\n', promises) + $"\n{await db.People.CountAsync()} {await db.Accounts.CountAsync()} {await db.PromiseEvents.CountAsync()} "
            + $"{await db.Set<Touch>().CountAsync()} {await db.Set<Meeting>().CountAsync()} {await db.Set<Kudos>().CountAsync()}";
    }

    [Fact]
    public async Task RunAsync_RefusesAndChangesNothing_WhenTheDatabaseHasPeople()
    {
        await using (var db = Open(_db))
        {
            await db.Database.MigrateAsync();
            db.People.Add(new Person { DisplayName = "Olga", Email = "olga@example.com", CreatedUtc = Now.UtcDateTime });
            await db.SaveChangesAsync();
        }

        var (exit, output, error) = await SeedAsync(_db);

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains("already has people", error);
        await using var after = Open(_db);
        Assert.Equal(1, await after.People.CountAsync());
        Assert.Equal(0, await after.Accounts.CountAsync());
        Assert.Equal(0, await after.Set<Team>().CountAsync());
    }

    [Fact]
    public async Task RunAsync_GivesTheLeadYourEmail_WhenAsIsGiven()
    {
        var (exit, output, _) = await SeedAsync(_db, "--as", "Me@Company.com");

        Assert.Equal(0, exit);
        await using var db = Open(_db);
        var team = await db.Set<Team>().SingleAsync();
        Assert.Equal("me@company.com", (await db.People.SingleAsync(p => p.Id == team.LeadId)).Email);
        Assert.Contains("me@company.com", output);
    }

    [Theory]
    [InlineData("--as")]
    [InlineData("--as", "not-an-email")]
    [InlineData("--as", "a@b.c", "--as", "d@e.f")]
    public void Decide_ReportsMisuseOfSeedDemo_WhenAsIsNotOneEmail(params string[] rest)
    {
        var misuse = Assert.IsType<CliDecision.Misuse>(CommandLine.Decide(["seed-demo", .. rest]));

        Assert.Equal("seed-demo", misuse.Verb);
    }

    [Fact]
    public async Task RunAsync_PrintsTheUsage_WhenAskedForHelp()
    {
        var output = new StringWriter();

        var exit = await CliCommands.RunAsync(["seed-demo", "--help"], TextReader.Null, output, TextWriter.Null, _ => Task.FromResult(42));

        Assert.Equal(0, exit);
        Assert.StartsWith("Usage: seed-demo [--as <email>] [settings]", output.ToString());
        Assert.Contains("EMPTY database", output.ToString());
    }
}
