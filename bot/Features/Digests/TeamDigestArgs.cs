using System.Text.RegularExpressions;
using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.Digests;

/// <summary>What follows `digest`: a team's name, a period, both (`Sales East last month`), or neither.</summary>
public sealed record TeamDigestArgs(string? TeamName, DigestPeriod? Period, Text? Error);

/// <summary>
/// Splits what follows `digest` into a team name and a trailing period. The period is found from the right: the
/// longest tail that reads as a period (or as a period with a mistake in it, e.g. dates backwards) is the period, the
/// rest is the name. A team whose whole name happens to read as a period is checked for by the caller first.
/// </summary>
public static partial class TeamDigestArgsParser
{
    [GeneratedRegex(@"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")]
    private static partial Regex DateLike();

    public static TeamDigestArgs Parse(string rest, DateTime nowUtc, TimeZoneInfo zone)
    {
        var whole = DigestPeriod.Parse(rest, nowUtc, zone, out var wholeError);
        if (whole is not null) return new(null, whole, null);
        if (wholeError != DigestTexts.PeriodMalformed) return new(null, null, ForTeams(wholeError!));

        var words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var k = 1; k < words.Length; k++)
        {
            var tail = string.Join(' ', words[k..]);
            var period = DigestPeriod.Parse(tail, nowUtc, zone, out var error);
            if (period is null && error == DigestTexts.PeriodMalformed) continue;
            var name = string.Join(' ', words[..k]);
            return period is null ? new(name, null, ForTeams(error!)) : new(name, period, null);
        }
        // A date that is not a whole period ("digest Sales East 2026-11-01") is a period typed wrong, not a team's name.
        if (DateLike().IsMatch(rest)) return new(null, null, TeamDigestTexts.PeriodMalformed);
        return new(rest, DigestPeriod.LastWeek(nowUtc, zone), null);
    }

    /// <summary>The period errors with examples for `digest` rather than `digest me`.</summary>
    private static Text ForTeams(Text error) =>
        error == DigestTexts.PeriodMalformed ? TeamDigestTexts.PeriodMalformed
        : error == DigestTexts.PeriodNoSuchDate ? TeamDigestTexts.PeriodNoSuchDate
        : error;
}
