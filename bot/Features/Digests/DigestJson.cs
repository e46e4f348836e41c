using System.Text.Json;
using System.Text.Json.Nodes;

namespace AccountCoachBot.Features.Digests;

/// <summary>
/// A digest as JSON: every figure per member and for the team, with the period's dates and UTC bounds, so each number
/// can be checked against an independent count of the raw records (`digest --json`). Rates are fractions (0.75), null
/// when there was nothing to divide by.
/// </summary>
public static class DigestJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Serialize(Digest digest, bool indented = true) => ToJson(digest).ToJsonString(indented ? Indented : null);

    public static JsonObject ToJson(Digest digest) => new()
    {
        ["team"] = digest.Team,
        ["period"] = new JsonObject
        {
            ["kind"] = digest.Period.Kind.ToString().ToLowerInvariant(),
            ["from"] = digest.Period.First.ToString("yyyy-MM-dd"),
            ["to"] = digest.Period.Last.ToString("yyyy-MM-dd"),
            ["startUtc"] = digest.Period.StartUtc,
            ["endUtc"] = digest.Period.EndUtc,
        },
        ["computedUtc"] = digest.ComputedUtc,
        ["members"] = new JsonArray(digest.Members.Select(m => (JsonNode)Figures(m)).ToArray()),
        ["total"] = Figures(digest.Total),
        ["risks"] = new JsonArray(digest.Risks.Select(r => (JsonNode)new JsonObject
        {
            ["accountId"] = r.AccountId, ["account"] = r.Account, ["ownerId"] = r.OwnerId, ["owner"] = r.Owner, ["key"] = r.Key,
            ["cadenceDays"] = r.CadenceDays, ["daysPastCadence"] = r.DaysPastCadence, ["daysSinceContact"] = r.DaysSinceContact,
            ["overduePromises"] = r.OverduePromises, ["score"] = r.Score,
        }).ToArray()),
    };

    private static JsonObject Figures(DigestFigures f)
    {
        var p = f.Promises;
        var a = f.Accounts;
        return new JsonObject
        {
            ["personId"] = f.PersonId,
            ["name"] = f.Name,
            ["promises"] = new JsonObject
            {
                ["made"] = p.Made, ["due"] = p.Due, ["keptOnTime"] = p.KeptOnTime, ["keptLate"] = p.KeptLate,
                ["movedBeforeDue"] = p.MovedBeforeDue, ["movedAfterDue"] = p.MovedAfterDue, ["cancelled"] = p.Cancelled,
                ["stillOpen"] = p.StillOpen, ["notYetDue"] = p.NotYetDue,
                ["onTimeRate"] = p.OnTimeRate, ["toldInTimeRate"] = p.ToldInTimeRate,
            },
            ["onTimeTrend"] = new JsonArray(f.Trend.Select(t => (JsonNode)new JsonObject
            {
                ["from"] = t.First.ToString("yyyy-MM-dd"), ["to"] = t.Last.ToString("yyyy-MM-dd"),
                ["due"] = t.Due, ["keptOnTime"] = t.KeptOnTime, ["onTimeRate"] = t.OnTimeRate,
            }).ToArray()),
            ["calls"] = new JsonObject { ["due"] = a.CallsDue, ["inTime"] = a.CallsInTime, ["inTimeRate"] = a.CallsInTimeRate },
            ["coldNow"] = new JsonArray(f.Cold.Select(c => (JsonNode)new JsonObject
            {
                ["accountId"] = c.AccountId, ["account"] = c.Account, ["key"] = c.Key, ["cadenceDays"] = c.CadenceDays,
                ["daysSinceContact"] = c.DaysSinceContact, ["overduePromises"] = c.OverduePromises,
            }).ToArray()),
            ["meetings"] = new JsonObject { ["held"] = a.MeetingsHeld, ["prepared"] = a.MeetingsPrepared, ["debriefed"] = a.MeetingsDebriefed },
            ["accounts"] = new JsonObject
            {
                ["ownedAtEnd"] = a.Accounts, ["regular"] = a.RegularAccounts, ["regularShare"] = a.RegularShare,
                ["ownedAtStart"] = a.OwnedAtStart, ["lost"] = a.Lost, ["churnRate"] = a.ChurnRate,
            },
            ["focus"] = f.Focus is { } focus ? new JsonObject
            {
                ["kind"] = focus.Kind.ToString(), ["principle"] = focus.PrincipleId, ["count"] = focus.Count, ["outOf"] = focus.OutOf,
            } : null,
        };
    }
}
