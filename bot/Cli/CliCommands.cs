using AccountCoachBot.Channels.Terminal;
using AccountCoachBot.Features.ProactiveCalls.Import;

namespace AccountCoachBot.Cli;

/// <summary>Command-line verbs on the same executable, with the same configuration and database.</summary>
public static class CliCommands
{
    private static readonly string[] Verbs = ["chat", "parse", "teams-package", "accounts", "help", "--help"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args)
    {
        var rest = args[1..];
        switch (args[0])
        {
            case "chat":
                return await TerminalChat.RunAsync(rest, Console.In, Console.Out);
            case "parse" when rest.Contains("--batch"):
                return await ParseBatchCommand.RunAsync(Console.In, Console.Out);
            case "parse":
                await Console.Error.WriteLineAsync("Usage: parse --batch  (JSON lines on stdin)");
                return 2;
            case "teams-package":
                return await TeamsPackageAsync(rest);
            case "accounts":
                return await AccountsCommand.RunAsync(rest, Console.Out, Console.Error);
            default:
                await Console.Out.WriteLineAsync(Usage);
                return 0;
        }
    }

    /// <summary>`teams-package [--out file.zip]`: the Teams app zip with the configured MicrosoftAppId.</summary>
    private static async Task<int> TeamsPackageAsync(string[] args)
    {
        var outIndex = Array.IndexOf(args, "--out");
        var output = outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : TeamsPackageCommand.DefaultOutputFile;
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args.Where((_, i) => i != outIndex && i != outIndex + 1).ToArray())
            .Build();
        var manifestDir = TeamsPackageCommand.FindManifestDirectory();
        if (manifestDir is null)
        {
            await Console.Error.WriteLineAsync("Can't find manifests/teams: run this from the repository.");
            return 1;
        }
        var appId = configuration["MicrosoftAppId"];
        return await TeamsPackageCommand.RunAsync(manifestDir, Path.GetFullPath(output), string.IsNullOrWhiteSpace(appId) ? null : appId, Console.Out);
    }

    private const string Usage = """
        AccountCoachBot
          (no verb)        run the bot server (Bot Framework endpoint at /api/messages)
          chat             talk to the bot in this terminal
          parse --batch    parse JSON lines of promises from stdin
          teams-package    build the Teams app zip (--out file.zip)
          accounts import <file.csv> | accounts export <file.csv>
                           accounts with owner, tier, cadence, last contact, Slack channel
        """;
}
