using System.Text.Json.Nodes;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>
/// A person's call cadences and contact history, vacations and call-nudge choices: exported, and moved when chats
/// are linked.
/// </summary>
public sealed class CallsPersonalData : IPersonalData
{
    public string Section => "calls";

    public async Task<JsonNode> ExportAsync(CoachDbContext db, int personId, CancellationToken ct)
    {
        var cadences = await db.Cadences().Include(c => c.Account).Where(c => c.Account!.OwnerId == personId)
            .OrderBy(c => c.Account!.Name).ToListAsync(ct);
        var accountIds = cadences.Select(c => c.AccountId).ToList();
        var touches = await db.Set<Touch>().Where(t => accountIds.Contains(t.AccountId) || t.PersonId == personId)
            .OrderBy(t => t.AtUtc).ToListAsync(ct);
        var vacations = await db.Set<Vacation>().Where(v => v.PersonId == personId).OrderBy(v => v.FirstDay).ToListAsync(ct);
        var preferences = await CallStore.PreferencesAsync(db, personId, ct);
        return new JsonObject
        {
            ["accounts"] = new JsonArray(cadences.Select(c => (JsonNode)new JsonObject
            {
                ["account"] = c.Account!.Name, ["tier"] = c.Tier.ToString(), ["everyDays"] = c.EffectiveDays, ["lastContactUtc"] = c.LastContactUtc,
                ["lostUtc"] = c.Account.LostUtc, ["lostReason"] = c.Account.LostReason, ["wonBackUtc"] = c.Account.WonBackUtc,
                ["contacts"] = new JsonArray(touches.Where(t => t.AccountId == c.AccountId).Select(t => (JsonNode)new JsonObject
                {
                    ["kind"] = t.Kind.ToString(), ["atUtc"] = t.AtUtc, ["note"] = t.Note,
                }).ToArray()),
            }).ToArray()),
            ["vacations"] = new JsonArray(vacations.Select(v => (JsonNode)new JsonObject
            {
                ["firstDay"] = v.FirstDay.ToString("yyyy-MM-dd"), ["lastDay"] = v.LastDay.ToString("yyyy-MM-dd"),
            }).ToArray()),
            ["callNudges"] = preferences is null ? null : new JsonObject
            {
                ["muted"] = preferences.CallsMuted, ["dailyBudget"] = preferences.DailyCallBudget,
            },
        };
    }

    public async Task MergePersonAsync(CoachDbContext db, int fromPersonId, int intoPersonId, CancellationToken ct)
    {
        await db.Set<Vacation>().Where(v => v.PersonId == fromPersonId).ExecuteUpdateAsync(s => s.SetProperty(v => v.PersonId, intoPersonId), ct);
        await db.Set<Touch>().Where(t => t.PersonId == fromPersonId).ExecuteUpdateAsync(s => s.SetProperty(t => t.PersonId, intoPersonId), ct);

        // One row of choices per person: muted on either side stays muted; the smaller daily budget wins.
        var from = await CallStore.PreferencesAsync(db, fromPersonId, ct);
        if (from is null) return;
        var into = await CallStore.EnsurePreferencesAsync(db, intoPersonId, ct);
        into.CallsMuted |= from.CallsMuted;
        into.DailyCallBudget = Math.Min(into.DailyCallBudget, from.DailyCallBudget);
        db.Remove(from);
        await db.SaveChangesAsync(ct);
    }

    public async Task MergeAccountAsync(CoachDbContext db, int fromAccountId, int intoAccountId, CancellationToken ct)
    {
        await db.Set<Touch>().Where(t => t.AccountId == fromAccountId).ExecuteUpdateAsync(s => s.SetProperty(t => t.AccountId, intoAccountId), ct);

        // One cadence per account, keyed by it: the merged one keeps the closer watch and the latest contact.
        var from = await db.Cadences().FirstOrDefaultAsync(c => c.AccountId == fromAccountId, ct);
        if (from is null) return;
        var into = await db.Cadences().FirstOrDefaultAsync(c => c.AccountId == intoAccountId, ct);
        if (into is null)
        {
            into = new AccountCadence { AccountId = intoAccountId, StartedUtc = from.StartedUtc, NextCheckUtc = from.NextCheckUtc };
            db.Cadences().Add(into);
        }
        into.Tier = (AccountTier)Math.Max((int)into.Tier, (int)from.Tier);
        into.CadenceDays = (into.CadenceDays, from.CadenceDays) switch
        {
            (int a, int b) => Math.Min(a, b),
            (var a, var b) => a ?? b,
        };
        into.StartedUtc = into.StartedUtc < from.StartedUtc ? into.StartedUtc : from.StartedUtc;
        if (from.LastContactUtc > (into.LastContactUtc ?? DateTime.MinValue)) into.LastContactUtc = from.LastContactUtc;
        into.ChannelAddressId ??= from.ChannelAddressId;
        into.ResetCycle();
        into.NextCheckUtc = into.NextCheckUtc < from.NextCheckUtc ? into.NextCheckUtc : from.NextCheckUtc;
        db.Remove(from);
        await db.SaveChangesAsync(ct);
    }
}
