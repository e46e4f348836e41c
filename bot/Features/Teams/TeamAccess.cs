using AccountCoachBot.Conversation;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AccountCoachBot.Features.Teams;

/// <summary>A team a person asked for by name, or why they may not have it (in both languages).</summary>
public sealed record TeamLookup(Team? Team, Text? Refusal, string Name)
{
    public string RefusalIn(Language language) => Refusal is null ? "" : Refusal.Format(language, Name);
}

/// <summary>
/// Who may do what with teams, in one place: admins (<c>Coach:Admins</c> by email, else the first person who talked
/// to the bot) create teams and name leads; a lead changes and reads their own teams; everyone reads their own
/// membership. Every team named in a command or a button is checked here against the person acting.
/// </summary>
public sealed class TeamAccess(CoachDbContext db, IOptions<TeamsOptions> options, TimeProvider time, ILogger<TeamAccess> logger)
{
    public async Task<bool> IsAdminAsync(Person person, CancellationToken ct)
    {
        var configured = options.Value.AdminEmails;
        if (configured.Count > 0)
            return person.Email is { } email && configured.Contains(email.Trim().ToLowerInvariant());
        return (await FirstAdminAsync(ct))?.Id == person.Id;
    }

    /// <summary>
    /// With no admins configured: the first person who wrote to the bot (people added by others have not written),
    /// recorded the first time anyone asks and logged, as self-hosted tools do. Null before anyone wrote.
    /// </summary>
    public async Task<Person?> FirstAdminAsync(CancellationToken ct)
    {
        var stored = await db.Set<TeamAdmin>().FirstOrDefaultAsync(a => a.Slot == TeamAdmin.TheSlot, ct); // the one row
        if (stored is not null) return await db.People.FirstOrDefaultAsync(p => p.Id == stored.PersonId, ct);
        var saved = await db.People.Where(p => p.Welcomed).OrderBy(p => p.Id).FirstOrDefaultAsync(ct);
        var tracked = db.People.Local.Where(p => p.Welcomed && p.Id > 0).OrderBy(p => p.Id).FirstOrDefault();
        var first = saved is null || (tracked is not null && tracked.Id < saved.Id) ? tracked : saved;
        if (first is null) return null;
        db.Set<TeamAdmin>().Add(new TeamAdmin { PersonId = first.Id, AssignedUtc = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Admin: person {PersonId} ({Name}) is the admin, as the first person who wrote to the bot with no Coach:Admins configured",
            first.Id, TeamPeople.Who(first));
        return first;
    }

    public Task<List<Team>> TeamsLedByAsync(int personId, CancellationToken ct) =>
        db.Set<Team>().Where(t => t.LeadId == personId).OrderBy(t => t.Name).ToListAsync(ct);

    /// <summary>The teams the person leads or is a member of.</summary>
    public Task<List<Team>> TeamsOfAsync(int personId, CancellationToken ct) =>
        db.Set<Team>().Where(t => t.LeadId == personId || db.Set<TeamMember>().Any(m => m.TeamId == t.Id && m.PersonId == personId))
            .OrderBy(t => t.Name).ToListAsync(ct);

    public async Task<Team?> FindByNameAsync(string name, CancellationToken ct)
    {
        var normalized = Team.Normalize(Team.Clean(name));
        return db.Set<Team>().Local.FirstOrDefault(t => t.NormalizedName == normalized)
            ?? await db.Set<Team>().FirstOrDefaultAsync(t => t.NormalizedName == normalized, ct);
    }

    /// <summary>The team of that name when the person leads it or is an admin; otherwise why not.</summary>
    public async Task<TeamLookup> FindTeamForAsync(Person person, string name, CancellationToken ct)
    {
        var clean = Team.Clean(name);
        var team = await FindByNameAsync(clean, ct);
        if (team is null) return new TeamLookup(null, TeamTexts.UnknownTeam, clean);
        if (team.LeadId == person.Id || await IsAdminAsync(person, ct)) return new TeamLookup(team, null, team.Name);
        // A member or a stranger learns only that it isn't theirs.
        return new TeamLookup(null, TeamTexts.NotYourTeam, team.Name);
    }

    /// <summary>The members, lead aside unless they added themselves, by name.</summary>
    public async Task<List<Person>> MembersAsync(int teamId, CancellationToken ct)
    {
        var people = await db.People.Where(p => db.Set<TeamMember>().Any(m => m.TeamId == teamId && m.PersonId == p.Id)).ToListAsync(ct);
        return people.OrderBy(TeamPeople.Who, StringComparer.CurrentCultureIgnoreCase).ToList();
    }
}
