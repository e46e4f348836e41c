using AccountCoachBot.Features.MeetingPrep;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Tests.Features.MeetingPrep;

/// <summary>The meeting use cases called directly, as calendar sync would: typed values in, no chat, no words to parse.</summary>
public sealed class MeetingUseCaseTests : IAsyncLifetime
{
    private CoachTestHost _host = null!;

    // Wed 2026-03-04 10:00 Berlin.
    public async Task InitializeAsync()
    {
        _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
        await _host.SayAsync("hi");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private DateTime Now => _host.Time.GetUtcNow().UtcDateTime;

    private Task<MeetingScheduled?> ScheduleAsync(DateTime startUtc) => _host.WithDbAsync(async db =>
    {
        var person = await db.People.SingleAsync();
        var address = await db.Addresses.SingleAsync();
        var scheduled = await ScheduleMeetingHandler.HandleAsync(db, person, new ScheduleMeeting("Acme", startUtc, 90, Important: true, address.Id), Now, default);
        await db.SaveChangesAsync();
        return scheduled;
    });

    [Fact]
    public async Task ScheduleMeetingHandler_SavesTheMeetingAndPlansItsNudges_WithoutAChat()
    {
        var start = new DateTime(2026, 3, 6, 14, 0, 0, DateTimeKind.Utc); // Fri 15:00 Berlin

        var scheduled = await ScheduleAsync(start);

        Assert.Equal((start, start.AddMinutes(90), true, "Acme"), (scheduled!.Meeting.StartUtc, scheduled.Meeting.EndUtc, scheduled.Meeting.Important, scheduled.Meeting.Account!.Name));
        var kinds = await _host.WithDbAsync(db => db.Outbox.Select(o => o.Kind).OrderBy(k => k).ToListAsync());
        Assert.Equal(scheduled.Plan.Select(p => p.Kind).OrderBy(k => k), kinds);
        Assert.Contains(MeetingPolicy.DebriefKind, kinds);
    }

    [Fact]
    public async Task ScheduleMeetingHandler_SavesNothing_WhenTheStartIsPast()
    {
        Assert.Null(await ScheduleAsync(Now.AddMinutes(-1)));

        Assert.Equal(0, await _host.WithDbAsync(db => db.Set<Meeting>().CountAsync()));
        Assert.Equal(0, await _host.WithDbAsync(db => db.Accounts.CountAsync()));
    }

    [Fact]
    public async Task CancelMeetingHandler_WithdrawsEveryPendingNudge()
    {
        var scheduled = await ScheduleAsync(new DateTime(2026, 3, 6, 14, 0, 0, DateTimeKind.Utc));
        var personId = scheduled!.Meeting.OwnerId;

        var cancelled = await _host.WithDbAsync(async db =>
        {
            var meeting = await CancelMeetingHandler.HandleAsync(db, personId, new CancelMeeting(scheduled.Meeting.Id), Now, default);
            await db.SaveChangesAsync();
            return meeting;
        });

        Assert.Equal(MeetingStatus.Cancelled, cancelled!.Status);
        Assert.All(await _host.WithDbAsync(db => db.Outbox.ToListAsync()), o => Assert.Equal(OutboxStatus.Skipped, o.Status));
        Assert.Null(await _host.WithDbAsync(db => CancelMeetingHandler.HandleAsync(db, personId + 1, new CancelMeeting(scheduled.Meeting.Id), Now, default)));
    }
}
