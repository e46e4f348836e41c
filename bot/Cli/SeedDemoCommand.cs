using AccountCoachBot.Cli.Demo;
using AccountCoachBot.Data;

namespace AccountCoachBot.Cli;

/// <summary>What `seed-demo` was asked for: the lead's email (null: the demo's own) and the settings.</summary>
public sealed record SeedDemoOptions(string? LeadEmail, string[] Settings);

/// <summary>
/// `seed-demo [--as you@company.com]`: a believable team with three months of history in an empty database, so every
/// feature can be seen at once. The person at this terminal is the team's lead in `chat`.
/// </summary>
public static class SeedDemoCommand
{
    /// <summary>Pure: splits the arguments into options and settings, or says what is wrong.</summary>
    public static SeedDemoOptions? Parse(IReadOnlyList<string> args, out string? problem)
    {
        problem = null;
        string? email = null;
        var settings = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] != "--as")
            {
                settings.Add(args[i]);
                continue;
            }
            var value = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i].Trim() : null;
            if (value is null || !IsEmail(value)) problem = "--as needs an email, e.g. --as you@company.com.";
            else if (email is not null) problem = "--as is given twice.";
            if (problem is not null) return null;
            email = value;
        }
        return new SeedDemoOptions(email, [.. settings]);
    }

    private static bool IsEmail(string value)
    {
        var at = value.IndexOf('@');
        return at > 0 && at == value.LastIndexOf('@') && at < value.Length - 1 && !value.Any(char.IsWhiteSpace);
    }

    /// <summary>
    /// Exit 0 with a summary and what to try; 1 when the database already has people (then nothing is written);
    /// <paramref name="terminalUser"/> is who `chat` talks as (the OS user unless a test says otherwise).
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider? time = null,
        string? terminalUser = null, CancellationToken ct = default)
    {
        var options = Parse(args, out var problem);
        if (options is null)
        {
            await error.WriteLineAsync(problem);
            return CommandLine.MisuseExitCode;
        }
        await using var cli = await CliHost.OpenAsync(options.Settings, time, ct);
        var db = cli.Db;

        // The same name `chat` uses for the person at the keyboard.
        var user = terminalUser ?? (Environment.UserName is { Length: > 0 } name ? name : "me");
        var now = (time ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        var summary = await DemoSeeder.SeedAsync(db, now, options.LeadEmail, user, ct);
        if (summary is null)
        {
            await error.WriteLineAsync("This database already has people in it: seed-demo only fills an empty one, and changed nothing.");
            await error.WriteLineAsync("Point it at a new file, e.g. seed-demo --ConnectionStrings:Coach=\"Data Source=demo.db\" (and the same setting for chat).");
            return 1;
        }
        await output.WriteAsync(Describe(summary, user, options.Settings));
        return 0;
    }

    private static string Describe(DemoSummary s, string user, string[] settings)
    {
        var tail = settings.Length == 0 ? "" : " " + string.Join(' ', settings.Select(a => a.Contains(' ') ? $"\"{a}\"" : a));
        var run = "dotnet run --project bot --";
        return $"""
            Demo created (the same every time; its three months end now).
              Team:    {s.Team}
              Lead:    {s.Lead} <{s.LeadEmail}>, also the admin
              Members: {string.Join(", ", s.Members)}
                       (placeholders with @demo.example emails: each is linked when someone writes with that email)
              {s.Accounts} accounts ({s.KeyAccounts} key), {s.Promises} promises, {s.Calls} calls, {s.Meetings} meetings, {s.Lost} accounts lost, {s.Kudos} kudos.

            You are {s.Lead}: `chat` in this terminal talks as '{user}', which is now hers.
            Try next:
              {run} chat{tail}
                  then: digest        the team's digest for last week
                        team          who is in {s.Team}
                        link          a code to be {s.Lead} in the playground or Teams too (send `link <code>` there)
              {run} digest --person {s.Members[0].Split(' ')[0].ToLowerInvariant()}@demo.example{tail}
            With --as you@company.com the lead has your work email, so Teams or Slack with that email are her as well.

            """;
    }
}
