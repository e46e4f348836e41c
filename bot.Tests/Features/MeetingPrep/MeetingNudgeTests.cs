using AccountCoachBot.Conversation;
using AccountCoachBot.Features.MeetingPrep;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Tests.Features.MeetingPrep;

/// <summary>Prep and debrief nudges through the real dispatcher: at the right local time, once, with what the bot knows.</summary>
public sealed class MeetingNudgeTests : IAsyncDisposable
{
    private CoachTestHost? _host;

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }

    private async Task<CoachTestHost> StartAsync(DateTimeOffset now) => _host = await CoachTestHost.StartAsync(now);

    private static DateTimeOffset Utc(int y, int mo, int d, int h, int mi = 0) => new(y, mo, d, h, mi, 0, TimeSpan.Zero);

    private static IReadOnlyList<Reply> MeetingNudges(CoachTestHost host) =>
        host.Sender.Sent.Select(s => s.Reply)
            .Where(r => r.Card?.Actions.Any(a => a.Id is MeetingActions.Start or MeetingActions.Brief or MeetingActions.Debrief) == true).ToList();

    /// <summary>Runs the dispatcher a minute before <paramref name="at"/> (nothing), at it (one nudge) and again (nothing more).</summary>
    private static async Task<Reply> ExactlyOnceAtAsync(CoachTestHost host, DateTimeOffset at)
    {
        var before = MeetingNudges(host).Count;
        host.Time.SetUtcNow(at.AddMinutes(-1));
        await host.Dispatcher.RunAsync();
        Assert.Equal(before, MeetingNudges(host).Count);

        host.Time.SetUtcNow(at);
        await host.Dispatcher.RunAsync();
        await host.Dispatcher.RunAsync();
        Assert.Equal(before + 1, MeetingNudges(host).Count);
        return MeetingNudges(host)[^1];
    }

    [Fact]
    public async Task Dispatcher_SendsPrepAndDebriefOnce_AtBerlinTimes_AcrossTheSpringDstChange()
    {
        var host = await StartAsync(Utc(2026, 3, 25, 9)); // Wed 10:00 CET
        await host.SayAsync("promise Acme: send the deck 2026-04-03");
        await host.SayAsync("promise Acme: send the pricing 2026-03-26");
        await host.SayAsync("promise Globex: send the plan 2026-03-26");
        await host.SayAsync("meeting Acme 2026-03-30 10:00 important"); // Mon, after clocks go forward on Sun 29

        var dayBefore = await ExactlyOnceAtAsync(host, Utc(2026, 3, 27, 13)); // Fri 14:00 CET
        Assert.Equal("Mon 30 Mar, 10:00 — Acme (important).", dayBefore.Card!.Title);
        Assert.Equal("Who comes with you, and why, in two sentences each? The right people, not an army.", dayBefore.Card.Lines[0]);
        Assert.Equal("Open with Acme:", dayBefore.Card.Lines[1]);
        Assert.StartsWith("#2 send the pricing · Thu 26 Mar, 18:00 — overdue", dayBefore.Card.Lines[2]); // overdue first
        Assert.StartsWith("#1 send the deck · Fri 3 Apr, 18:00", dayBefore.Card.Lines[3]);
        Assert.DoesNotContain(dayBefore.Card.Lines, l => l.Contains("send the plan"));
        Assert.Equal(MeetingActions.Start, dayBefore.Card.Actions[0].Id);
        Assert.Equal([MeetingPrincipleIds.NeverAlone], dayBefore.Card.PrincipleIds);
        Assert.EndsWith("`never-alone-to-important-meeting`", dayBefore.Card.Footnote);

        var hourBefore = await ExactlyOnceAtAsync(host, Utc(2026, 3, 30, 7)); // Mon 09:00 CEST
        Assert.Equal("Today 10:00 — Acme (important).", hourBefore.Card!.Title);

        var debrief = await ExactlyOnceAtAsync(host, Utc(2026, 3, 30, 10)); // ends 11:00 CEST, debrief 12:00
        Assert.Equal("Debrief: Acme, Mon 30 Mar, 10:00.", debrief.Card!.Title);
        Assert.Equal(MeetingActions.Debrief, debrief.Card.Actions[0].Id);

        var rows = await host.WithDbAsync(db => db.Outbox.Where(o => o.Kind.StartsWith(MeetingPolicy.KindPrefix)).ToListAsync());
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(OutboxStatus.Sent, r.Status));
    }

    [Fact]
    public async Task Dispatcher_SendsPrepAndDebriefOnce_AtNewYorkTimes_AcrossTheAutumnDstChange()
    {
        const string zone = "America/New_York";
        var host = await StartAsync(Utc(2026, 10, 28, 14)); // Wed 10:00 EDT
        await host.SayAsync("meeting Acme 2026-11-02 09:30", timeZone: zone); // Mon, after clocks go back on Sun 1 Nov

        var dayBefore = await ExactlyOnceAtAsync(host, Utc(2026, 10, 30, 18)); // Fri 14:00 EDT
        Assert.Equal("Mon 2 Nov, 09:30 — Acme.", dayBefore.Card!.Title);
        Assert.StartsWith("What one outcome do you want from Acme", dayBefore.Card.Lines[0]);
        Assert.Equal([MeetingPrincipleIds.Prepare], dayBefore.Card.PrincipleIds);

        var hourBefore = await ExactlyOnceAtAsync(host, Utc(2026, 11, 2, 14)); // 08:30 is before work: 09:00 EST
        Assert.Equal("Today 09:30 — Acme.", hourBefore.Card!.Title);

        var debrief = await ExactlyOnceAtAsync(host, Utc(2026, 11, 2, 16, 30)); // ends 10:30 EST, debrief 11:30
        Assert.StartsWith("Debrief: Acme, Mon 2 Nov, 09:30", debrief.Card!.Title);
    }

    [Fact]
    public async Task Dispatcher_OffersTheBrief_WhenTheChecklistIsDoneBeforeTheHourBeforeNudge()
    {
        var host = await StartAsync(Utc(2026, 3, 4, 9)); // Wed 10:00 CET
        await host.SayAsync("meeting Acme 2026-03-10 15:00");
        await host.AnswerStepsAsync((await host.SayAsync("prep Acme"))[^1], _ => "ok");

        // Prepared already: the afternoon-before nudge has nothing to add and stays quiet.
        host.Time.SetUtcNow(Utc(2026, 3, 9, 13));
        await host.Dispatcher.RunAsync();
        Assert.Empty(MeetingNudges(host));

        var hourBefore = await ExactlyOnceAtAsync(host, Utc(2026, 3, 10, 13));
        Assert.Equal("Your brief is ready: reread it before you go in.", hourBefore.Card!.Lines[0]);
        Assert.Equal(MeetingActions.Brief, hourBefore.Card.Actions[0].Id);
    }

    [Fact]
    public async Task Dispatcher_SaysNothing_WhenTheMeetingWasCancelled()
    {
        var host = await StartAsync(Utc(2026, 3, 4, 9));
        await host.SayAsync("meeting Acme 2026-03-10 15:00");
        var meeting = await host.MeetingAsync();
        // Cancelled behind the outbox's back (e.g. a row claimed before the cancel): the renderer still checks.
        await host.WithDbAsync(async db =>
        {
            var m = await db.Set<Meeting>().SingleAsync(x => x.Id == meeting.Id);
            m.Status = MeetingStatus.Cancelled;
            return await db.SaveChangesAsync();
        });

        host.Time.SetUtcNow(Utc(2026, 3, 10, 16));
        await host.Dispatcher.RunAsync();

        Assert.Empty(MeetingNudges(host));
        var rows = await host.WithDbAsync(db => db.Outbox.Where(o => o.Kind.StartsWith(MeetingPolicy.KindPrefix)).ToListAsync());
        Assert.All(rows, r => Assert.Equal(OutboxStatus.Skipped, r.Status));
    }

    [Fact]
    public async Task StartChecklist_FromTheNudge_AsksTheFirstItem_InPlainChat()
    {
        var host = await StartAsync(Utc(2026, 3, 4, 9));
        await host.SayAsync("meeting Acme 2026-03-10 15:00 important");
        var nudge = await ExactlyOnceAtAsync(host, Utc(2026, 3, 9, 13));
        var start = nudge.Card!.Actions[0];

        var first = (await host.PressAsync(start.Id, new Dictionary<string, string>(start.Payload)))[^1];

        Assert.StartsWith("What one outcome do you want from Acme", first.Card!.Title);
        Assert.Equal("Question 1 of 9", first.Card.Lines[^1]); // important; no executive known, no open promises
    }
}
