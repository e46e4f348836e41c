using AccountCoachBot.Features.ProactiveCalls;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Tests.Features.MeetingPrep;

/// <summary>Meetings and proactive calls: a meeting held is a contact; an upcoming one shows in the call nudge.</summary>
public sealed class MeetingTouchTests : IAsyncLifetime
{
    private CoachTestHost _host = null!;

    // Wed 2026-03-04 10:00 Berlin.
    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Debrief_MovesTheAccountsLastContactToTheMeetingsEnd()
    {
        await _host.SayAsync("account add Acme key");
        await _host.SayAsync("meeting Acme 2026-03-05 15:00");
        _host.Time.SetUtcNow(new DateTimeOffset(2026, 3, 5, 15, 0, 0, TimeSpan.Zero));

        await _host.AnswerStepsAsync((await _host.SayAsync("debrief Acme"))[^1], _ => "nothing");

        var cadence = await _host.WithDbAsync(db => db.Set<AccountCadence>().SingleAsync());
        Assert.Equal(new DateTime(2026, 3, 5, 15, 0, 0, DateTimeKind.Utc), cadence.LastContactUtc); // 16:00 Berlin, the meeting's end
        Assert.Contains(await _host.WithDbAsync(db => db.Set<Touch>().ToListAsync()), t => t.Kind == TouchKind.Meeting);
    }

    [Fact]
    public async Task CallNudge_MentionsTheUpcomingMeeting()
    {
        await _host.SayAsync("account add Acme key every 14 days");
        await _host.SayAsync("meeting Acme 2026-03-27 11:00");
        _host.Time.SetUtcNow(new DateTimeOffset(2026, 3, 18, 8, 0, 0, TimeSpan.Zero)); // Wed 09:00, 14 days on

        await _host.Dispatcher.RunAsync();

        var nudge = _host.Sender.Sent.Select(s => s.Reply).Last(r => r.Card?.PrincipleIds.Contains("proactive-call") == true);
        Assert.Contains(nudge.Card!.Lines, l => l.Contains("meeting Fri 27 Mar, 11:00"));
    }
}
