using System.Text.Json.Nodes;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.MeetingPrep;

/// <summary>A person's meetings with their answers, and the client contacts they noted, for `export`.</summary>
public sealed class MeetingPersonalData : IPersonalData
{
    public string Section => "meetings";

    public async Task<JsonNode> ExportAsync(CoachDbContext db, int personId, CancellationToken ct)
    {
        var meetings = await db.Set<Meeting>().Include(m => m.Account).Include(m => m.Answers)
            .Where(m => m.OwnerId == personId).OrderBy(m => m.Id).ToListAsync(ct);
        var contacts = await db.Set<ClientContact>().Where(c => c.OwnerId == personId).OrderBy(c => c.Name).ToListAsync(ct);
        return new JsonObject
        {
            ["meetings"] = new JsonArray(meetings.Select(m => (JsonNode)new JsonObject
            {
                ["id"] = m.Id, ["account"] = m.Account?.Name, ["startUtc"] = m.StartUtc, ["endUtc"] = m.EndUtc, ["important"] = m.Important,
                ["status"] = m.Status.ToString(),
                ["answers"] = new JsonArray(m.Answers.OrderBy(a => a.Id).Select(a => (JsonNode)new JsonObject
                {
                    ["phase"] = a.Phase.ToString(), ["item"] = a.ItemId, ["text"] = a.Text,
                }).ToArray()),
            }).ToArray()),
            ["contacts"] = new JsonArray(contacts.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["notes"] = c.Notes }).ToArray()),
        };
    }
}
