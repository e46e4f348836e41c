using System.Text.Json.Nodes;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.Calendar;

/// <summary>
/// Accounts' domains and the calendar: exported (the feed's host only: its address is a secret, like a password,
/// and an export is a file people pass around), and moved when chats are linked or accounts merged.
/// </summary>
public sealed class CalendarPersonalData : IPersonalData
{
    public string Section => "calendar";

    public async Task<JsonNode> ExportAsync(CoachDbContext db, int personId, CancellationToken ct)
    {
        var domains = await AccountDomains.OfOwnerAsync(db, personId, ct);
        var connection = await db.Set<CalendarConnection>().AsNoTracking().FirstOrDefaultAsync(c => c.PersonId == personId, ct);
        var meetings = await db.Set<CalendarMeeting>().AsNoTracking().Where(c => c.PersonId == personId).OrderBy(c => c.Id).ToListAsync(ct);
        return new JsonObject
        {
            ["accountDomains"] = new JsonArray(domains.OrderBy(d => d.Account!.Name).ThenBy(d => d.Domain)
                .Select(d => (JsonNode)new JsonObject { ["account"] = d.Account!.Name, ["domain"] = d.Domain }).ToArray()),
            ["connection"] = connection is null ? null : new JsonObject
            {
                ["kind"] = connection.Kind.ToString(),
                ["source"] = connection.Shown,
                ["connectedUtc"] = connection.ConnectedUtc,
                ["lastReadUtc"] = connection.LastReadUtc,
            },
            ["meetingsFromCalendar"] = new JsonArray(meetings.Select(m => (JsonNode)new JsonObject
            {
                ["meetingId"] = m.MeetingId, ["attendees"] = m.Attendees, ["notAClientMeeting"] = m.Dismissed,
            }).ToArray()),
        };
    }

    public async Task MergePersonAsync(CoachDbContext db, int fromPersonId, int intoPersonId, CancellationToken ct)
    {
        // One calendar per person: the one who issued the code keeps theirs when both connected one.
        var connections = db.Set<CalendarConnection>();
        if (await connections.AnyAsync(c => c.PersonId == intoPersonId, ct))
        {
            await connections.Where(c => c.PersonId == fromPersonId).ExecuteDeleteAsync(ct);
            await db.Set<CalendarMeeting>().Where(m => m.PersonId == fromPersonId).ExecuteDeleteAsync(ct);
            return;
        }
        await connections.Where(c => c.PersonId == fromPersonId).ExecuteUpdateAsync(s => s.SetProperty(c => c.PersonId, intoPersonId), ct);
        await db.Set<CalendarMeeting>().Where(m => m.PersonId == fromPersonId).ExecuteUpdateAsync(s => s.SetProperty(m => m.PersonId, intoPersonId), ct);
    }

    public async Task MergeAccountAsync(CoachDbContext db, int fromAccountId, int intoAccountId, CancellationToken ct)
    {
        var set = db.Set<AccountDomain>();
        var into = await set.Where(d => d.AccountId == intoAccountId).Select(d => d.Domain).ToListAsync(ct);
        await set.Where(d => d.AccountId == fromAccountId && into.Contains(d.Domain)).ExecuteDeleteAsync(ct);
        await set.Where(d => d.AccountId == fromAccountId).ExecuteUpdateAsync(s => s.SetProperty(d => d.AccountId, intoAccountId), ct);
    }
}
