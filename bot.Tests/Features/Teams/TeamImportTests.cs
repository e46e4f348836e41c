using AccountCoachBot.Cli;
using AccountCoachBot.Features.Teams;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Features.Teams;

/// <summary>`teams import teams.csv` on the executable: all or nothing, problems by line, misuse exits 2.</summary>
public sealed class TeamImportTests : IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _db.Dispose();

    private async Task<(int Exit, string Output, string Error)> ImportAsync(string csv)
    {
        var file = Path.Combine(_db.Directory, "teams.csv");
        await File.WriteAllTextAsync(file, csv);
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await CliCommands.RunAsync(["teams", "import", file, $"--ConnectionStrings:Coach=Data Source={_db.Path}"], TextReader.Null, output, error,
            _ => Task.FromResult(99));
        return (exit, output.ToString(), error.ToString());
    }

    private async Task<T> WithDbAsync<T>(Func<AccountCoachBot.Data.CoachDbContext, Task<T>> work)
    {
        var options = new DbContextOptionsBuilder<AccountCoachBot.Data.CoachDbContext>().UseSqlite(_db.ConnectionString).Options;
        await using var db = new AccountCoachBot.Data.CoachDbContext(options);
        return await work(db);
    }

    [Fact]
    public async Task Import_WritesNothing_AndReportsEachProblemByLine()
    {
        var (exit, output, error) = await ImportAsync("""
            team,lead_email,member_email
            Sales East,anna@example.com,vera@example.com
            Sales East,boris@example.com,gleb@example.com
            ,anna@example.com,ivan@example.com
            Key Accounts,not-an-email,
            Key Accounts,anna@example.com,x y@example.com
            """);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("Nothing imported: 4 problem(s).", error);
        Assert.Contains("line 3: team \"Sales East\" has lead anna@example.com on line 2; a team has one lead", error);
        Assert.Contains("line 4: team is empty", error);
        Assert.Contains("line 5: lead_email \"not-an-email\" is not an email address", error);
        Assert.Contains("line 6: member_email \"x y@example.com\" is not an email address", error);
        Assert.Equal(0, await WithDbAsync(db => db.Set<Team>().CountAsync()));
        Assert.Equal(0, await WithDbAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task Import_CreatesTeamsLeadsAndMembers_AsPlaceholdersToBeToldOnce()
    {
        var (exit, output, error) = await ImportAsync("""
            team,lead_email,member_email
            Sales East,anna@example.com,vera@example.com
            Sales East,anna@example.com,gleb@example.com
            sales east,anna@example.com,vera@example.com
            Key Accounts,anna@example.com,
            """);

        Assert.True(exit == 0, error);
        Assert.Equal("Imported: 2 new team(s), 0 lead(s) changed, 2 member(s) added, 3 new people (linked when they first write).", output.Trim());
        Assert.Equal(["Key Accounts", "Sales East"], await WithDbAsync(db => db.Set<Team>().OrderBy(t => t.Name).Select(t => t.Name).ToListAsync()));
        Assert.Equal(2, await WithDbAsync(db => db.Set<TeamMember>().CountAsync(m => m.ToldUtc == null))); // told when they first write

        var again = await ImportAsync("team,lead_email,member_email\nSales East,boris@example.com,vera@example.com\n");
        Assert.Equal("Imported: 0 new team(s), 1 lead(s) changed, 0 member(s) added, 1 new people (linked when they first write).", again.Output.Trim());
    }

    [Theory]
    [InlineData("teams")]
    [InlineData("teams", "export", "x.csv")]
    [InlineData("teams", "import")]
    public async Task Teams_ExitsWithTwo_WhenMisused(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await CliCommands.RunAsync(args, TextReader.Null, output, error, _ => Task.FromResult(99));

        Assert.Equal(CommandLine.MisuseExitCode, exit);
        Assert.Contains("Usage: teams import <file.csv>", error.ToString());
    }
}
