using AccountCoachBot.Cli;

namespace AccountCoachBot.Tests.Cli;

/// <summary>The pure decision: server, verb, help or misuse, from the arguments alone.</summary>
public class CommandLineTests
{
    [Fact]
    public void Decide_RunsTheServer_WhenThereAreNoArguments()
    {
        var serve = Assert.IsType<CliDecision.Serve>(CommandLine.Decide([]));

        Assert.Empty(serve.Settings);
    }

    [Theory]
    [InlineData("--urls", "http://127.0.0.1:5000")]
    [InlineData("--urls=http://127.0.0.1:5000")]
    [InlineData("/urls=http://127.0.0.1:5000")]
    [InlineData("/urls", "http://127.0.0.1:5000")]
    [InlineData("Urls=http://127.0.0.1:5000")]
    [InlineData("--urls", "http://127.0.0.1:5000", "--ConnectionStrings:Coach=Data Source=coach.db", "--environment", "Development")]
    public void Decide_RunsTheServerWithTheSettings_WhenAllArgumentsAreSettings(params string[] args)
    {
        var serve = Assert.IsType<CliDecision.Serve>(CommandLine.Decide(args));

        Assert.Equal(args, serve.Settings);
    }

    [Theory]
    [InlineData]
    [InlineData("--urls", "http://127.0.0.1:5000")]
    [InlineData("--urls=http://127.0.0.1:5000", "/environment", "Development")]
    public void Decide_RunsTheServerWithTheSettingsAfterIt_WhenTheVerbIsServe(params string[] settings)
    {
        var serve = Assert.IsType<CliDecision.Serve>(CommandLine.Decide(["serve", .. settings]));

        Assert.Equal(settings, serve.Settings);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("help")]
    [InlineData("-h")]
    [InlineData("--urls", "http://127.0.0.1:5000", "--help")]
    public void Decide_ShowsTheVerbList_WhenAskedForHelp(params string[] args)
    {
        var help = Assert.IsType<CliDecision.Help>(CommandLine.Decide(args));

        Assert.Null(help.Verb);
    }

    [Theory]
    [InlineData("accounts", "help", "accounts")]
    [InlineData("serve", "help", "serve")]
    [InlineData("accounts", "accounts", "--help")]
    [InlineData("parse", "parse", "-h")]
    [InlineData("teams-package", "teams-package", "--out", "--help")]
    public void Decide_ShowsTheVerbsUsage_WhenHelpNamesAVerb(string verb, params string[] args)
    {
        var help = Assert.IsType<CliDecision.Help>(CommandLine.Decide(args));

        Assert.Equal(verb, help.Verb);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("chta")]
    [InlineData("Serve")]
    [InlineData("run")]
    [InlineData("-v")]
    [InlineData("=x")]
    public void Decide_ReportsAnUnknownCommandWithTheVerbList_WhenTheFirstWordIsNotAVerbOrASetting(string word)
    {
        var misuse = Assert.IsType<CliDecision.Misuse>(CommandLine.Decide([word]));

        Assert.Equal($"Unknown command '{word}'.", misuse.Problem[0]);
        Assert.Null(misuse.Verb);
    }

    [Theory]
    [InlineData("chta", "chat")]
    [InlineData("acounts", "accounts")]
    [InlineData("teams-pakage", "teams-package")]
    [InlineData("srve", "serve")]
    [InlineData("parce", "parse")]
    [InlineData("hlep", "help")]
    [InlineData("CHAT", "chat")]
    [InlineData("seed-demoo", "seed-demo")]
    public void Decide_SuggestsTheClosestVerb_WhenTheUnknownWordIsClose(string word, string verb)
    {
        var misuse = Assert.IsType<CliDecision.Misuse>(CommandLine.Decide([word]));

        Assert.Equal([$"Unknown command '{word}'.", $"Did you mean '{verb}'?"], misuse.Problem);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("run")]
    [InlineData("at")]
    [InlineData("x")]
    [InlineData("promise")]
    public void Decide_SuggestsNothing_WhenNoVerbIsClose(string word)
    {
        var misuse = Assert.IsType<CliDecision.Misuse>(CommandLine.Decide([word]));

        Assert.Equal([$"Unknown command '{word}'."], misuse.Problem);
    }

    [Theory]
    [InlineData("frobnicate", "--urls", "http://127.0.0.1:5000")]
    [InlineData("--urls", "http://127.0.0.1:5000", "frobnicate")]
    [InlineData("--urls")]
    [InlineData("--urls", "http://127.0.0.1:5000", "--environment")]
    [InlineData("--")]
    public void Decide_NeverRunsTheServer_WhenAnArgumentIsNeitherAVerbNorASetting(params string[] args)
    {
        var misuse = Assert.IsType<CliDecision.Misuse>(CommandLine.Decide(args));

        Assert.Null(misuse.Verb);
    }

    [Fact]
    public void Decide_SaysTheSettingNeedsAValue_WhenASwitchHasNone()
    {
        var misuse = Assert.IsType<CliDecision.Misuse>(CommandLine.Decide(["--hlep"]));

        Assert.Contains("needs a value", misuse.Problem[0]);
        Assert.Equal("Did you mean '--help'?", misuse.Problem[1]);
    }

    [Fact]
    public void Decide_AsksForTheVerbFirst_WhenAVerbFollowsTheSettings()
    {
        var misuse = Assert.IsType<CliDecision.Misuse>(CommandLine.Decide(["--urls", "http://127.0.0.1:5000", "serve"]));

        Assert.Equal(["'serve' must come first, before the settings."], misuse.Problem);
        Assert.Equal("serve", misuse.Verb);
    }

    [Theory]
    [InlineData("parse", "parse")]
    [InlineData("parse", "parse", "--bacth")]
    [InlineData("parse", "parse", "--batch", "cases.jsonl")]
    [InlineData("accounts", "accounts")]
    [InlineData("accounts", "accounts", "import")]
    [InlineData("accounts", "accounts", "export", "--ConnectionStrings:Coach=Data Source=coach.db")]
    [InlineData("accounts", "accounts", "list")]
    [InlineData("accounts", "accounts", "export", "a.csv", "b.csv")]
    [InlineData("teams-package", "teams-package", "--out")]
    [InlineData("teams-package", "teams-package", "--out", "--MicrosoftAppId=x")]
    [InlineData("teams-package", "teams-package", "--out=")]
    [InlineData("teams-package", "teams-package", "--out", "a.zip", "--out", "b.zip")]
    [InlineData("teams-package", "teams-package", "bot.zip")]
    [InlineData("serve", "serve", "frobnicate")]
    [InlineData("serve", "serve", "--urls")]
    [InlineData("chat", "chat", "hello")]
    [InlineData("help", "help", "chat", "parse")]
    public void Decide_ReportsMisuseWithTheVerbsUsage_WhenAVerbIsMisused(string verb, params string[] args)
    {
        var misuse = Assert.IsType<CliDecision.Misuse>(CommandLine.Decide(args));

        Assert.Equal(verb, misuse.Verb);
        Assert.NotEmpty(misuse.Problem);
    }

    [Fact]
    public void Decide_SuggestsTheSubcommand_WhenAnAccountsSubcommandIsMistyped()
    {
        var misuse = Assert.IsType<CliDecision.Misuse>(CommandLine.Decide(["accounts", "improt", "a.csv"]));

        Assert.Equal(["Unknown accounts command 'improt'.", "Did you mean 'import'?"], misuse.Problem);
    }

    [Fact]
    public void Decide_ReportsTheUnknownVerb_WhenHelpNamesOne()
    {
        var misuse = Assert.IsType<CliDecision.Misuse>(CommandLine.Decide(["help", "chta"]));

        Assert.Equal(["Unknown command 'chta'.", "Did you mean 'chat'?"], misuse.Problem);
        Assert.Null(misuse.Verb);
    }

    [Theory]
    [InlineData("chat")]
    [InlineData("chat", "--ConnectionStrings:Coach=Data Source=coach.db")]
    [InlineData("parse", "--batch")]
    [InlineData("teams-package")]
    [InlineData("teams-package", "--out", "bot.zip", "--MicrosoftAppId", "11111111-2222-3333-4444-555555555555")]
    [InlineData("teams-package", "--out=/tmp/bot.zip")]
    [InlineData("accounts", "import", "accounts.csv")]
    [InlineData("accounts", "export", "accounts.csv", "--ConnectionStrings:Coach=Data Source=coach.db")]
    public void Decide_RunsTheVerbWithItsArguments_WhenTheyAreRight(string verb, params string[] rest)
    {
        var run = Assert.IsType<CliDecision.Run>(CommandLine.Decide([verb, .. rest]));

        Assert.Equal(verb, run.Verb);
        Assert.Equal(rest, run.Args);
    }

    [Theory]
    [InlineData("bot.zip", new[] { "--out", "bot.zip", "--MicrosoftAppId=x" })]
    [InlineData("bot.zip", new[] { "--MicrosoftAppId=x", "--out=bot.zip" })]
    [InlineData(null, new[] { "--MicrosoftAppId=x" })]
    public void SplitOut_SeparatesTheFileFromTheSettings_WhenOutIsGivenOrNot(string? file, string[] args)
    {
        var (output, settings, problem) = CommandLine.SplitOut(args);

        Assert.Equal(file, output);
        Assert.Equal(["--MicrosoftAppId=x"], settings);
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("chta", "chat", 1)]
    [InlineData("acounts", "accounts", 1)]
    [InlineData("serev", "serve", 1)]
    [InlineData("", "help", 4)]
    [InlineData("seed-demoo", "serve", 7)]
    [InlineData("ca", "abc", 3)]
    public void Distance_CountsASwapOfNeighboursAsOneEdit_WhenWordsDiffer(string a, string b, int distance)
    {
        Assert.Equal(distance, AccountCoachBot.Conversation.EditDistance.Between(a, b));
        Assert.Equal(distance, AccountCoachBot.Conversation.EditDistance.Between(b, a));
    }
}
