using System.Globalization;
using AccountCoachBot.Conversation;
using AccountCoachBot.Data;
using AccountCoachBot.Features.Digests;
using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Cli;

/// <summary>
/// What `digest` was asked for: one person's figures, one team's, or (neither) every team's; which days (null: last
/// week in the person's or the lead's zone); as JSON or text.
/// </summary>
public sealed record DigestCliOptions(string? Person, string? Team, DateOnly? From, DateOnly? To, bool Json, string[] Settings);

/// <summary>
/// `digest --person olga@example.com | --team "Sales East" [--from 2026-11-23 --to 2026-11-29] [--json]`: a person's
/// or a team's figures — every team's without either — read by the operator (the command line reads everything),
/// for checking against the raw records.
/// </summary>
public static class DigestCliCommand
{
    /// <summary>Pure: splits the arguments into options and settings, or says what is wrong.</summary>
    public static DigestCliOptions? Parse(IReadOnlyList<string> args, out string? problem)
    {
        problem = null;
        string? person = null, team = null;
        DateOnly? from = null, to = null;
        var json = false;
        var settings = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? Value() => i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
            switch (arg)
            {
                case "--json": json = true; break;
                case "--person": person = Value(); if (person is null) problem = "--person needs an email."; break;
                case "--team": team = Value(); if (string.IsNullOrWhiteSpace(team)) problem = "--team needs a team's name."; break;
                case "--from": from = Date(Value(), "--from", ref problem); break;
                case "--to": to = Date(Value(), "--to", ref problem); break;
                default: settings.Add(arg); break;
            }
            if (problem is not null) return null;
        }
        if (person is not null && team is not null) problem = "Give --person or --team, not both.";
        else if ((from is null) != (to is null)) problem = "Give both --from and --to, or neither (last week).";
        else if (from is { } f && to is { } t)
        {
            if (f > t) problem = "--from is after --to.";
            else if (t.DayNumber - f.DayNumber + 1 > DigestPeriod.MaxDays) problem = $"The period is longer than {DigestPeriod.MaxDays} days.";
        }
        return problem is null ? new DigestCliOptions(person, team, from, to, json, [.. settings]) : null;
    }

    private static DateOnly? Date(string? value, string name, ref string? problem)
    {
        if (value is not null && value.Length == 10 && value.All(c => c is '-' or (>= '0' and <= '9'))
            && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        problem = $"{name} needs a date as YYYY-MM-DD.";
        return null;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider? time = null, CancellationToken ct = default)
    {
        var options = Parse(args, out var problem);
        if (options is null)
        {
            await error.WriteLineAsync(problem);
            return CommandLine.MisuseExitCode;
        }
        await using var cli = await CliHost.OpenAsync(options.Settings, time, ct);
        var db = cli.Db;

        if (options.Person is null) return await DigestCliTeams.RunAsync(cli.Services, db, options, output, error, time ?? TimeProvider.System, ct);

        var email = options.Person.Trim();
        var person = (await db.People.AsNoTracking().Where(p => p.Email != null).ToListAsync(ct))
            .FirstOrDefault(p => string.Equals(p.Email, email, StringComparison.OrdinalIgnoreCase));
        if (person is null)
        {
            await error.WriteLineAsync($"No person with the email {email}.");
            return 1;
        }
        var zone = person.Zone;
        var now = (time ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        var period = Period(options, now, zone);
        var digest = await cli.Services.GetRequiredService<DigestBuilder>().BuildAsync(db, [person.Id], period, zone, ct: ct);
        await output.WriteLineAsync(options.Json ? DigestJson.Serialize(digest) : PlainTextRenderer.Render(DigestCards.Person(digest, Language.En)));
        return 0;
    }

    /// <summary>The days asked for, or last week in the zone.</summary>
    public static DigestPeriod Period(DigestCliOptions options, DateTime nowUtc, TimeZoneInfo zone) =>
        options.From is { } from && options.To is { } to ? DigestPeriod.Of(PeriodKind.Dates, from, to, zone) : DigestPeriod.LastWeek(nowUtc, zone);
}
