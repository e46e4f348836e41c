using AccountCoachBot.Channels.Terminal;

namespace AccountCoachBot.Cli;

/// <summary>Command-line verbs on the same executable, with the same configuration and database.</summary>
public static class CliCommands
{
    private static readonly string[] Verbs = ["chat", "parse", "help", "--help"];

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
            default:
                await Console.Out.WriteLineAsync(Usage);
                return 0;
        }
    }

    private const string Usage = """
        AccountCoachBot
          (no verb)        run the bot server (Bot Framework endpoint at /api/messages)
          chat             talk to the bot in this terminal
          parse --batch    parse JSON lines of promises from stdin
        """;
}
