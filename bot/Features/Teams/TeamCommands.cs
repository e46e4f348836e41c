using System.Text.RegularExpressions;
using AccountCoachBot.Conversation;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.Teams;

/// <summary>
/// `team create Sales East lead @anna`, `team lead Sales East @boris` (admins); `team add @boris @vera`,
/// `team remove @boris` (a lead, in their own team; with several, named first); `teams` (anyone: their teams).
/// </summary>
public sealed partial class TeamCommands(TeamAccess access) : ITurnHandler
{

    [GeneratedRegex(@"\s*(?:\blead\b|\bleader\b|руководитель|лидер|лид)\s*:?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingLeadWord();

    public async Task<IReadOnlyList<Reply>?> TryHandleAsync(Turn turn, CancellationToken ct)
    {
        if (turn.Action is not null) return null;
        string rest;
        if (TeamVerbs.Create.Matches(turn.Text, out rest)) return [await CreateAsync(turn, rest, ct)];
        if (TeamVerbs.Lead.Matches(turn.Text, out rest)) return [await LeadAsync(turn, rest, ct)];
        if (TeamVerbs.Add.Matches(turn.Text, out rest)) return [await ChangeAsync(turn, rest, add: true, ct)];
        if (TeamVerbs.Remove.Matches(turn.Text, out rest)) return [await ChangeAsync(turn, rest, add: false, ct)];
        if (TeamVerbs.Show.Matches(turn.Text, out rest)) return [await TeamList.ShowAsync(turn, access, rest, ct)];
        return null;
    }

    private async Task<Reply> CreateAsync(Turn turn, string rest, CancellationToken ct)
    {
        if (!await access.IsAdminAsync(turn.Person, ct)) return turn.T(TeamTexts.NotAdmin);
        var split = PersonRefs.Read(rest, turn.Message.MentionsOrEmpty);
        var name = Team.Clean(TrailingLeadWord().Replace(split.Head, ""));
        if (split.People.Count != 1 || name.Length == 0 || split.Tail.Length > 0) return turn.T(TeamTexts.CreateUsage);
        if (name.Length > 100) return turn.T(TeamTexts.NameTooLong);
        if (await access.FindByNameAsync(name, ct) is { } existing) return turn.T(TeamTexts.TeamExists, existing.Name);
        var lead = await TeamPeople.ResolveAsync(turn.Db, turn.Message.Channel, split.People[0], turn.NowUtc, ct);
        if (lead.Problem is not null) return Undo(turn, lead.Problem, lead.Shown);
        await turn.Db.SaveChangesAsync(ct);
        turn.Db.Set<Team>().Add(new Team { Name = name, NormalizedName = Team.Normalize(name), LeadId = lead.Person!.Id, CreatedUtc = turn.NowUtc });
        return turn.T(TeamTexts.Created, name, lead.Shown);
    }

    private async Task<Reply> LeadAsync(Turn turn, string rest, CancellationToken ct)
    {
        if (!await access.IsAdminAsync(turn.Person, ct)) return turn.T(TeamTexts.NotAdmin);
        var split = PersonRefs.Read(rest, turn.Message.MentionsOrEmpty);
        var name = Team.Clean(TrailingLeadWord().Replace(split.Head, ""));
        if (split.People.Count != 1 || name.Length == 0 || split.Tail.Length > 0) return turn.T(TeamTexts.LeadUsage);
        var team = await access.FindByNameAsync(name, ct);
        if (team is null) return turn.T(TeamTexts.UnknownTeam, name);
        var lead = await TeamPeople.ResolveAsync(turn.Db, turn.Message.Channel, split.People[0], turn.NowUtc, ct);
        if (lead.Problem is not null) return Undo(turn, lead.Problem, lead.Shown);
        await turn.Db.SaveChangesAsync(ct);
        team.LeadId = lead.Person!.Id;
        return turn.T(TeamTexts.LeadChanged, team.Name, lead.Shown);
    }

    private async Task<Reply> ChangeAsync(Turn turn, string rest, bool add, CancellationToken ct)
    {
        var split = PersonRefs.Read(rest, turn.Message.MentionsOrEmpty);
        if (split.People.Count == 0 || split.Tail.Length > 0) return turn.T(add ? TeamTexts.AddUsage : TeamTexts.RemoveUsage);

        Team team;
        if (split.Head.Length > 0)
        {
            var lookup = await access.FindTeamForAsync(turn.Person, split.Head, ct);
            if (lookup.Team is null) return lookup.RefusalIn(turn.Language);
            team = lookup.Team;
        }
        else
        {
            var led = await access.TeamsLedByAsync(turn.Person.Id, ct);
            if (led.Count == 0) return turn.T(TeamTexts.LeadsNoTeam);
            if (led.Count > 1)
                return turn.T(TeamTexts.WhichTeam, string.Join(", ", led.Select(t => t.Name)), led[0].Name);
            team = led[0];
        }

        var people = new List<(Features.People.Person Person, string Shown)>();
        foreach (var named in split.People)
        {
            var found = await TeamPeople.ResolveAsync(turn.Db, turn.Message.Channel, named, turn.NowUtc, ct);
            if (found.Problem is not null) return Undo(turn, found.Problem, found.Shown);
            if (people.All(p => !ReferenceEquals(p.Person, found.Person))) people.Add((found.Person!, found.Shown));
        }
        await turn.Db.SaveChangesAsync(ct);

        var members = await turn.Db.Set<TeamMember>().Where(m => m.TeamId == team.Id).ToListAsync(ct);
        var done = new List<string>();
        var skipped = new List<string>();
        foreach (var (person, shown) in people)
        {
            var member = members.FirstOrDefault(m => m.PersonId == person.Id);
            if (add == (member is not null))
            {
                skipped.Add(shown);
                continue;
            }
            done.Add(shown);
            if (!add)
            {
                turn.Db.Remove(member!);
                continue;
            }
            member = new TeamMember { TeamId = team.Id, PersonId = person.Id, AddedUtc = turn.NowUtc };
            turn.Db.Set<TeamMember>().Add(member);
            // A lead who adds themselves needs no notice about themselves.
            if (person.Id == team.LeadId) member.ToldUtc = turn.NowUtc;
            else await TeamNotices.QueueNoticeAsync(turn.Db, member, turn.NowUtc, ct);
        }

        var lines = new List<string>();
        if (done.Count > 0) lines.Add(turn.T(add ? TeamTexts.Added : TeamTexts.Removed, team.Name, string.Join(", ", done)));
        if (skipped.Count > 0) lines.Add(turn.T(add ? TeamTexts.AlreadyIn : TeamTexts.NotIn, team.Name, string.Join(", ", skipped)));
        return string.Join("\n", lines);
    }

    /// <summary>Bad input changes nothing: people added as placeholders while reading the command are dropped.</summary>
    private static Reply Undo(Turn turn, Text problem, string shown)
    {
        foreach (var person in turn.Db.ChangeTracker.Entries<Features.People.Person>())
            person.Entity.Identities.RemoveAll(i => i.Id == 0);
        foreach (var entry in turn.Db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
            entry.State = EntityState.Detached;
        return turn.T(problem, shown);
    }
}
