using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.MeetingPrep;

/// <summary>
/// The meeting to prepare with a client: the next scheduled one, else an ad-hoc one started earlier and not
/// finished, else a new ad-hoc one (the account is created if new).
/// </summary>
public sealed record PrepareMeeting(string AccountName, bool Important, int AddressId);

public static class PrepareMeetingHandler
{
    public static async Task<Meeting> HandleAsync(CoachDbContext db, Person person, PrepareMeeting command, DateTime nowUtc, CancellationToken ct)
    {
        var (account, _) = await MeetingAccounts.FindOrCreateAsync(db, person.Id, command.AccountName, nowUtc, ct);
        var meetings = db.Set<Meeting>().Include(m => m.Account).Include(m => m.Answers)
            .Where(m => m.OwnerId == person.Id && m.AccountId == account.Id && m.Status == MeetingStatus.Scheduled);
        var meeting = await meetings.Where(m => m.EndUtc != null && m.EndUtc > nowUtc).OrderBy(m => m.StartUtc).FirstOrDefaultAsync(ct)
            ?? await meetings.Where(m => m.StartUtc == null && m.PreparedUtc == null).OrderByDescending(m => m.Id).FirstOrDefaultAsync(ct);
        if (meeting is null)
        {
            meeting = new Meeting
            {
                OwnerId = person.Id, Account = account, TimeZoneId = person.TimeZoneId, Important = command.Important,
                AddressId = command.AddressId, CreatedUtc = nowUtc,
            };
            db.Set<Meeting>().Add(meeting);
            await db.SaveChangesAsync(ct);
        }
        else if (command.Important && !meeting.Important)
        {
            meeting.Important = true;
        }
        return meeting;
    }
}
