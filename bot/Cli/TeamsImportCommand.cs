using AccountCoachBot.Data;
using AccountCoachBot.Features.Teams;

namespace AccountCoachBot.Cli;

/// <summary>`teams import teams.csv`: teams, leads and members in bulk, with the bot's configuration and database.</summary>
public static class TeamsImportCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider? time = null, CancellationToken ct = default)
    {
        var (file, settings) = (args[1], args[2..]);
        await using var cli = await CliHost.OpenAsync(settings, time, ct);

        if (!File.Exists(file))
        {
            await error.WriteLineAsync($"No such file: {file}");
            return 1;
        }
        using var reader = new StreamReader(file, detectEncodingFromByteOrderMarks: true);
        var report = await cli.Services.GetRequiredService<TeamImporter>().ImportAsync(reader, ct);
        if (!report.Ok)
        {
            await error.WriteLineAsync($"Nothing imported: {report.Errors.Count} problem(s).");
            foreach (var problem in report.Errors) await error.WriteLineAsync(problem);
            return 1;
        }
        await output.WriteLineAsync(
            $"Imported: {report.TeamsCreated} new team(s), {report.LeadsChanged} lead(s) changed, {report.MembersAdded} member(s) added, {report.PeopleAdded} new people (linked when they first write).");
        return 0;
    }
}
