using System.Text.Json.Nodes;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.MeetingPrep;

/// <summary>
/// A person's meetings with their answers, the client contacts they noted, and their prep lead times: exported,
/// and moved when chats are linked.
/// </summary>
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
                ["number"] = m.Number, ["account"] = m.Account?.Name, ["startUtc"] = m.StartUtc, ["endUtc"] = m.EndUtc, ["important"] = m.Important,
                ["status"] = m.Status.ToString(),
                ["answers"] = new JsonArray(m.Answers.OrderBy(a => a.Id).Select(a => (JsonNode)new JsonObject
                {
                    ["phase"] = a.Phase.ToString(), ["item"] = a.ItemId, ["text"] = a.Text,
                }).ToArray()),
            }).ToArray()),
            ["contacts"] = new JsonArray(contacts.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["notes"] = c.Notes }).ToArray()),
        };
    }

    public async Task MergePersonAsync(CoachDbContext db, int fromPersonId, int intoPersonId, CancellationToken ct)
    {
        // Answers and debrief links hang off the meeting and move with it; each meeting gets the next of the other person's own numbers.
        await OwnNumbers.MoveAsync(db, db.Set<Meeting>().Where(m => m.OwnerId == fromPersonId), intoPersonId, ct);
        await db.Set<ClientContact>().Where(c => c.OwnerId == fromPersonId).ExecuteUpdateAsync(s => s.SetProperty(c => c.OwnerId, intoPersonId), ct);

        // One row of lead times per person: the one who issued the code keeps theirs when both chose.
        var preferences = db.Set<MeetingPreferences>();
        if (!await preferences.AnyAsync(p => p.PersonId == intoPersonId, ct))
            await preferences.Where(p => p.PersonId == fromPersonId).ExecuteUpdateAsync(s => s.SetProperty(p => p.PersonId, intoPersonId), ct);
    }

    public async Task MergeAccountAsync(CoachDbContext db, int fromAccountId, int intoAccountId, CancellationToken ct)
    {
        await db.Set<Meeting>().Where(m => m.AccountId == fromAccountId).ExecuteUpdateAsync(s => s.SetProperty(m => m.AccountId, intoAccountId), ct);

        // A contact is unique per account by name: the same person known on both sides keeps both sets of notes.
        var contacts = db.Set<ClientContact>();
        var into = await contacts.Where(c => c.AccountId == intoAccountId).ToDictionaryAsync(c => c.NormalizedName, ct);
        foreach (var contact in await contacts.Where(c => c.AccountId == fromAccountId).ToListAsync(ct))
        {
            if (into.TryGetValue(contact.NormalizedName, out var same))
            {
                foreach (var note in contact.Notes.Split("; ", StringSplitOptions.RemoveEmptyEntries))
                    same.Notes = ContactNotes.Merge(same.Notes, note);
                if (contact.UpdatedUtc > same.UpdatedUtc)
                {
                    same.UpdatedUtc = contact.UpdatedUtc;
                    same.LastMeetingId = contact.LastMeetingId ?? same.LastMeetingId;
                }
                contacts.Remove(contact);
            }
            else
            {
                contact.AccountId = intoAccountId;
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
