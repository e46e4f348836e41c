using System.Text;

namespace AccountCoachBot.Cli;

/// <summary>One verb of the command line: its usage lines, a one-line summary for the list, and what it does.</summary>
public sealed record CliVerb(string Name, string[] Usage, string Summary, string Description);

/// <summary>The verbs on the executable and their help texts (English: the command line is for the operator).</summary>
public static class CliVerbs
{
    public static readonly IReadOnlyList<CliVerb> All =
    [
        new("serve", ["serve [settings]"],
            "run the bot server (what no verb does)",
            """
            Runs the bot server: the Bot Framework endpoint /api/messages and the Slack endpoints under /slack
            (Slack stays off until Slack:BotToken is set). It migrates the database first. It listens where the Urls
            setting says (appsettings.json: http://localhost:3978), e.g. serve --urls http://127.0.0.1:5000.
            Running with no arguments, or with settings only, does the same.
            """),
        new("chat", ["chat [settings]"],
            "talk to the bot in this terminal (stdin and stdout)",
            """
            Talks to the bot through the same turn pipeline as Teams and Slack, reading stdin and writing stdout.
            Cards print as text with numbered buttons: type the number to press one. Reminders print as they come
            while chat runs. `exit` (or the end of the input) leaves.
            """),
        new("parse", ["parse --batch"],
            "the promise parser: JSON lines on stdin, one JSON line out for each",
            """
            Reads JSON lines {"text","now","tz","accounts":[...]} from stdin and writes one JSON line per input line
            to stdout, in order: {"isPromise","account","action","due"}, or {"error"} for a line it cannot read.
            `now` is a wall time in `tz` unless it carries an offset. Each line is read as the chat reads it:
            `promise Acme: …` is the explicit form, anything else free text.
            """),
        new("eval", ["eval [--misses] [--dir <folder>] [--Ai:Provider=… --Ai:Endpoint=… …]"],
            "accuracy of the parser, the principle search and the model on prompts/evals",
            """
            Runs the eval sets in prompts/evals (promises.en/ru.jsonl, ask.en/ru.jsonl) through the promise parser
            (reading each line exactly as the chat and parse --batch do), the offline principle search (top-3) and,
            when one is configured, the model, and prints the accuracy per set, language and field side by side.
            --misses lists every case that was missed; --dir reads the sets from another folder; --Ai:<setting>=<value>
            names a model to compare (as the server's Ai settings do).
            """),
        new("teams-package", ["teams-package [--out file.zip] [settings]"],
            $"build the Teams app package (default {TeamsPackageCommand.DefaultOutputFile})",
            $"""
            Builds the Microsoft Teams app package from manifests/teams (run it inside the repository), with the app
            id and bot id set to the MicrosoftAppId setting; without one the package keeps a placeholder id.
            Writes {TeamsPackageCommand.DefaultOutputFile} unless --out names another file.
            """),
        new("accounts", ["accounts import <file.csv> [settings]", "accounts export <file.csv> [settings]"],
            "import or export the accounts as CSV",
            """
            Columns: name,owner_email,tier,cadence_days,last_contact,slack_channel.
            import checks every row first and writes nothing if any row has a problem (each is reported by line);
            owners must be people the bot already knows, matched by email (through Slack when Slack is configured).
            export writes every account in the same format, so an export imports back unchanged.
            """),
        new("digest", ["digest --person <email> [--from YYYY-MM-DD --to YYYY-MM-DD] [--json] [settings]",
                "digest [--team <name>] [--from YYYY-MM-DD --to YYYY-MM-DD] [--json] [settings]"],
            "a person's, a team's or every team's digest figures, as text or JSON",
            """
            Computes the digest figures for the person with this email, for the team of that name, or (with neither)
            for every team: last week (Monday to Sunday in the person's or the team lead's time zone) unless --from and
            --to name the days (inclusive, at most 366). --json prints every figure, per member and for the team, with
            the period's UTC bounds and the team's kudos, so each can be checked against the raw records (every team:
            a JSON array); without it, the card as text. An unknown person or team exits 1.
            """),
        new("teams", ["teams import <file.csv> [settings]"],
            "import teams, their leads and members from CSV",
            """
            Columns: team,lead_email,member_email (one row per member; an empty member_email names a team and its lead).
            Checks every row first and writes nothing if any row has a problem (each is reported by line). People the
            bot doesn't know yet are added by email and linked when they first write to it; every member added is told
            once who their lead is and what the lead sees.
            """),
        new("seed-demo", ["seed-demo [--as <email>] [settings]"],
            "fill an empty database with a demo team and three months of history",
            """
            Fills an EMPTY database with a believable organisation: a lead (also the admin), a team of five, 40 client
            accounts with cadences, three months of promises ending now (kept, late, moved, cancelled, overdue), calls,
            meetings with briefs and debriefs, two accounts lost and some kudos. The same every time.
            The person at this terminal becomes the lead in `chat`; --as gives the lead your work email, so Teams or
            Slack with that email are the lead too. Refuses (exit 1, nothing changed) a database that has people.
            """),
        new("help", ["help [verb]"],
            "this list, or one verb's usage (also --help, -h)",
            """
            Lists the verbs, or shows one verb's usage. --help or -h anywhere does the same; after a verb, for that verb.
            """),
    ];

    /// <summary>The verb with exactly this name (verbs are case-sensitive), or null.</summary>
    public static CliVerb? Find(string name) => All.FirstOrDefault(v => v.Name == name);

    /// <summary>The list of verbs: what <c>--help</c> prints, and what follows an unknown command.</summary>
    public static string List()
    {
        var rows = All.SelectMany(v => v.Usage.Select((usage, i) => (Usage: ShortUsage(usage), Summary: i == 0 ? v.Summary : ""))).ToList();
        var width = rows.Max(r => r.Usage.Length) + 2;
        var text = new StringBuilder();
        text.AppendLine("Usage: AccountCoachBot [verb] [arguments]");
        text.AppendLine("   or, from the repository: dotnet run --project bot -- [verb] [arguments]");
        text.AppendLine();
        text.AppendLine("Verbs:");
        foreach (var (usage, summary) in rows)
            text.AppendLine(("  " + usage.PadRight(width) + summary).TrimEnd());
        text.AppendLine();
        text.Append(SettingsNote);
        return text.ToString();
    }

    /// <summary>One verb's usage: what <c>help verb</c> prints, and what follows a misuse of the verb.</summary>
    public static string UsageOf(string name)
    {
        var verb = Find(name) ?? throw new ArgumentException($"no verb '{name}'", nameof(name));
        var text = new StringBuilder();
        for (var i = 0; i < verb.Usage.Length; i++)
            text.AppendLine((i == 0 ? "Usage: " : "       ") + verb.Usage[i]);
        text.AppendLine();
        text.AppendLine(verb.Description.TrimEnd());
        if (verb.Usage.Any(u => u.Contains("[settings]", StringComparison.Ordinal)))
        {
            text.AppendLine();
            text.Append(SettingsNote);
        }
        return text.ToString();
    }

    private static string ShortUsage(string usage) => usage.Replace(" [settings]", "", StringComparison.Ordinal);

    private const string SettingsNote = """
        Settings are configuration switches, as the server takes them: --key value, --key=value, /key=value or
        key=value, e.g. --urls http://127.0.0.1:5000 or --ConnectionStrings:Coach="Data Source=coach.db".
        serve, chat, teams-package, accounts, teams, digest and seed-demo take them after their other arguments.
        No arguments, or settings only, run the server.

        """;
}
