using AccountCoachBot.Channels.Terminal;

namespace AccountCoachBot.Cli;

/// <summary>
/// The executable's entry point: runs what the command line asks for (<see cref="CommandLine.Decide"/>) with the
/// same configuration and database as the server. The server itself is <paramref name="serve"/>, so only the
/// composition root starts it.
/// </summary>
public static class CliCommands
{
    /// <summary>
    /// Returns the exit code: the verb's, 0 for help, <see cref="CommandLine.MisuseExitCode"/> for a misused command
    /// line (an unknown verb included), which never reaches <paramref name="serve"/>.
    /// </summary>
    public static async Task<int> RunAsync(
        string[] args, TextReader input, TextWriter output, TextWriter error, Func<string[], Task<int>> serve)
    {
        ArgumentNullException.ThrowIfNull(serve);
        switch (CommandLine.Decide(args))
        {
            case CliDecision.Serve server:
                return await serve(server.Settings);
            case CliDecision.Help help:
                await output.WriteAsync(help.Verb is null ? CliVerbs.List() : CliVerbs.UsageOf(help.Verb));
                await output.FlushAsync();
                return 0;
            case CliDecision.Misuse misuse:
                foreach (var line in misuse.Problem) await error.WriteLineAsync(line);
                await error.WriteLineAsync();
                await error.WriteAsync(misuse.Verb is null ? CliVerbs.List() : CliVerbs.UsageOf(misuse.Verb));
                await error.FlushAsync();
                return CommandLine.MisuseExitCode;
            case CliDecision.Run { Verb: "chat" } run:
                return await TerminalChat.RunAsync(run.Args, input, output);
            case CliDecision.Run { Verb: "parse" }:
                return await ParseBatchCommand.RunAsync(input, output);
            case CliDecision.Run { Verb: "eval" } run:
            {
                // The model's column when one is configured (appsettings, environment or `--Ai:…` arguments).
                await using var ai = Ai.AiEvalModel.Services(run.Args);
                return await EvalCommand.RunAsync(run.Args, output, error, ai?.GetRequiredService<IEvalModel>());
            }
            case CliDecision.Run { Verb: "teams-package" } run:
                return await TeamsPackageAsync(run.Args, output, error);
            case CliDecision.Run { Verb: "accounts" } run:
                return await AccountsCommand.RunAsync(run.Args, output, error);
            case CliDecision.Run { Verb: "digest" } run:
                return await DigestCliCommand.RunAsync(run.Args, output, error);
            case CliDecision.Run { Verb: "teams" } run:
                return await TeamsImportCommand.RunAsync(run.Args, output, error);
            case CliDecision.Run { Verb: "seed-demo" } run:
                return await SeedDemoCommand.RunAsync(run.Args, output, error);
            case var other:
                throw new InvalidOperationException($"No runner for {other}.");
        }
    }

    /// <summary>`teams-package [--out file.zip] [settings]`: the Teams app zip with the configured MicrosoftAppId.</summary>
    private static async Task<int> TeamsPackageAsync(string[] args, TextWriter output, TextWriter error)
    {
        var (outFile, settings, _) = CommandLine.SplitOut(args);
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(settings)
            .Build();
        var manifestDir = TeamsPackageCommand.FindManifestDirectory();
        if (manifestDir is null)
        {
            await error.WriteLineAsync("Can't find manifests/teams: run this from the repository.");
            return 1;
        }
        var appId = configuration["MicrosoftAppId"];
        return await TeamsPackageCommand.RunAsync(
            manifestDir, Path.GetFullPath(outFile ?? TeamsPackageCommand.DefaultOutputFile), string.IsNullOrWhiteSpace(appId) ? null : appId, output);
    }
}
