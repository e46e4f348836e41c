using System.Text.Json;
using System.Text.Json.Nodes;
using AccountCoachBot.Conversation;
using AccountCoachBot.Data;
using AccountCoachBot.Features.Digests;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Teams;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Cli;

/// <summary>
/// `digest --team "Sales East"` and `digest` alone (every team): each team's figures on its lead's calendar (UTC for a
/// team without a lead), as the lead would read them, or as JSON with every figure and the period's kudos. The
/// operator reads everything, so nobody is checked here.
/// </summary>
public static class DigestCliTeams
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<int> RunAsync(IServiceProvider services, CoachDbContext db, DigestCliOptions options, TextWriter output, TextWriter error,
        TimeProvider time, CancellationToken ct)
    {
        var access = services.GetRequiredService<TeamAccess>();
        List<Team> teams;
        if (options.Team is { } name)
        {
            if (await access.FindByNameAsync(name, ct) is not { } team)
            {
                await error.WriteLineAsync($"No team called {Team.Clean(name)}.");
                return 1;
            }
            teams = [team];
        }
        else
        {
            teams = await db.Set<Team>().AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
        }

        var digests = services.GetRequiredService<TeamDigests>();
        var now = time.GetUtcNow().UtcDateTime;
        var json = new JsonArray();
        var text = new List<string>();
        foreach (var team in teams)
        {
            var lead = team.LeadId is { } leadId ? await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == leadId, ct) : null;
            var zone = lead?.Zone ?? TimeZoneInfo.Utc;
            var digest = await digests.BuildAsync(db, team, DigestCliCommand.Period(options, now, zone), zone, ct);
            if (options.Json) json.Add(Json(digest, lead, zone));
            else text.Add(PlainTextRenderer.Render(digests.Render(digest, Language.En)));
        }

        if (options.Json)
            await output.WriteLineAsync(options.Team is null ? json.ToJsonString(Indented) : json[0]!.ToJsonString(Indented));
        else
            await output.WriteLineAsync(teams.Count == 0 ? "No teams yet." : string.Join(Environment.NewLine + Environment.NewLine, text));
        return 0;
    }

    private static JsonObject Json(TeamDigest digest, Person? lead, TimeZoneInfo zone)
    {
        var json = DigestJson.ToJson(digest.Digest);
        json["teamId"] = digest.Team.Id;
        json["lead"] = lead is null ? null : new JsonObject { ["personId"] = lead.Id, ["name"] = lead.DisplayName, ["email"] = lead.Email };
        json["timeZone"] = zone.Id;
        json["kudos"] = new JsonArray(digest.Kudos.Select(k => (JsonNode)new JsonObject
        {
            ["fromId"] = k.FromId, ["from"] = k.From, ["toId"] = k.ToId, ["to"] = k.To, ["text"] = k.Text, ["atUtc"] = k.AtUtc,
        }).ToArray());
        return json;
    }
}
