using System.Text.Json.Nodes;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.Undo;

/// <summary>A person's last undoable change: exported, moved when chats are linked, deleted with the person (cascading key).</summary>
public sealed class UndoPersonalData : IPersonalData
{
    public string Section => "undo";

    public async Task<JsonNode> ExportAsync(CoachDbContext db, int personId, CancellationToken ct)
    {
        var entries = await db.Set<UndoEntry>().Where(u => u.PersonId == personId).OrderBy(u => u.Id).ToListAsync(ct);
        return new JsonArray(entries.Select(u => (JsonNode)new JsonObject
        {
            ["change"] = u.Kind, ["subject"] = u.SubjectId, ["atUtc"] = u.AtUtc, ["undoneUtc"] = u.UndoneUtc,
        }).ToArray());
    }

    public Task MergePersonAsync(CoachDbContext db, int fromPersonId, int intoPersonId, CancellationToken ct) =>
        db.Set<UndoEntry>().Where(u => u.PersonId == fromPersonId).ExecuteUpdateAsync(s => s.SetProperty(u => u.PersonId, intoPersonId), ct);

    /// <summary>A change to an account merged into another recorded a state that no longer exists: it can't be undone any more.</summary>
    public Task MergeAccountAsync(CoachDbContext db, int fromAccountId, int intoAccountId, CancellationToken ct)
    {
        var subject = $"account:{fromAccountId}";
        return db.Set<UndoEntry>().Where(u => u.SubjectId == subject && u.UndoneUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.UndoneUtc, u => u.AtUtc), ct);
    }
}
