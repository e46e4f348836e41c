using AccountCoachBot.Data;
using AccountCoachBot.Features.MeetingPrep;
using AccountCoachBot.Features.ProactiveCalls;
using AccountCoachBot.Features.Teams;

namespace AccountCoachBot.Cli.Demo;

/// <summary>Everything around the promises: accounts lost, calls, meetings with their briefs and debriefs, kudos.</summary>
public static class DemoActivity
{
    /// <summary>
    /// Two accounts lost, with reasons: one five days ago (this week's churn), one about six weeks ago.
    /// Returns account id → when it was lost, so nothing happens with those clients afterwards.
    /// </summary>
    public static Dictionary<int, DateTime> LoseAccounts(DemoClock clock, IReadOnlyList<DemoMember> members)
    {
        (int Member, int Account, int DaysAgo)[] losses = [(1, 5, 5), (3, 2, 40)];
        var lost = new Dictionary<int, DateTime>();
        for (var i = 0; i < losses.Length; i++)
        {
            var (m, a, daysAgo) = losses[i];
            var member = members[m];
            var account = member.Accounts[a].Account;
            account.LostUtc = DemoClock.WorkdayAt(member.Person, clock.Now.AddDays(-daysAgo), 11);
            if (account.LostUtc > clock.Now) account.LostUtc = clock.Now.AddHours(-1);
            account.LostReason = DemoNames.LostReasons[i];
            lost[account.Id] = account.LostUtc.Value;
        }
        return lost;
    }

    /// <summary>
    /// Calls on each account about as often as its cadence asks, looser for less disciplined owners; two of the
    /// least disciplined owner's accounts went quiet seven weeks ago, so the digest has cold accounts to show.
    /// </summary>
    public static List<Touch> Calls(DemoClock clock, Random random, IReadOnlyList<DemoMember> members, IReadOnlyDictionary<int, DateTime> lostAt)
    {
        var calls = new List<Touch>();
        var sloppiest = members.MinBy(m => m.Discipline);
        foreach (var member in members)
        {
            for (var i = 0; i < member.Accounts.Count; i++)
            {
                var (account, cadence) = member.Accounts[i];
                var days = cadence.EffectiveDays;
                var end = lostAt.GetValueOrDefault(account.Id, clock.Now);
                if (member == sloppiest && i < 2) end = clock.Now.AddDays(-49);
                var at = account.CreatedUtc.AddDays(random.NextDouble() * days * 0.5);
                while (true)
                {
                    var call = DemoClock.WorkdayAt(member.Person, at, 10 + random.Next(0, 7), random.Next(0, 60));
                    if (call >= end) break;
                    calls.Add(new Touch { AccountId = account.Id, PersonId = member.Person.Id, Kind = TouchKind.Call, AtUtc = call, Note = random.Pick(DemoNames.CallNotes) });
                    at = call.AddDays(days * (0.6 + random.NextDouble() * (1.6 - member.Discipline)));
                }
            }
        }
        return calls;
    }

    /// <summary>
    /// Four meetings each over the period and one next week. The disciplined prepare (the brief exists) and debrief;
    /// the others skip it now and then. Each held meeting is a contact and leaves a known person on the client's side.
    /// </summary>
    public static async Task<List<Touch>> MeetingsAsync(CoachDbContext db, DemoClock clock, Random random, IReadOnlyList<DemoMember> members,
        IReadOnlyDictionary<int, DateTime> lostAt, CancellationToken ct)
    {
        var contacts = new List<Touch>();
        int[] daysFromNow = [-75, -46, -19, -3, 4];
        foreach (var member in members)
        {
            foreach (var offset in daysFromNow)
            {
                var start = DemoClock.WorkdayAt(member.Person, clock.Now.AddDays(offset), 10 + random.Next(0, 6));
                var live = member.Accounts.Where(a => !lostAt.ContainsKey(a.Account.Id)).ToList();
                var account = random.Pick(live).Account;
                var meeting = new Meeting
                {
                    OwnerId = member.Person.Id, AccountId = account.Id, StartUtc = start, EndUtc = start.AddHours(1),
                    TimeZoneId = member.Person.TimeZoneId, Important = random.Next(3) == 0, CreatedUtc = start.AddDays(-7),
                };
                if (start < clock.Now && random.NextDouble() < member.Discipline + 0.1)
                {
                    meeting.PreparedUtc = start.AddDays(-1);
                    string[] items = ["outcome-and-ask", "agenda", "bad-news", "client-attendees"];
                    for (var i = 0; i < items.Length; i++)
                        meeting.Answers.Add(Answer(MeetingPhase.Prep, items[i], i == 3 ? random.Pick(DemoNames.ContactNames) : random.Pick(DemoNames.PrepAnswers), meeting.PreparedUtc.Value));
                }
                if (start.AddHours(2) < clock.Now)
                {
                    contacts.Add(new Touch { AccountId = account.Id, PersonId = member.Person.Id, Kind = TouchKind.Meeting, AtUtc = start, Note = "meeting" });
                    if (random.NextDouble() < member.Discipline)
                    {
                        meeting.DebriefedUtc = start.AddHours(2);
                        string[] items = ["promised", "went-wrong", "their-people", "do-better"];
                        foreach (var item in items)
                            meeting.Answers.Add(Answer(MeetingPhase.Debrief, item, random.Pick(DemoNames.DebriefAnswers), meeting.DebriefedUtc.Value));
                    }
                }
                db.Set<Meeting>().Add(meeting);
                var name = random.Pick(DemoNames.ContactNames);
                if (!db.Set<ClientContact>().Local.Any(c => c.AccountId == account.Id && c.NormalizedName == name.ToUpperInvariant()))
                {
                    db.Set<ClientContact>().Add(new ClientContact
                    {
                        OwnerId = member.Person.Id, AccountId = account.Id, Name = name, NormalizedName = name.ToUpperInvariant(),
                        Notes = random.Pick(DemoNames.ContactRoles), CreatedUtc = meeting.CreatedUtc, UpdatedUtc = meeting.CreatedUtc,
                    });
                }
            }
        }
        await db.SaveChangesAsync(ct);
        return contacts;
    }

    private static MeetingAnswer Answer(MeetingPhase phase, string item, string text, DateTime at) =>
        new() { Phase = phase, ItemId = item, Text = text, AnsweredUtc = at };

    /// <summary>Colleagues thanking each other, about one a fortnight, two in the last week.</summary>
    public static List<Kudos> Kudos(DemoClock clock, Random random, IReadOnlyList<DemoMember> members)
    {
        int[] daysAgo = [80, 66, 52, 37, 23, 12, 4, 2];
        var kudos = new List<Kudos>();
        for (var i = 0; i < daysAgo.Length; i++)
        {
            var from = members[random.Next(members.Count)];
            var to = members.Where(m => m != from).ElementAt(random.Next(members.Count - 1));
            var at = DemoClock.WorkdayAt(from.Person, clock.Now.AddDays(-daysAgo[i]), 15, random.Next(0, 60));
            if (at > clock.Now) at = clock.Now.AddHours(-1);
            // Already told: seeding sends nobody a message.
            kudos.Add(new Kudos { FromId = from.Person.Id, ToId = to.Person.Id, Text = DemoNames.KudosTexts[i], AtUtc = at, ToldUtc = at });
        }
        return kudos;
    }
}
