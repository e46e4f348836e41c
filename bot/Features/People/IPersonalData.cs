using System.Text.Json.Nodes;
using AccountCoachBot.Data;

namespace AccountCoachBot.Features.People;

/// <summary>
/// A feature's share of `export`: what it stores about a person. Deletion needs no counterpart here: every
/// feature table references the person (or their accounts) with a cascading key.
/// </summary>
public interface IPersonalData
{
    string Section { get; }

    Task<JsonNode> ExportAsync(CoachDbContext db, int personId, CancellationToken ct);
}
