using AccountCoachBot.Data;
using AccountCoachBot.Features.Digests;
using AccountCoachBot.Features.Teams;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Tests.Features.Digests;

/// <summary>A team "Sales East" led by someone who has written to the bot, with one member and, optionally, a week of work.</summary>
internal static class DigestScheduleKit
{
    public const string TeamName = "Sales East";

    /// <summary>
    /// The team, led by the person who wrote as <paramref name="leadName"/>; its member Boris (Berlin) made a promise
    /// due on the Tuesday of the week starting <paramref name="weekFirst"/> and kept it on time — unless <paramref name="empty"/>.
    /// </summary>
    public static async Task<int> SeedTeamAsync(CoachDbContext db, string leadName, DateOnly weekFirst, bool empty = false, string name = TeamName) =>
        await SeedTeamAsync(db, (await db.People.SingleAsync(p => p.DisplayName == leadName)).Id, weekFirst, empty, name);

    public static async Task<int> SeedTeamAsync(CoachDbContext db, int leadId, DateOnly weekFirst, bool empty = false, string name = TeamName)
    {
        var kit = new DigestTestKit(db);
        var boris = kit.Person("Boris " + name, "Europe/Berlin");
        if (!empty)
        {
            var tuesday = weekFirst.AddDays(1).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
            var account = kit.Account(boris, "Acme", started: tuesday.AddDays(-30));
            kit.Promise(account, tuesday.AddDays(-5), tuesday.AddHours(4), done: tuesday);
        }
        var team = new Team { Name = name, NormalizedName = Team.Normalize(name), LeadId = leadId, CreatedUtc = weekFirst.AddDays(-30).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) };
        db.Set<Team>().Add(team);
        await db.SaveChangesAsync();
        db.Set<TeamMember>().Add(new TeamMember { TeamId = team.Id, PersonId = boris.Id, AddedUtc = team.CreatedUtc, ToldUtc = team.CreatedUtc });
        await db.SaveChangesAsync();
        return team.Id;
    }

    public static Task<List<AccountCoachBot.Scheduling.OutboxMessage>> DigestRowsAsync(CoachDbContext db) =>
        db.Outbox.Where(o => o.Kind == DigestNudges.Kind).OrderBy(o => o.Id).ToListAsync();
}
