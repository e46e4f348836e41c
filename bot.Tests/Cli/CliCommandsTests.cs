using System.Diagnostics;
using System.Text;
using AccountCoachBot.Cli;
using AccountCoachBot.Tests.Infrastructure;

namespace AccountCoachBot.Tests.Cli;

/// <summary>The entry point as the executable runs it: what it prints, where, its exit code, and whether it serves.</summary>
public class CliCommandsTests
{
    private static readonly string[] VerbLines =
        ["serve", "chat", "parse --batch", "teams-package [--out file.zip]", "accounts import <file.csv>", "accounts export <file.csv>", "help [verb]"];

    private sealed record Outcome(int ExitCode, string Out, string Error, string[]? Served);

    private static async Task<Outcome> RunAsync(string[] args, string input = "")
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        string[]? served = null;
        var exitCode = await CliCommands.RunAsync(args, new StringReader(input), output, error, settings =>
        {
            served = settings;
            return Task.FromResult(42);
        });
        return new Outcome(exitCode, output.ToString(), error.ToString(), served);
    }

    private static void AssertListsTheVerbs(string text)
    {
        foreach (var verb in VerbLines) Assert.Contains("  " + verb, text);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("frobnicate", "--urls", "http://127.0.0.1:5000")]
    [InlineData("--urls", "http://127.0.0.1:5000", "frobnicate")]
    public async Task RunAsync_PrintsTheVerbsAndExitsTwoWithoutServing_WhenTheVerbIsUnknown(params string[] args)
    {
        var outcome = await RunAsync(args);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Null(outcome.Served);
        Assert.StartsWith("Unknown command 'frobnicate'." + Environment.NewLine + Environment.NewLine, outcome.Error);
        Assert.DoesNotContain("Did you mean", outcome.Error);
        AssertListsTheVerbs(outcome.Error);
        Assert.Empty(outcome.Out);
    }

    [Theory]
    [InlineData("chta", "chat")]
    [InlineData("acounts", "accounts")]
    public async Task RunAsync_SuggestsTheClosestVerb_WhenTheVerbIsMistyped(string word, string verb)
    {
        var outcome = await RunAsync([word]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Null(outcome.Served);
        Assert.StartsWith($"Unknown command '{word}'.{Environment.NewLine}Did you mean '{verb}'?{Environment.NewLine}", outcome.Error);
        AssertListsTheVerbs(outcome.Error);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("help")]
    [InlineData("-h")]
    public async Task RunAsync_PrintsTheVerbsOnStdoutAndExitsZero_WhenAskedForHelp(string arg)
    {
        var outcome = await RunAsync([arg]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Null(outcome.Served);
        Assert.StartsWith("Usage: AccountCoachBot [verb] [arguments]", outcome.Out);
        AssertListsTheVerbs(outcome.Out);
        Assert.Contains("--urls http://127.0.0.1:5000", outcome.Out);
        Assert.Empty(outcome.Error);
    }

    [Fact]
    public async Task RunAsync_ListsEveryVerb_WhenAskedForHelp()
    {
        var outcome = await RunAsync(["--help"]);

        foreach (var verb in CliVerbs.All)
        {
            Assert.Contains("\n  " + verb.Name, outcome.Out.ReplaceLineEndings("\n"));
        }
    }

    [Theory]
    [InlineData("teams-package", "Usage: teams-package [--out file.zip] [settings]")]
    [InlineData("accounts", "Usage: accounts import <file.csv> [settings]")]
    [InlineData("serve", "Usage: serve [settings]")]
    public async Task RunAsync_PrintsTheVerbsUsage_WhenHelpNamesAVerb(string verb, string usage)
    {
        var outcome = await RunAsync(["help", verb]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.StartsWith(usage, outcome.Out);
        Assert.Empty(outcome.Error);
    }

    [Theory]
    [InlineData("Usage: parse --batch", "parse")]
    [InlineData("Usage: parse --batch", "parse", "--bacth")]
    [InlineData("Usage: accounts import <file.csv>", "accounts")]
    [InlineData("Usage: accounts import <file.csv>", "accounts", "import")]
    [InlineData("Usage: accounts import <file.csv>", "accounts", "list", "a.csv")]
    [InlineData("Usage: teams-package [--out file.zip]", "teams-package", "--out")]
    [InlineData("Usage: serve [settings]", "serve", "now")]
    public async Task RunAsync_PrintsTheUsageOnStderrAndExitsTwo_WhenAVerbIsMisused(string usage, params string[] args)
    {
        var outcome = await RunAsync(args);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Null(outcome.Served);
        Assert.Contains(Environment.NewLine + usage, outcome.Error);
        Assert.DoesNotContain("Verbs:", outcome.Error);
        Assert.Empty(outcome.Out);
    }

    [Theory]
    [InlineData]
    [InlineData("--urls", "http://127.0.0.1:5000")]
    [InlineData("--urls=http://127.0.0.1:5000", "--ConnectionStrings:Coach=Data Source=coach.db")]
    public async Task RunAsync_StartsTheServerWithTheSettings_WhenThereIsNoVerb(params string[] args)
    {
        var outcome = await RunAsync(args);

        Assert.Equal(42, outcome.ExitCode);
        Assert.Equal(args, outcome.Served);
        Assert.Empty(outcome.Out + outcome.Error);
    }

    [Fact]
    public async Task RunAsync_StartsTheServerWithTheSettingsAfterTheVerb_WhenTheVerbIsServe()
    {
        var outcome = await RunAsync(["serve", "--urls", "http://127.0.0.1:5000"]);

        Assert.Equal(42, outcome.ExitCode);
        Assert.NotNull(outcome.Served);
        Assert.Equal(["--urls", "http://127.0.0.1:5000"], outcome.Served);
    }

    [Fact]
    public async Task RunAsync_RunsTheParser_WhenTheVerbIsParseBatch()
    {
        var outcome = await RunAsync(["parse", "--batch"], """{"text":"hi","now":"2026-03-04T11:00:00","tz":"UTC"}""");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Null(outcome.Served);
        Assert.Equal("""{"isPromise":false,"account":null,"action":null,"due":null}""", outcome.Out.Trim());
    }

    /// <summary>
    /// The built executable itself, as <c>dotnet AccountCoachBot.dll</c>: it must exit at once. Had it started the
    /// server it would run until killed (on a loopback ephemeral port and a throwaway database, set here).
    /// </summary>
    [Theory]
    [InlineData(2, "frobnicate")]
    [InlineData(0, "--help")]
    public async Task Main_PrintsTheVerbsAndExitsWithoutServing_WhenTheVerbIsUnknownOrHelp(int exitCode, string arg)
    {
        using var db = new TestDatabase();
        var (code, output, error) = await RunExecutableAsync(db, TimeSpan.FromSeconds(60), arg);

        Assert.Equal(exitCode, code);
        var printed = exitCode == 0 ? output : error;
        if (exitCode != 0) Assert.StartsWith($"Unknown command '{arg}'.", error);
        AssertListsTheVerbs(printed);
        Assert.DoesNotContain("Now listening", output + error);
    }

    internal static async Task<(int ExitCode, string Out, string Error)> RunExecutableAsync(TestDatabase db, TimeSpan timeout, params string[] args)
    {
        var psi = BotProcess.StartInfo(db.Directory, args, new Dictionary<string, string> { ["ConnectionStrings__Coach"] = db.ConnectionString });

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("dotnet did not start");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"'{string.Join(' ', args)}' did not exit within {timeout.TotalSeconds:0}s (did it start the server?). " +
                        $"stdout: {await output} stderr: {await error}");
        }
        return (process.ExitCode, await output, await error);
    }
}
