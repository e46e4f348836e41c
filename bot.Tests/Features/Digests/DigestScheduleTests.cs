using AccountCoachBot.Conversation;
using AccountCoachBot.Features.Digests;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Teams;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountCoachBot.Tests.Features.Digests;

/// <summary>
/// The Monday digest through the real planner and dispatcher on a fake clock: once at 09:00 on the lead's clock, in
/// any zone and across DST changes; never for an empty week or a day late; moved, stopped and restarted by the lead.
/// </summary>
public sealed class DigestScheduleTests
{
    private static readonly DateOnly Week = new(2026, 11, 23);                 // Mon 23 – Sun 29 Nov
    private static readonly DateTime Sunday = new(2026, 11, 29, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Monday0900Berlin = new(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);

    private static async Task<CoachTestHost> LeadAsync(DateTime start, string zone = "Europe/Berlin", DateOnly? week = null, bool empty = false)
    {
        var host = await CoachTestHost.StartAsync(new DateTimeOffset(start));
        await host.SayAsync("hello", "anna", timeZone: zone, email: "anna@example.com");
        await host.WithDbAsync(db => DigestScheduleKit.SeedTeamAsync(db, "anna", week ?? Week, empty));
        return host;
    }

    private static List<(ConversationAddress Address, Reply Reply)> Digests(CoachTestHost host) =>
        host.Sender.Sent.Where(s => s.Reply.Card?.Title.StartsWith("Team Sales East", StringComparison.Ordinal) == true).ToList();

    /// <summary>Moves the clock forward to <paramref name="utc"/> and runs the dispatcher (planners first) <paramref name="times"/> times.</summary>
    private static async Task RunAtAsync(CoachTestHost host, DateTime utc, int times = 1)
    {
        host.Time.SetUtcNow(new DateTimeOffset(utc));
        for (var i = 0; i < times; i++) await host.Dispatcher.RunAsync();
    }

    private static async Task<string> SayAsync(CoachTestHost host, string text, string user = "anna") =>
        PlainTextRenderer.Render((await host.SayAsync(text, user))[^1]);

    [Theory]
    [InlineData("Europe/Berlin", 8)]
    [InlineData("America/New_York", 14)]
    [InlineData("Asia/Tokyo", 0)]
    public async Task Planner_SendsTheDigestOnce_AtNineOnTheLeadsMonday(string zone, int utcHour)
    {
        await using var host = await LeadAsync(new DateTime(2026, 11, 29, 10, 0, 0, DateTimeKind.Utc).AddHours(-12), zone);
        var due = new DateTime(2026, 11, 30, utcHour, 0, 0, DateTimeKind.Utc);

        await RunAtAsync(host, due.AddMinutes(-1), times: 2);
        Assert.Empty(Digests(host));
        await RunAtAsync(host, due, times: 3);
        await RunAtAsync(host, due.AddMinutes(5), times: 2);

        var (address, reply) = Assert.Single(Digests(host));
        Assert.Equal("test|anna", address.Key);
        Assert.Equal("Team Sales East, 23–29 Nov 2026", reply.Card!.Title);
        Assert.NotNull(reply.Image);
        Assert.Single(await host.WithDbAsync(DigestScheduleKit.DigestRowsAsync));
    }

    [Fact]
    public async Task Planner_QueuesOneRow_WhenSeveralInstancesPlanAtTheSameMoment()
    {
        await using var host = await LeadAsync(Sunday);
        host.Time.SetUtcNow(new DateTimeOffset(Monday0900Berlin));
        var planners = Enumerable.Range(0, 4).Select(_ => ActivatorUtilities.CreateInstance<DigestPlanner>(host.Services)).ToList();

        await Task.WhenAll(planners.Select(p => Task.Run(() => p.PlanAsync(CancellationToken.None))));
        await host.Dispatcher.RunAsync();

        Assert.Single(await host.WithDbAsync(DigestScheduleKit.DigestRowsAsync));
        Assert.Single(Digests(host));
    }

    [Theory]
    [InlineData(3, 30, 7, "23–29 Mar 2026")]   // summer time began on Sunday 29 March: 09:00 CEST is 07:00 UTC
    [InlineData(10, 26, 8, "19–25 Oct 2026")]  // it ended on Sunday 25 October: 09:00 CET is 08:00 UTC
    public async Task Planner_SendsAtNineLocal_InTheWeekAfterADstChange(int month, int day, int utcHour, string label)
    {
        var monday = new DateOnly(2026, month, day);
        await using var host = await LeadAsync(monday.AddDays(-2).ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc), week: monday.AddDays(-7));
        var due = monday.ToDateTime(new TimeOnly(utcHour, 0), DateTimeKind.Utc);

        await RunAtAsync(host, due.AddMinutes(-1));
        Assert.Empty(Digests(host));
        await RunAtAsync(host, due, times: 2);

        var (_, reply) = Assert.Single(Digests(host));
        Assert.Equal($"Team Sales East, {label}", reply.Card!.Title);
    }

    [Fact]
    public async Task Planner_SendsNothing_WhenTheWeekWasEmpty()
    {
        await using var host = await LeadAsync(Sunday, empty: true);

        await RunAtAsync(host, Monday0900Berlin, times: 2);
        await RunAtAsync(host, Monday0900Berlin.AddHours(3), times: 2);

        Assert.Empty(Digests(host));
        var row = Assert.Single(await host.WithDbAsync(DigestScheduleKit.DigestRowsAsync));
        Assert.Equal(OutboxStatus.Skipped, row.Status); // rendered once, found empty, never tried again that week
    }

    [Fact]
    public async Task Planner_QueuesNothing_WhenTheDigestIsMoreThanADayLate()
    {
        await using var host = await LeadAsync(Sunday);

        await RunAtAsync(host, Monday0900Berlin.AddDays(1).AddMinutes(1), times: 2); // the bot was down all Monday

        Assert.Empty(Digests(host));
        Assert.Empty(await host.WithDbAsync(DigestScheduleKit.DigestRowsAsync));
    }

    [Fact]
    public async Task Renderer_DropsTheDigest_WhenWorkingHoursHoldItBackMoreThanADay()
    {
        await using var host = await LeadAsync(Sunday);
        await SayAsync(host, "workdays tue-fri");
        await SayAsync(host, "hours 10:00-18:00");

        await RunAtAsync(host, Monday0900Berlin);                     // queued, held for the lead's next working hour
        await RunAtAsync(host, Monday0900Berlin.AddDays(1).AddHours(1)); // Tuesday 10:00 Berlin: 25 hours late

        Assert.Empty(Digests(host));
        Assert.Equal(OutboxStatus.Skipped, Assert.Single(await host.WithDbAsync(DigestScheduleKit.DigestRowsAsync)).Status);
    }

    [Fact]
    public async Task DigestOff_StopsTheMondayDigest_AndDigestOnBringsItBackTheSameDay()
    {
        await using var host = await LeadAsync(Sunday);

        var off = await SayAsync(host, "digest off");
        await RunAtAsync(host, Monday0900Berlin, times: 2);
        Assert.Empty(Digests(host));
        Assert.Empty(await host.WithDbAsync(DigestScheduleKit.DigestRowsAsync));

        host.Time.SetUtcNow(new DateTimeOffset(Monday0900Berlin.AddMinutes(30)));
        var on = await SayAsync(host, "digest on");
        await RunAtAsync(host, Monday0900Berlin.AddMinutes(31), times: 2);

        Assert.Equal("The weekly digest for Sales East is off. `digest on` brings it back.", off);
        Assert.Equal("The weekly digest for Sales East is on: Mondays at 09:00 (Europe/Berlin), to your own chat with me. Weeks with nothing to report are skipped.", on);
        Assert.Single(Digests(host));
    }

    [Fact]
    public async Task DigestTime_MovesTheDigest_ToTheNewDayAndTime()
    {
        await using var host = await LeadAsync(Sunday);

        var moved = await SayAsync(host, "digest time tuesday 10:00");
        await RunAtAsync(host, Monday0900Berlin, times: 2);
        await RunAtAsync(host, Monday0900Berlin.AddDays(1).AddMinutes(59));
        Assert.Empty(Digests(host));
        await RunAtAsync(host, Monday0900Berlin.AddDays(1).AddHours(1), times: 2);

        Assert.Equal("The digest for Sales East will come Tuesdays at 10:00 (Europe/Berlin).", moved);
        var (_, reply) = Assert.Single(Digests(host));
        Assert.Equal("Team Sales East, 23–29 Nov 2026", reply.Card!.Title);
    }

    [Fact]
    public async Task DigestTime_WithdrawsADigestQueuedButNotSent_SoItComesAtTheNewTime()
    {
        await using var host = await LeadAsync(Sunday);
        await SayAsync(host, "hours 10:00-18:00");
        await RunAtAsync(host, Monday0900Berlin);                        // queued, held until 10:00
        Assert.Single(await host.WithDbAsync(DigestScheduleKit.DigestRowsAsync));

        await SayAsync(host, "digest time monday 11:00");
        await RunAtAsync(host, Monday0900Berlin.AddHours(1));           // 10:00: nothing yet
        Assert.Empty(Digests(host));
        await RunAtAsync(host, Monday0900Berlin.AddHours(2), times: 2); // 11:00

        Assert.Single(Digests(host));
        Assert.Single(await host.WithDbAsync(DigestScheduleKit.DigestRowsAsync));
    }

    [Fact]
    public async Task Settings_AreReadInRussian_AndAnsweredInRussian()
    {
        await using var host = await LeadAsync(Sunday);

        var time = await SayAsync(host, "сводка время пн 08:30");
        var off = await SayAsync(host, "сводка выкл");
        var shown = await SayAsync(host, "сводка расписание");
        var on = await SayAsync(host, "сводка вкл");

        Assert.Equal("Сводка команды «Sales East» будет приходить по понедельникам в 08:30 (Europe/Berlin).", time);
        Assert.Equal("Еженедельная сводка команды «Sales East» отключена. Вернуть: `сводка вкл`.", off);
        Assert.Equal("Еженедельная сводка команды «Sales East»: отключена (`сводка вкл`, чтобы вернуть).", shown);
        Assert.StartsWith("Еженедельная сводка команды «Sales East» включена: по понедельникам в 08:30 (Europe/Berlin), в ваш личный чат со мной.", on);
        var delivery = await host.WithDbAsync(db => db.Set<DigestDelivery>().SingleAsync());
        Assert.Equal((DayOfWeek.Monday, new TimeOnly(8, 30), false), (delivery.Day, delivery.Time, delivery.Off));
    }

    [Theory]
    [InlineData("digest time someday 09:00", "Give a weekday and a time")]
    [InlineData("digest time monday 24:10", "24:10 is not a time of day")]
    [InlineData("digest time soon", "Give a weekday and a time")]
    [InlineData("digest channel somewhere", "Say where:")]
    [InlineData("digest channel here", "`here` means the channel you type it in")]
    public async Task Settings_AnswerBadInputPolitely_AndChangeNothing(string text, string answer)
    {
        await using var host = await LeadAsync(Sunday);

        var reply = await SayAsync(host, text);

        Assert.StartsWith(answer, reply);
        Assert.Equal(0, await host.WithDbAsync(db => db.Set<DigestDelivery>().CountAsync()));
    }

    [Fact]
    public async Task Settings_AreRefused_ToAMemberAndToTheLeadOfAnotherTeam()
    {
        await using var host = await LeadAsync(Sunday);
        await host.SayAsync("hello", "vera", email: "vera@example.com");
        await host.SayAsync("hello", "gleb", email: "gleb@example.com");
        await host.WithDbAsync(async db =>
        {
            var team = await db.Set<Team>().SingleAsync();
            var vera = await db.People.SingleAsync(p => p.DisplayName == "vera");
            db.Set<TeamMember>().Add(new TeamMember { TeamId = team.Id, PersonId = vera.Id, AddedUtc = Sunday });
            return await db.SaveChangesAsync();
        });
        await host.WithDbAsync(db => DigestScheduleKit.SeedTeamAsync(db, "gleb", Week, name: "Sales West"));

        var member = await SayAsync(host, "digest off", "vera");
        var named = await SayAsync(host, "digest off Sales East", "vera");
        var otherLead = await SayAsync(host, "digest channel me Sales East", "gleb");

        Assert.Equal("Only a team's lead (or an admin, naming the team) changes its weekly digest, and you lead no team.", member);
        Assert.Equal("You don't lead Sales East, so its digest is not yours to change. Its lead or an admin can.", named);
        Assert.Equal("You don't lead Sales East, so its digest is not yours to change. Its lead or an admin can.", otherLead);
        Assert.Equal(0, await host.WithDbAsync(db => db.Set<DigestDelivery>().CountAsync()));
        await RunAtAsync(host, Monday0900Berlin);
        Assert.Single(Digests(host));
    }

    [Fact]
    public async Task Settings_AskWhichTeam_WhenTheLeadLeadsSeveral_AndTakeTheNamedOne()
    {
        await using var host = await LeadAsync(Sunday);
        await host.WithDbAsync(db => DigestScheduleKit.SeedTeamAsync(db, "anna", Week, name: "Sales West"));

        var which = await SayAsync(host, "digest off");
        var whichTime = await SayAsync(host, "digest time 08:00");
        var named = await SayAsync(host, "digest off Sales West");
        var timed = await SayAsync(host, "digest time Sales East friday 16:00");

        Assert.Equal("You lead Sales East, Sales West: say which, e.g. `digest off Sales East`.", which);
        Assert.Equal("You lead Sales East, Sales West: say which, e.g. `digest time Sales East monday 09:00`.", whichTime);
        Assert.Equal("The weekly digest for Sales West is off. `digest on` brings it back.", named);
        Assert.Equal("The digest for Sales East will come Fridays at 16:00 (Europe/Berlin).", timed);
        var teams = await host.WithDbAsync(db => db.Set<Team>().ToDictionaryAsync(t => t.Id, t => t.Name));
        var settings = await host.WithDbAsync(db => db.Set<DigestDelivery>().ToListAsync());
        Assert.Equal((true, DayOfWeek.Monday), settings.Where(s => teams[s.TeamId] == "Sales West").Select(s => (s.Off, s.Day)).Single());
        Assert.Equal((false, DayOfWeek.Friday), settings.Where(s => teams[s.TeamId] == "Sales East").Select(s => (s.Off, s.Day)).Single());
    }
}
