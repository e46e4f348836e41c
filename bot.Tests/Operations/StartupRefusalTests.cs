using AccountCoachBot.Tests.Cli;
using AccountCoachBot.Tests.Infrastructure;

namespace AccountCoachBot.Tests.Operations;

/// <summary>
/// The built server itself refusing to start: one clear line on stderr, exit code 1, no stack trace, and nothing ever
/// listened. Had it started, it would run until the time limit.
/// </summary>
public sealed class StartupRefusalTests
{
    [Theory]
    [InlineData("--urls=http://0.0.0.0:0", "Refusing to start: no MicrosoftAppId is configured, so /api/messages would be open on http://0.0.0.0:0.")]
    [InlineData("--Database:Provider=mysql", "Refusing to start: Database:Provider is 'mysql'; use sqlite (the default) or postgres.")]
    [InlineData("--MicrosoftAppType=Bogus", "Refusing to start: a bad setting: MicrosoftAppType 'Bogus' is not supported;")]
    [InlineData("--Operations:DashboardPassword=short-secret", "Refusing to start: Operations:DashboardPassword is shorter than 16 characters.")]
    [InlineData("--Scheduling:RetryBackoff=00:00:00", "Refusing to start: a bad setting: Scheduling:RetryBackoff must be a positive time")]
    [InlineData("--Scheduling:WaitForBudget=-00:00:01", "Refusing to start: a bad setting: Scheduling:WaitForBudget must be a time such as 00:00:01")]
    [InlineData("--Scheduling:DispatchEvery=-00:00:01", "Refusing to start: a bad setting: Scheduling:DispatchEvery must be a time such as 00:00:01")]
    [InlineData("--Scheduling:DispatchEvery=soon", "Refusing to start: a bad setting: Failed to convert configuration value 'soon' at 'Scheduling:DispatchEvery' to type 'System.TimeSpan'.")]
    public async Task Main_PrintsOneLineAndExits1BeforeListening_WhenASettingIsRefused(string setting, string line)
    {
        using var db = new TestDatabase();
        var (code, output, error) = await CliCommandsTests.RunExecutableAsync(db, TimeSpan.FromSeconds(60), setting);

        Assert.Equal(1, code);
        Assert.StartsWith(line, Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.DoesNotContain("Now listening", output + error);
        Assert.DoesNotContain("   at ", output + error); // no stack trace
    }

    [Fact]
    public async Task Main_PrintsOneLineAndExits1BeforeListening_WhenPostgresCannotBeReached()
    {
        using var db = new TestDatabase();
        var (code, output, error) = await CliCommandsTests.RunExecutableAsync(db, TimeSpan.FromSeconds(60),
            "--Database:Provider=postgres", "--ConnectionStrings:Coach=Host=127.0.0.1;Port=1;Database=coach;Username=coach;Timeout=5");

        Assert.Equal(1, code);
        Assert.StartsWith("Refusing to start: the database cannot be used (Failed to connect to 127.0.0.1:1)", Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.DoesNotContain("Now listening", output + error);
    }
}
