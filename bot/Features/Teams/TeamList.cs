using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.Teams;

/// <summary>`teams`: the person's teams with lead and members (an admin sees every team); `team Sales East`: that one, if it is theirs.</summary>
internal static class TeamList
{
    public static async Task<Reply> ShowAsync(Turn turn, TeamAccess access, string name, CancellationToken ct)
    {
        var admin = await access.IsAdminAsync(turn.Person, ct);
        var teams = admin ? await turn.Db.Set<Team>().OrderBy(t => t.Name).ToListAsync(ct) : await access.TeamsOfAsync(turn.Person.Id, ct);
        if (name.Length > 0)
        {
            var wanted = Team.Normalize(Team.Clean(name));
            var team = teams.FirstOrDefault(t => t.NormalizedName == wanted);
            if (team is null)
                return await access.FindByNameAsync(name, ct) is { } other ? turn.T(TeamTexts.NotYourTeam, other.Name) : turn.T(TeamTexts.UnknownTeam, Team.Clean(name));
            teams = [team];
        }
        if (teams.Count == 0) return turn.T(admin ? TeamTexts.NoTeamsYet : TeamTexts.NotInAnyTeam);

        var lines = new List<string>();
        foreach (var team in teams)
        {
            var lead = team.LeadId is { } leadId ? await turn.Db.People.FirstOrDefaultAsync(p => p.Id == leadId, ct) : null;
            var members = await access.MembersAsync(team.Id, ct);
            var names = members.Count == 0 ? turn.T(TeamTexts.NoMembers) : string.Join(", ", members.Select(m => Named(turn, m)));
            lines.Add(turn.T(TeamTexts.TeamLine, team.Name, lead is null ? turn.T(TeamTexts.NoLead) : Named(turn, lead), names));
        }
        var title = turn.T(admin && name.Length == 0 ? TeamTexts.AllTeams : TeamTexts.YourTeams);
        return new Reply($"{title}:\n{string.Join("\n", lines)}", new Card(title, Lines: lines));
    }

    /// <summary>A placeholder (added by email or mention, not yet written) is marked, so the lead knows who can't be told yet.</summary>
    private static string Named(Turn turn, Person person) =>
        TeamPeople.Who(person) + (person.Welcomed ? "" : turn.T(TeamTexts.NotYetTalked));
}
