using AccountCoachBot.Data;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.MeetingPrep;

/// <summary>
/// A meeting with a client at a time ahead; the account is created if the person names a new one (on purpose, as
/// `promise X:` does). Nudges go to <see cref="AddressId"/>.
/// </summary>
public sealed record ScheduleMeeting(string AccountName, DateTime StartUtc, int Minutes, bool Important, int AddressId)
{
    /// <summary>The case the sentence put the client's name in («у Яндекса»: genitive), when it said.</summary>
    public People.Declension.RussianCase? NameCase { get; init; }
}

/// <param name="NamedFromCase">A new client named in an oblique case was added in the nominative («с Ромашкой» → «Ромашка»).</param>
public sealed record MeetingScheduled(Meeting Meeting, IReadOnlyList<PlannedMeetingNudge> Plan, bool NamedFromCase = false);

public static class ScheduleMeetingHandler
{
    /// <summary>Null (nothing saved) for a start not ahead, a blank name or an unknown address.</summary>
    public static async Task<MeetingScheduled?> HandleAsync(CoachDbContext db, Person person, ScheduleMeeting command, DateTime nowUtc, CancellationToken ct)
    {
        if (command.StartUtc <= nowUtc || string.IsNullOrWhiteSpace(command.AccountName)) return null;
        var address = await db.Addresses.FindAsync([command.AddressId], ct);
        if (address is null) return null;
        var minutes = command.Minutes is > 0 and <= 24 * 60 ? command.Minutes : (int)MeetingPolicy.DefaultLength.TotalMinutes;
        var (account, namedFromCase) = await MeetingAccounts.FindOrCreateAsync(db, person.Id, command.AccountName, nowUtc, ct, command.NameCase);
        var meeting = new Meeting
        {
            OwnerId = person.Id,
            Account = account,
            StartUtc = command.StartUtc,
            EndUtc = command.StartUtc.AddMinutes(minutes),
            TimeZoneId = person.TimeZoneId,
            Important = command.Important,
            AddressId = address.Id,
            CreatedUtc = nowUtc,
        };
        db.Set<Meeting>().Add(meeting);
        await db.SaveChangesAsync(ct);
        var plan = await MeetingScheduler.PlanAsync(db, meeting, person, address, nowUtc, ct);
        return new MeetingScheduled(meeting, plan, namedFromCase);
    }
}

/// <summary>The owner's account of a name, for meetings.</summary>
internal static class MeetingAccounts
{
    /// <summary>A new client named in an oblique case is added in the nominative; NamedFromCase says so, for the reply.</summary>
    public static async Task<(Account Account, bool NamedFromCase)> FindOrCreateAsync(CoachDbContext db, int personId, string name, DateTime nowUtc, CancellationToken ct,
        People.Declension.RussianCase? nameCase = null)
    {
        var (account, created) = await ClientAccounts.FindOrAddAsync(db, personId, name, nowUtc, ct, asNominative: true, nameCase);
        if (created) await db.SaveChangesAsync(ct);
        return (account, ClientAccounts.NamedFromCase(account, created, name));
    }
}
