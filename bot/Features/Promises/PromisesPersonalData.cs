using System.Text.Json.Nodes;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.Promises;

/// <summary>A person's accounts and promises, with each promise's history: exported, and moved when chats are linked.</summary>
public sealed class PromisesPersonalData : IPersonalData
{
    public string Section => "promises";

    public async Task<JsonNode> ExportAsync(CoachDbContext db, int personId, CancellationToken ct)
    {
        var promises = await db.Promises.Include(p => p.Account).Include(p => p.History)
            .Where(p => p.OwnerId == personId).OrderBy(p => p.Id).ToListAsync(ct);
        var accounts = await db.Accounts.Where(a => a.OwnerId == personId).OrderBy(a => a.Name).Select(a => a.Name).ToListAsync(ct);
        return new JsonObject
        {
            ["accounts"] = new JsonArray(accounts.Select(a => (JsonNode)JsonValue.Create(a)!).ToArray()),
            ["promises"] = new JsonArray(promises.Select(p => (JsonNode)new JsonObject
            {
                ["number"] = p.Number, ["account"] = p.Account?.Name, ["what"] = p.What, ["contact"] = p.Contact,
                ["dueUtc"] = p.DueUtc, ["status"] = p.Status.ToString(), ["createdUtc"] = p.CreatedUtc, ["closedUtc"] = p.ClosedUtc,
                ["history"] = new JsonArray(p.History.OrderBy(h => h.AtUtc).Select(h => (JsonNode)new JsonObject
                {
                    ["event"] = h.Kind.ToString(), ["atUtc"] = h.AtUtc, ["oldDueUtc"] = h.OldDueUtc, ["newDueUtc"] = h.NewDueUtc, ["reason"] = h.Reason,
                }).ToArray()),
            }).ToArray()),
        };
    }

    // History rows hang off the promise and move with it; each promise gets the next of the other person's own numbers.
    public Task MergePersonAsync(CoachDbContext db, int fromPersonId, int intoPersonId, CancellationToken ct) =>
        OwnNumbers.MoveAsync(db, db.Promises.Where(p => p.OwnerId == fromPersonId), intoPersonId, ct);

    public Task MergeAccountAsync(CoachDbContext db, int fromAccountId, int intoAccountId, CancellationToken ct) =>
        db.Promises.Where(p => p.AccountId == fromAccountId).ExecuteUpdateAsync(s => s.SetProperty(p => p.AccountId, intoAccountId), ct);
}
