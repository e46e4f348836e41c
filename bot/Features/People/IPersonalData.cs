using System.Text.Json.Nodes;
using AccountCoachBot.Data;

namespace AccountCoachBot.Features.People;

/// <summary>
/// A feature's share of a person's data: what it exports, and how it follows the person when two chats are
/// linked into one (<see cref="PersonMerge"/>). Deletion needs no counterpart here: every feature table
/// references the person (or their accounts) with a cascading key.
/// </summary>
public interface IPersonalData
{
    string Section { get; }

    Task<JsonNode> ExportAsync(CoachDbContext db, int personId, CancellationToken ct);

    /// <summary>
    /// Moves everything this feature keeps for <paramref name="fromPersonId"/> to <paramref name="intoPersonId"/>;
    /// the first person is deleted right after, so anything left behind is lost. Accounts have been merged already.
    /// </summary>
    Task MergePersonAsync(CoachDbContext db, int fromPersonId, int intoPersonId, CancellationToken ct);

    /// <summary>
    /// Two same-named accounts of one person become one: moves what hangs off <paramref name="fromAccountId"/> to
    /// <paramref name="intoAccountId"/>, combining rows that may exist once per account. The first is deleted right after.
    /// </summary>
    Task MergeAccountAsync(CoachDbContext db, int fromAccountId, int intoAccountId, CancellationToken ct);
}
