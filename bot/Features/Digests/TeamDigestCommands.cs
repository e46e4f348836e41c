using AccountCoachBot.Conversation;
using AccountCoachBot.Features.Teams;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.Digests;

/// <summary>
/// `digest` / `сводка` for a lead: their team's digest, on the lead's calendar; `digest last month`,
/// `digest 2026-11-01 2026-11-30`, `digest Sales East [period]`. Admins read any team; anyone else is refused and
/// pointed to `digest me`. Every team, typed or in a button, is checked against the person asking.
/// </summary>
public sealed class TeamDigestCommands(TeamDigests digests, TeamAccess access) : ITurnHandler
{
    /// <summary>More teams than this and `digest` asks which, rather than sending a wall of cards.</summary>
    public const int MaxTeamsAtOnce = 3;

    public async Task<IReadOnlyList<Reply>?> TryHandleAsync(Turn turn, CancellationToken ct)
    {
        if (turn.Action is { } action)
            return action.Id == TeamDigestButtons.Action ? await PressedAsync(turn, action, ct) : null;
        if (!DigestVerbs.Team.Matches(turn.Text, out var rest)) return null;
        return await TypedAsync(turn, rest, ct);
    }

    private async Task<IReadOnlyList<Reply>> TypedAsync(Turn turn, string rest, CancellationToken ct)
    {
        var zone = turn.Person.Zone;
        // A team whose whole name reads like a period ("Deal of the month") is still that team.
        if (rest.Length > 0 && await access.FindByNameAsync(rest, ct) is not null)
            return await NamedAsync(turn, rest, DigestPeriod.LastWeek(turn.NowUtc, zone), ct);

        var args = TeamDigestArgsParser.Parse(rest, turn.NowUtc, zone);
        if (args.Error is { } error) return [turn.T(error)];
        return args.TeamName is { } name
            ? await NamedAsync(turn, name, args.Period!, ct)
            : await LedAsync(turn, args.Period!, ct);
    }

    private async Task<IReadOnlyList<Reply>> LedAsync(Turn turn, DigestPeriod period, CancellationToken ct)
    {
        var teams = await access.TeamsLedByAsync(turn.Person.Id, ct);
        if (teams.Count == 0)
        {
            if (!await access.IsAdminAsync(turn.Person, ct)) return [turn.T(TeamDigestTexts.LeadsNothing)];
            var all = await turn.Db.Set<Team>().OrderBy(t => t.Name).Select(t => t.Name).ToListAsync(ct);
            return all.Count == 0 ? [turn.T(TeamDigestTexts.NoTeamsYet)] : [turn.T(TeamDigestTexts.AdminNamesTeam, string.Join(", ", all), all[0])];
        }
        if (teams.Count > MaxTeamsAtOnce)
            return [turn.T(TeamDigestTexts.WhichTeam, teams.Count, string.Join(", ", teams.Select(t => t.Name)), teams[0].Name)];
        var replies = new List<Reply>();
        foreach (var team in teams) replies.Add(await DigestAsync(turn, team, period, ct));
        return replies;
    }

    private async Task<IReadOnlyList<Reply>> NamedAsync(Turn turn, string name, DigestPeriod period, CancellationToken ct)
    {
        var lookup = await access.FindTeamForAsync(turn.Person, name, ct);
        if (lookup.Team is null)
            return [turn.T(lookup.Refusal == TeamTexts.UnknownTeam ? TeamDigestTexts.UnknownTeam : TeamDigestTexts.NotYourTeam, lookup.Name)];
        return [await DigestAsync(turn, lookup.Team, period, ct)];
    }

    private async Task<IReadOnlyList<Reply>> PressedAsync(Turn turn, SubmittedAction action, CancellationToken ct)
    {
        if (TeamDigestButtons.Read(action, turn.NowUtc, turn.Person.Zone) is not { } pressed) return [turn.T(TeamDigestTexts.StaleButton)];
        var team = await turn.Db.Set<Team>().FirstOrDefaultAsync(t => t.Id == pressed.TeamId, ct);
        // A payload naming a team the presser doesn't lead gets the same answer whether or not that team exists.
        if (team is null || (team.LeadId != turn.Person.Id && !await access.IsAdminAsync(turn.Person, ct)))
            return [turn.T(TeamDigestTexts.NotYourButton)];
        return [await DigestAsync(turn, team, pressed.Period, ct)];
    }

    private async Task<Reply> DigestAsync(Turn turn, Team team, DigestPeriod period, CancellationToken ct)
    {
        var zone = turn.Person.Zone;
        if ((await access.MembersAsync(team.Id, ct)).Count == 0) return turn.T(TeamDigestTexts.NoMembers, team.Name);
        var digest = await digests.BuildAsync(turn.Db, team, period, zone, ct);
        if (digest.IsEmpty) return turn.T(TeamDigestTexts.Empty, team.Name, period.Label(turn.Language));
        var reply = digests.Render(digest, turn.Language);
        if (reply.Card is not { } card) return reply;
        card = card with { Actions = TeamDigestButtons.For(team.Id, period, turn.NowUtc, zone, turn.Language) };
        return reply with { Text = PlainTextRenderer.Render(new Reply("", card)), Card = card };
    }
}
