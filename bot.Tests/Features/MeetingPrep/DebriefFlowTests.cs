using AccountCoachBot.Features.MeetingPrep;
using AccountCoachBot.Features.Promises;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Tests.Features.MeetingPrep;

/// <summary>The debrief after a meeting through the real pipeline on a real database: promises it tracks, notes it keeps.</summary>
public sealed class DebriefFlowTests : IAsyncLifetime
{
    private CoachTestHost _host = null!;

    // Wed 2026-03-04 10:00 Berlin.
    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Debrief_TurnsWhatWasPromisedIntoTrackedPromisesWithReminders()
    {
        await _host.SayAsync("meeting Acme 2026-03-05 15:00");
        var meeting = await _host.MeetingAsync();
        _host.Time.SetUtcNow(new DateTimeOffset(2026, 3, 5, 15, 0, 0, TimeSpan.Zero)); // Thu 16:00: the meeting is over

        var first = (await _host.PressAsync(MeetingActions.Debrief, MeetingTestKit.Id(meeting)))[^1];
        Assert.StartsWith("What did you promise Acme?", first.Card!.Title);
        Assert.StartsWith("Debrief of Acme, 4 questions.", first.Card.Lines[0]);
        var afterPromises = (await _host.SayAsync("send the revised quote by 2026-03-12\ncall Olga back tomorrow 11:00\nfind out the delivery terms"))[^1];

        Assert.Contains("Now tracked, with reminders:", afterPromises.Card!.Lines);
        Assert.Contains(afterPromises.Card.Lines, l => l.StartsWith("No future date in: find out the delivery terms. Add it: `promise Acme:"));
        var promises = await _host.WithDbAsync(db => db.Promises.Include(p => p.Account).OrderBy(p => p.DueUtc).ToListAsync());
        Assert.Equal(["call Olga back", "send the revised quote"], promises.Select(p => p.What));
        Assert.All(promises, p => Assert.Equal("Acme", p.Account!.Name));
        Assert.Equal(new DateTime(2026, 3, 6, 10, 0, 0, DateTimeKind.Utc), promises[0].DueUtc);
        var links = await _host.WithDbAsync(db => db.Set<MeetingPromise>().ToListAsync());
        Assert.Equal(promises.Select(p => p.Id).Order(), links.Where(l => l.MeetingId == meeting.Id).Select(l => l.PromiseId).Order());
        var reminders = await _host.WithDbAsync(db => db.Outbox.Where(o => o.Kind.StartsWith(ReminderPolicy.KindPrefix) && o.Status == OutboxStatus.Pending).ToListAsync());
        Assert.Contains(reminders, r => r.SubjectId == $"promise:{promises[1].Id}" && r.Kind == ReminderPolicy.BeforeKind);
        Assert.Contains(reminders, r => r.SubjectId == $"promise:{promises[1].Id}" && r.Kind == ReminderPolicy.DueKind && r.DueUtc == promises[1].DueUtc);
        Assert.Contains(reminders, r => r.SubjectId == $"promise:{promises[0].Id}" && r.Kind == ReminderPolicy.DueKind);

        var (_, last) = await _host.AnswerStepsAsync(afterPromises, q => q switch
        {
            _ when q.StartsWith("What did you learn") => "Olga Petrova — worried about budget cuts",
            _ => "we ran over time",
        });

        Assert.Equal("Debrief saved: Acme", last.Card!.Title);
        Assert.Contains(last.Card.Lines, l => l.Contains("send the revised quote"));
        Assert.NotNull((await _host.MeetingAsync()).DebriefedUtc);
        Assert.Equal("The debrief of this meeting is already saved.", (await _host.PressAsync(MeetingActions.Debrief, MeetingTestKit.Id(meeting)))[^1].Text);
        Assert.Equal(2, await _host.WithDbAsync(db => db.Promises.CountAsync()));
        var olga = await _host.WithDbAsync(db => db.Set<ClientContact>().SingleAsync());
        Assert.Equal("worried about budget cuts", olga.Notes);
    }

    [Fact]
    public async Task Debrief_NotesOnPeople_AppearInTheNextBrief()
    {
        await _host.SayAsync("meeting Acme 2026-03-05 15:00");
        _host.Time.SetUtcNow(new DateTimeOffset(2026, 3, 5, 15, 0, 0, TimeSpan.Zero));
        await _host.AnswerStepsAsync((await _host.SayAsync("debrief Acme"))[^1], q => q switch
        {
            _ when q.StartsWith("What did you learn") => "Olga Petrova — CFO, worried about budget cuts",
            _ when q.StartsWith("What did you promise") => "nothing",
            _ => "ok",
        });
        await _host.SayAsync("meeting Acme 2026-03-12 10:00");

        var (questions, brief) = await _host.AnswerStepsAsync((await _host.SayAsync("prep Acme"))[^1], _ => "ok");

        Assert.Contains(questions, q => q.Contains("to look good")); // a known CFO
        Assert.Contains(brief.Card!.Facts, f => f.Label == "Their people" && f.Value == "Olga Petrova — CFO, worried about budget cuts");
        Assert.Contains(brief.Card.Facts, f => f.Label == "Last contact" && f.Value == "Thu 5 Mar");
    }
}
