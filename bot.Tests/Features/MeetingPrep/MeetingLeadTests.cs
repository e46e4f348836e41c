using AccountCoachBot.Features.MeetingPrep;
using AccountCoachBot.Features.People;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Tests.Features.MeetingPrep;

/// <summary>Prep nudges at the lead times the person chose.</summary>
public sealed class MeetingLeadTests : IAsyncLifetime
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private CoachTestHost _host = null!;

    // Wed 2026-03-04 10:00 Berlin.
    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static DateTime Local(int d, int h, int mi = 0) => TimeZones.ToUtc(new DateTime(2026, 3, d, h, mi, 0), Berlin);

    private Task<List<DateTime>> PrepTimesAsync() => _host.WithDbAsync(db => db.Outbox
        .Where(o => (o.Kind == MeetingPolicy.PrepDayBeforeKind || o.Kind == MeetingPolicy.PrepHourBeforeKind) && o.Status == AccountCoachBot.Scheduling.OutboxStatus.Pending)
        .OrderBy(o => o.DueUtc).Select(o => o.DueUtc).ToListAsync());

    [Fact]
    public void Plan_UsesTheChosenShortLead()
    {
        var plan = MeetingPolicy.Plan(Local(10, 15), Local(10, 16), Local(4, 10), Berlin, WorkingHours.Default, new MeetingLeads(true, TimeSpan.FromHours(2)));

        Assert.Equal([Local(9, 14), Local(10, 13)], plan.Where(p => MeetingPolicy.IsPrep(p.Kind)).Select(p => p.AtUtc));
    }

    [Fact]
    public void Plan_HasNoPrepNudges_WhenBothAreOff()
    {
        var plan = MeetingPolicy.Plan(Local(10, 15), Local(10, 16), Local(4, 10), Berlin, WorkingHours.Default, new MeetingLeads(false, null));

        Assert.Equal([MeetingPolicy.DebriefKind], plan.Select(p => p.Kind));
    }

    [Fact]
    public async Task PrepLead_ReplansUpcomingMeetings()
    {
        await _host.SayAsync("meeting Acme 2026-03-10 15:00");
        Assert.Equal([Local(9, 14), Local(10, 14)], await PrepTimesAsync());

        var reply = (await _host.SayAsync("prep lead 2h"))[^1];

        Assert.Equal("Prep reminders: the working afternoon before and 2 h before.", reply.Text);
        Assert.Equal([Local(9, 14), Local(10, 13)], await PrepTimesAsync());
    }

    [Fact]
    public async Task PrepDayBefore_Off_LeavesOnlyTheShortLead_InRussianToo()
    {
        await _host.SayAsync("язык ru");
        await _host.SayAsync("встреча Acme 2026-03-10 15:00");

        var reply = (await _host.SayAsync("подготовка накануне выкл"))[^1];

        Assert.Equal("Напоминания о подготовке: за 1 ч.", reply.Text);
        Assert.Equal([Local(10, 14)], await PrepTimesAsync());
    }

    [Theory]
    [InlineData("prep lead soon")]
    [InlineData("prep lead 2m")]
    [InlineData("prep lead 30h")]
    public async Task PrepLead_RefusesNonsense_AndChangesNothing(string command)
    {
        await _host.SayAsync("meeting Acme 2026-03-10 15:00");

        var reply = (await _host.SayAsync(command))[^1];

        Assert.StartsWith("Give a lead between 5 minutes and 24 hours", reply.Text);
        Assert.Equal([Local(9, 14), Local(10, 14)], await PrepTimesAsync());
        Assert.Equal(0, await _host.WithDbAsync(db => db.Set<MeetingPreferences>().CountAsync()));
    }
}
