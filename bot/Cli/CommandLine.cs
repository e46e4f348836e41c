namespace AccountCoachBot.Cli;

/// <summary>What a command line asks for; <see cref="CommandLine.Decide"/> makes one from the arguments.</summary>
public abstract record CliDecision
{
    private CliDecision() { }

    /// <summary>Run the bot server with these configuration arguments.</summary>
    public sealed record Serve(string[] Settings) : CliDecision;

    /// <summary>Run a verb with the arguments after it, which have been checked.</summary>
    public sealed record Run(string Verb, string[] Args) : CliDecision;

    /// <summary>Print the verb list (<paramref name="Verb"/> null) or one verb's usage on stdout; exit 0.</summary>
    public sealed record Help(string? Verb) : CliDecision;

    /// <summary>
    /// Misuse: print <paramref name="Problem"/>, then the usage of <paramref name="Verb"/> (the verb list when null),
    /// on stderr; exit 2.
    /// </summary>
    public sealed record Misuse(IReadOnlyList<string> Problem, string? Verb) : CliDecision;
}

/// <summary>
/// Reads the command line. No arguments, or ASP.NET Core configuration switches only, run the server (that is how
/// the server has always been started); a verb runs that verb; anything else is a misuse, and never starts the server.
/// </summary>
public static class CommandLine
{
    /// <summary>The exit code for a misused command line.</summary>
    public const int MisuseExitCode = 2;

    private const int MaxSuggestionDistance = 2;

    /// <summary>Decides what <paramref name="args"/> ask for. Pure: reads nothing but the arguments.</summary>
    public static CliDecision Decide(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0) return new CliDecision.Serve([]);

        var first = args[0];
        var verb = CliVerbs.Find(first);
        if (args.Any(IsHelpSwitch)) return new CliDecision.Help(verb?.Name);
        if (first == "help") return HelpWith(args.Skip(1).ToArray());

        var rest = args.Skip(1).ToArray();
        return verb?.Name switch
        {
            "serve" => SettingsProblem(rest, "serve") ?? new CliDecision.Serve(rest),
            "chat" => SettingsProblem(rest, "chat") ?? new CliDecision.Run("chat", rest),
            "parse" => Parse(rest),
            "eval" => Eval(rest),
            "teams-package" => TeamsPackage(rest),
            "accounts" => Accounts(rest),
            "digest" => Digest(rest),
            "teams" => Teams(rest),
            "seed-demo" => SeedDemo(rest),
            _ => NoVerb(args),
        };
    }

    /// <summary>
    /// Splits the <c>teams-package</c> arguments into the output file (<c>--out file.zip</c> or <c>--out=file.zip</c>,
    /// null when not given) and the settings; <c>Problem</c> says what is wrong, if anything.
    /// </summary>
    public static (string? Out, string[] Settings, string? Problem) SplitOut(IReadOnlyList<string> args)
    {
        string? output = null;
        var settings = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? value;
            if (arg == "--out")
            {
                value = i + 1 < args.Count && !args[i + 1].StartsWith('-') ? args[++i] : "";
            }
            else if (arg.StartsWith("--out=", StringComparison.Ordinal))
            {
                value = arg["--out=".Length..];
            }
            else
            {
                settings.Add(arg);
                continue;
            }

            if (string.IsNullOrWhiteSpace(value)) return (null, [], "--out needs a file name, e.g. --out bot.zip.");
            if (output is not null) return (null, [], "--out is given twice.");
            output = value;
        }
        return (output, settings.ToArray(), null);
    }

    /// <summary>
    /// The closest verb to <paramref name="word"/> (Damerau–Levenshtein distance at most 2, and less than the word's
    /// length, ignoring case), or null; ties go to the verb listed first.
    /// </summary>
    public static string? Suggest(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Conversation.EditDistance.Between(word.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }
        return bestDistance <= MaxSuggestionDistance && bestDistance < word.Length ? best : null;
    }

    private static bool IsHelpSwitch(string arg) => arg is "--help" or "-h";

    private static CliDecision HelpWith(string[] rest) => rest switch
    {
        [] => new CliDecision.Help(null),
        [var name] when CliVerbs.Find(name) is { } verb => new CliDecision.Help(verb.Name),
        [var name] => Unknown(name),
        _ => new CliDecision.Misuse([$"help takes one verb at most, not '{string.Join(' ', rest)}'."], "help"),
    };

    private static CliDecision Parse(string[] rest) => rest switch
    {
        ["--batch"] => new CliDecision.Run("parse", rest),
        _ when !rest.Contains("--batch") => new CliDecision.Misuse(["parse needs --batch."], "parse"),
        _ => new CliDecision.Misuse([$"Unexpected argument '{rest.First(a => a != "--batch")}'."], "parse"),
    };

    // eval [--misses] [--dir <folder>] [--Ai:<setting>=<value> …]
    private static CliDecision Eval(string[] rest)
    {
        for (var i = 0; i < rest.Length; i++)
        {
            if (rest[i] == "--misses") continue;
            if (rest[i] == "--dir" && i + 1 < rest.Length) { i++; continue; }
            if (rest[i].StartsWith("--Ai:", StringComparison.OrdinalIgnoreCase) && rest[i].Contains('=')) continue; // the model to compare
            return new CliDecision.Misuse([rest[i] == "--dir" ? "--dir needs a folder." : $"Unexpected argument '{rest[i]}'."], "eval");
        }
        return new CliDecision.Run("eval", rest);
    }

    private static CliDecision TeamsPackage(string[] rest)
    {
        var (_, settings, problem) = SplitOut(rest);
        return problem is not null
            ? new CliDecision.Misuse([problem], "teams-package")
            : SettingsProblem(settings, "teams-package") ?? new CliDecision.Run("teams-package", rest);
    }

    private static CliDecision Accounts(string[] rest)
    {
        string[] subverbs = ["import", "export"];
        if (rest.Length == 0 || rest[0].StartsWith('-'))
            return new CliDecision.Misuse(["accounts needs import or export, then a CSV file."], "accounts");
        if (!subverbs.Contains(rest[0]))
            return new CliDecision.Misuse(WithSuggestion($"Unknown accounts command '{rest[0]}'.", rest[0], subverbs), "accounts");
        if (rest.Length < 2 || rest[1].StartsWith("--", StringComparison.Ordinal))
            return new CliDecision.Misuse([$"accounts {rest[0]} needs a CSV file."], "accounts");
        return SettingsProblem(rest[2..], "accounts") ?? new CliDecision.Run("accounts", rest);
    }

    private static CliDecision Digest(string[] rest) =>
        DigestCliCommand.Parse(rest, out var problem) is { } options
            ? SettingsProblem(options.Settings, "digest") ?? new CliDecision.Run("digest", rest)
            : new CliDecision.Misuse([problem!], "digest");

    private static CliDecision SeedDemo(string[] rest) =>
        SeedDemoCommand.Parse(rest, out var problem) is { } options
            ? SettingsProblem(options.Settings, "seed-demo") ?? new CliDecision.Run("seed-demo", rest)
            : new CliDecision.Misuse([problem!], "seed-demo");

    private static CliDecision Teams(string[] rest)
    {
        string[] subverbs = ["import"];
        if (rest.Length == 0 || rest[0].StartsWith('-'))
            return new CliDecision.Misuse(["teams needs import, then a CSV file."], "teams");
        if (!subverbs.Contains(rest[0]))
            return new CliDecision.Misuse(WithSuggestion($"Unknown teams command '{rest[0]}'.", rest[0], subverbs), "teams");
        if (rest.Length < 2 || rest[1].StartsWith("--", StringComparison.Ordinal))
            return new CliDecision.Misuse([$"teams {rest[0]} needs a CSV file."], "teams");
        return SettingsProblem(rest[2..], "teams") ?? new CliDecision.Run("teams", rest);
    }

    // No verb: settings only run the server; anything else is an unknown command.
    private static CliDecision NoVerb(IReadOnlyList<string> args)
    {
        var at = FirstNonSetting(args, out var missingValue);
        if (at < 0) return new CliDecision.Serve(args.ToArray());
        var arg = args[at];
        if (missingValue)
        {
            var problem = $"'{arg}' is not a command, and as a setting it needs a value (--key value or --key=value).";
            return new CliDecision.Misuse(WithSuggestion(problem, arg, ["--help"]), null);
        }
        return CliVerbs.Find(arg) is { } verb
            ? new CliDecision.Misuse([$"'{verb.Name}' must come first, before the settings."], verb.Name)
            : Unknown(arg);
    }

    private static CliDecision.Misuse Unknown(string word) =>
        new(WithSuggestion($"Unknown command '{word}'.", word, CliVerbs.All.Select(v => v.Name)), null);

    private static string[] WithSuggestion(string problem, string word, IEnumerable<string> candidates) =>
        Suggest(word, candidates) is { } close ? [problem, $"Did you mean '{close}'?"] : [problem];

    // The verb's settings must all be configuration switches.
    private static CliDecision? SettingsProblem(IReadOnlyList<string> settings, string verb)
    {
        var at = FirstNonSetting(settings, out var missingValue);
        if (at < 0) return null;
        return new CliDecision.Misuse(
            [missingValue ? $"The setting '{settings[at]}' needs a value (--key value or --key=value)." : $"Unexpected argument '{settings[at]}'."],
            verb);
    }

    /// <summary>
    /// The index of the first argument that is not part of a configuration switch as ASP.NET Core reads them
    /// (<c>--key value</c>, <c>--key=value</c>, <c>/key value</c>, <c>/key=value</c>, <c>key=value</c>), or -1 when
    /// all are; <paramref name="missingValue"/> when that argument is a switch whose value is missing.
    /// </summary>
    internal static int FirstNonSetting(IReadOnlyList<string> args, out bool missingValue)
    {
        missingValue = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var keyStart = arg.StartsWith("--", StringComparison.Ordinal) ? 2 : arg.StartsWith('/') ? 1 : 0;
            var equals = arg.IndexOf('=');
            if (keyStart == 0 && arg.StartsWith('-')) return i;       // -x: ASP.NET Core ignores it or fails on it
            if (equals >= 0)
            {
                if (equals == keyStart) return i;                     // "=value", "--=value": no key
                continue;
            }
            if (keyStart == 0 || arg.Length == keyStart) return i;    // a bare word, or "--" / "/" alone
            if (i + 1 >= args.Count)
            {
                missingValue = true;
                return i;
            }
            i++;                                                      // the value of --key
        }
        return -1;
    }
}
