using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Data;
using AccountCoachBot.Features.ProactiveCalls.Import;

namespace AccountCoachBot.Cli;

/// <summary>
/// `accounts import file.csv` / `accounts export file.csv`: on the same executable, with the bot's configuration
/// and database (settings after the file name, e.g. <c>--ConnectionStrings:Coach=…</c>, like the server takes them).
/// With Slack configured, owners without an email on file are found through Slack.
/// </summary>
public static class AccountsCommand
{
    public const string Usage = "Usage: accounts import <file.csv> | accounts export <file.csv>   (columns: name,owner_email,tier,cadence_days,last_contact,slack_channel)";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider? time = null, CancellationToken ct = default)
    {
        if (args.Length < 2 || args[0] is not ("import" or "export") || args[1].StartsWith("--", StringComparison.Ordinal))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }
        var (verb, file, settings) = (args[0], args[1], args[2..]);

        await using var cli = await CliHost.OpenAsync(settings, time, ct, builder =>
        {
            builder.AddSlackOwnerLookup();
            builder.Services.AddScoped<AccountImporter>();
        });

        if (verb == "export")
        {
            await using var writer = new StreamWriter(file, append: false, new System.Text.UTF8Encoding(false));
            var exported = await AccountExporter.ExportAsync(cli.Services.GetRequiredService<CoachDbContext>(),
                cli.Services.GetRequiredService<Conversation.Destinations>(), writer, ct);
            foreach (var warning in exported.Warnings) await error.WriteLineAsync($"warning: {warning}");
            await output.WriteLineAsync($"Exported {exported.Accounts} accounts to {file}.");
            return 0;
        }

        if (!File.Exists(file))
        {
            await error.WriteLineAsync($"No such file: {file}");
            return 2;
        }
        using var reader = new StreamReader(file, detectEncodingFromByteOrderMarks: true);
        var report = await cli.Services.GetRequiredService<AccountImporter>().ImportAsync(reader, ct);
        if (!report.Ok)
        {
            await error.WriteLineAsync($"Nothing imported: {report.Errors.Count} problem(s).");
            foreach (var problem in report.Errors) await error.WriteLineAsync(problem);
            return 1;
        }
        await output.WriteLineAsync($"Imported {report.Created + report.Updated} accounts: {report.Created} new, {report.Updated} updated.");
        return 0;
    }
}
