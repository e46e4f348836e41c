using System.Text.Json.Nodes;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.Teams;

/// <summary>
/// A person's teams (led and joined), the kudos they gave and received, and whether the bot made them its admin:
/// exported, and moved when chats are linked. Forgetting cascades (a forgotten lead leaves the team leaderless).
/// </summary>
public sealed class TeamsPersonalData : IPersonalData
{
    public string Section => "teams";

    public async Task<JsonNode> ExportAsync(CoachDbContext db, int personId, CancellationToken ct)
    {
        var led = await db.Set<Team>().Where(t => t.LeadId == personId).OrderBy(t => t.Name).Select(t => t.Name).ToListAsync(ct);
        var memberOf = await db.Set<TeamMember>().Where(m => m.PersonId == personId)
            .Join(db.Set<Team>(), m => m.TeamId, t => t.Id, (m, t) => new { t.Name, m.AddedUtc }).OrderBy(x => x.Name).ToListAsync(ct);
        var kudos = await db.Set<Kudos>().Where(k => k.FromId == personId || k.ToId == personId).OrderBy(k => k.AtUtc).ToListAsync(ct);
        var ids = kudos.SelectMany(k => new[] { k.FromId, k.ToId }).Distinct().ToList();
        var names = await db.People.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, TeamPeople.Who, ct);
        return new JsonObject
        {
            ["admin"] = await db.Set<TeamAdmin>().AnyAsync(a => a.PersonId == personId, ct),
            ["leads"] = new JsonArray(led.Select(n => (JsonNode)JsonValue.Create(n)!).ToArray()),
            ["memberOf"] = new JsonArray(memberOf.Select(m => (JsonNode)new JsonObject { ["team"] = m.Name, ["sinceUtc"] = m.AddedUtc }).ToArray()),
            ["kudosGiven"] = new JsonArray(kudos.Where(k => k.FromId == personId).Select(k => (JsonNode)new JsonObject
            {
                ["to"] = names.GetValueOrDefault(k.ToId), ["text"] = k.Text, ["atUtc"] = k.AtUtc,
            }).ToArray()),
            ["kudosReceived"] = new JsonArray(kudos.Where(k => k.ToId == personId).Select(k => (JsonNode)new JsonObject
            {
                ["from"] = names.GetValueOrDefault(k.FromId), ["text"] = k.Text, ["atUtc"] = k.AtUtc,
            }).ToArray()),
        };
    }

    public async Task MergePersonAsync(CoachDbContext db, int fromPersonId, int intoPersonId, CancellationToken ct)
    {
        await db.Set<Team>().Where(t => t.LeadId == fromPersonId).ExecuteUpdateAsync(s => s.SetProperty(t => t.LeadId, intoPersonId), ct);
        // One membership per team and person: where both were members, the earlier one stays.
        var intoTeams = await db.Set<TeamMember>().Where(m => m.PersonId == intoPersonId).Select(m => m.TeamId).ToListAsync(ct);
        await db.Set<TeamMember>().Where(m => m.PersonId == fromPersonId && intoTeams.Contains(m.TeamId)).ExecuteDeleteAsync(ct);
        await db.Set<TeamMember>().Where(m => m.PersonId == fromPersonId).ExecuteUpdateAsync(s => s.SetProperty(m => m.PersonId, intoPersonId), ct);
        // Kudos one side gave the other are now to oneself: they stay, as history.
        await db.Set<Kudos>().Where(k => k.FromId == fromPersonId).ExecuteUpdateAsync(s => s.SetProperty(k => k.FromId, intoPersonId), ct);
        await db.Set<Kudos>().Where(k => k.ToId == fromPersonId).ExecuteUpdateAsync(s => s.SetProperty(k => k.ToId, intoPersonId), ct);
        if (!await db.Set<TeamAdmin>().AnyAsync(a => a.PersonId == intoPersonId, ct))
            await db.Set<TeamAdmin>().Where(a => a.PersonId == fromPersonId).ExecuteUpdateAsync(s => s.SetProperty(a => a.PersonId, intoPersonId), ct);
    }

    public Task MergeAccountAsync(CoachDbContext db, int fromAccountId, int intoAccountId, CancellationToken ct) => Task.CompletedTask;
}
