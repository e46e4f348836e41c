using AccountCoachBot.Conversation;
using AccountCoachBot.Features.MeetingPrep;
using AccountCoachBot.Features.Promises;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Tests.Features.MeetingPrep;

/// <summary>Meetings, the checklist and the brief through the real pipeline on a real database.</summary>
public sealed class MeetingFlowTests : IAsyncLifetime
{
    private CoachTestHost _host = null!;

    // Wed 2026-03-04 10:00 Berlin.
    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static string Answers(string question) => question switch
    {
        _ when question.StartsWith("What one outcome") => "a signed pilot order; ask for the PO by Friday",
        _ when question.StartsWith("Who comes from") => "Olga Petrova — CFO, wants predictability\nIvan Sidorov — IT lead, fears the migration",
        _ when question.StartsWith("Who comes with you") => "Anna (pricing) — can approve a discount on the spot. She knows their contract.",
        _ when question.Contains("to look good") => "a clear budget number for the board",
        _ => "ok",
    };

    [Fact]
    public async Task Meeting_IsSavedWithItsNudges_WhenToldWithDateTimeAndFlag()
    {
        var reply = (await _host.SayAsync("meeting Acme 2026-03-10 15:00 important"))[^1];

        Assert.Equal("Meeting saved: Acme, Tue 10 Mar, 15:00 (important)", reply.Card!.Title);
        Assert.Contains("I'll bring the checklist Mon 9 Mar, 14:00 and Tue 10 Mar, 14:00.", reply.Text);
        Assert.Contains(reply.Card.Actions, a => a.Id == MeetingActions.Start);
        var meeting = await _host.MeetingAsync();
        Assert.True(meeting.Important);
        Assert.Equal(new DateTime(2026, 3, 10, 14, 0, 0, DateTimeKind.Utc), meeting.StartUtc);
        Assert.Equal(new DateTime(2026, 3, 10, 15, 0, 0, DateTimeKind.Utc), meeting.EndUtc);
        var rows = await _host.WithDbAsync(db => db.Outbox.Where(o => o.SubjectId == $"meeting:{meeting.Id}").OrderBy(o => o.DueUtc).ToListAsync());
        Assert.Equal([MeetingPolicy.PrepDayBeforeKind, MeetingPolicy.PrepHourBeforeKind, MeetingPolicy.DebriefKind], rows.Select(r => r.Kind));
    }

    [Fact]
    public async Task Meeting_IsSavedInRussian_WithLengthAndImportance()
    {
        var reply = (await _host.SayAsync("встреча Ромашка 10.03 в 15:00 важная на 2 часа", locale: "ru-RU"))[^1];

        Assert.StartsWith("Встреча сохранена: Ромашка, ", reply.Card!.Title);
        Assert.EndsWith("(важная)", reply.Card.Title);
        var meeting = await _host.MeetingAsync("Ромашка");
        Assert.True(meeting.Important);
        Assert.Equal(TimeSpan.FromHours(2), meeting.EndUtc - meeting.StartUtc);
    }

    [Fact]
    public async Task Meeting_AsksForTheTime_WhenOnlyADayIsGiven()
    {
        Assert.StartsWith("I need the day and the time", (await _host.SayAsync("meeting Acme 2026-03-10"))[^1].Text);
        Assert.Equal(0, await _host.WithDbAsync(db => db.Set<Meeting>().CountAsync()));

        var reply = (await _host.SayAsync("2026-03-10 11:30"))[^1];

        Assert.Equal("Meeting saved: Acme, Tue 10 Mar, 11:30", reply.Card!.Title);
        Assert.False((await _host.MeetingAsync()).Important);
    }

    [Fact]
    public async Task Meeting_ShowsTheForm_WhenNoDateAndTheClientIsUnknown()
    {
        var reply = (await _host.SayAsync("meeting went great"))[^1];

        Assert.StartsWith("Write it like this: `meeting Acme 2026-03-10 15:00 important`", reply.Text);
        Assert.Equal(0, await _host.WithDbAsync(db => db.Accounts.CountAsync()));
    }

    [Fact]
    public async Task Meeting_RefusesAPastTime_AndSavesNothing()
    {
        var reply = (await _host.SayAsync("meeting Acme 2026-03-02 15:00"))[^1];

        Assert.Equal("That time has already passed. When is the meeting?", reply.Text);
        Assert.Equal(0, await _host.WithDbAsync(db => db.Set<Meeting>().CountAsync()));
    }

    [Fact]
    public async Task Meetings_ListsUpcoming_AndCancelWithdrawsTheirNudges()
    {
        await _host.SayAsync("meeting Acme 2026-03-10 15:00 important");
        await _host.SayAsync("meeting Globex 2026-03-06 11:00");
        var acme = await _host.MeetingAsync();

        var list = (await _host.SayAsync("meetings"))[^1];
        Assert.Equal("Upcoming meetings (2)", list.Card!.Title);
        Assert.StartsWith("#2 Globex · Fri 6 Mar, 11:00", list.Card.Lines[0]);
        Assert.Contains("important", list.Card.Lines[1]);

        var cancelled = (await _host.SayAsync($"cancel meeting {acme.Number}"))[^1];

        Assert.Equal("Cancelled: Acme, Tue 10 Mar, 15:00. No more nudges about it.", cancelled.Text);
        var rows = await _host.WithDbAsync(db => db.Outbox.Where(o => o.SubjectId == $"meeting:{acme.Id}").ToListAsync());
        Assert.All(rows, r => Assert.Equal(OutboxStatus.Skipped, r.Status));
        Assert.Equal("Upcoming meetings (1)", (await _host.SayAsync("meetings"))[^1].Card!.Title);
    }

    [Fact]
    public async Task Checklist_AsksWhoComesWithYou_ForAnImportantMeetingOnly()
    {
        await _host.SayAsync("meeting Acme 2026-03-10 15:00 important");
        await _host.SayAsync("meeting Globex 2026-03-10 11:00");

        var (important, _) = await _host.AnswerStepsAsync((await _host.SayAsync("prep Acme"))[^1], _ => "ok");
        var (plain, _) = await _host.AnswerStepsAsync((await _host.SayAsync("prep Globex"))[^1], _ => "ok");

        const string neverAlone = "Who comes with you, and why, in two sentences each?";
        Assert.Contains(important, q => q.StartsWith(neverAlone));
        Assert.DoesNotContain(plain, q => q.StartsWith(neverAlone));
        Assert.Equal(important.Count - 1, plain.Count);
    }

    [Fact]
    public async Task Checklist_StepByStep_CompletesAndStoresTheBrief()
    {
        await _host.SayAsync("meeting Acme 2026-03-10 15:00 important");
        var first = (await _host.SayAsync("prep Acme"))[^1];

        Assert.Contains("Checklist for Acme", first.Text);
        Assert.StartsWith("1/", first.Text.Split('\n')[1]);
        Assert.Equal([MeetingPrincipleIds.Prepare], first.Card!.PrincipleIds);
        Assert.Contains("`prepare-for-every-meeting`", first.Card.Footnote);

        var (questions, last) = await _host.AnswerStepsAsync(first, Answers);

        // A CFO among their attendees brings the executive question in, right after them.
        var attendees = questions.FindIndex(q => q.StartsWith("Who comes from"));
        Assert.Contains("to look good", questions[attendees + 1]);
        Assert.StartsWith("Brief: Acme, Tue 10 Mar, 15:00 (important)", last.Card!.Title);
        Assert.Contains("Saved. Reread it before you walk in: `brief Acme`.", last.Text);
        var meeting = await _host.MeetingAsync();
        Assert.NotNull(meeting.PreparedUtc);
        Assert.Equal(questions.Count, meeting.Answers.Count(a => a.Phase == MeetingPhase.Prep));
        Assert.Equal("a signed pilot order; ask for the PO by Friday", meeting.Answers.Single(a => a.ItemId == ChecklistItemIds.OutcomeAndAsk).Text);
        var contacts = await _host.WithDbAsync(db => db.Set<ClientContact>().OrderBy(c => c.Name).ToListAsync());
        Assert.Equal(["Ivan Sidorov", "Olga Petrova"], contacts.Select(c => c.Name));
        Assert.Equal("CFO, wants predictability", contacts[1].Notes);
    }

    [Fact]
    public async Task Checklist_KeepsProgress_WhenStoppedAndResumed()
    {
        await _host.SayAsync("meeting Acme 2026-03-10 15:00");
        await _host.SayAsync("prep Acme");
        await _host.SayAsync("a signed pilot order");
        Assert.Equal("OK, dropped.", (await _host.SayAsync("stop"))[^1].Text);

        var resumed = (await _host.SayAsync("prep Acme"))[^1];

        Assert.Contains("Picking up where you left off: 1 of", resumed.Text);
        Assert.StartsWith("Is the agenda sent?", resumed.Card!.Title);
    }

    [Fact]
    public async Task Brief_ShowsTheFlags_WhenGoingAloneWithoutAnAskAndWithOverduePromises()
    {
        await _host.SayAsync("promise Acme: send the pricing 2026-03-05");
        await _host.SayAsync("promise Acme: send the deck 2026-03-12");
        await _host.SayAsync("promise Globex: send the plan 2026-03-05");
        await _host.SayAsync("meeting Acme 2026-03-10 15:00 important");
        _host.Time.SetUtcNow(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.Zero)); // Mon: the pricing is overdue

        var (questions, _) = await _host.AnswerStepsAsync((await _host.SayAsync("prep Acme"))[^1], q => q switch
        {
            _ when q.StartsWith("What one outcome") => "",
            _ when q.StartsWith("Who comes with you") => "no one",
            _ => "ok",
        });
        var brief = (await _host.SayAsync("brief Acme"))[^1];

        Assert.Contains(questions, q => q.StartsWith("You have open promises to Acme"));
        Assert.Equal("Brief: Acme, Tue 10 Mar, 15:00 (important)", brief.Card!.Title);
        Assert.Equal("Going alone to an important meeting. Who can decide with you?", brief.Card.Lines[0]);
        Assert.Equal("No ask defined: what will you ask Acme for?", brief.Card.Lines[1]);
        Assert.Equal("Overdue promises to Acme: 1. Say where each stands before they ask.", brief.Card.Lines[2]);
        var promiseLines = brief.Card.Lines.SkipWhile(l => !l.StartsWith("Open with Acme")).Skip(1).ToList();
        Assert.Equal(2, promiseLines.Count);
        Assert.Contains("send the pricing", promiseLines[0]);
        Assert.EndsWith("overdue", promiseLines[0]);
        Assert.Contains("send the deck", promiseLines[1]);
        Assert.DoesNotContain(brief.Card.Lines, l => l.Contains("Globex") || l.Contains("send the plan"));
        Assert.Contains(brief.Card.Facts, f => f.Label == "Outcome and ask" && f.Value == "(skipped)");
        Assert.Contains(MeetingPrincipleIds.NeverAlone, brief.Card.PrincipleIds);
        Assert.Contains("`never-alone-to-important-meeting`", brief.Card.Footnote);
    }

    [Fact]
    public async Task Brief_HasNoFlags_WhenPreparedWell()
    {
        await _host.SayAsync("meeting Acme 2026-03-10 15:00 important");
        await _host.AnswerStepsAsync((await _host.SayAsync("prep Acme"))[^1], Answers);

        var brief = (await _host.SayAsync("brief Acme"))[^1];

        Assert.DoesNotContain(brief.Card!.Lines, l => l.StartsWith("Going alone") || l.StartsWith("No ask") || l.StartsWith("Overdue"));
        Assert.Contains(brief.Card.Facts, f => f.Label == "Who comes with you" && f.Value.StartsWith("Anna (pricing)"));
        Assert.Contains(brief.Card.Facts, f => f.Label == "Their attendees" && f.Value.StartsWith("Olga Petrova — CFO, wants predictability; Ivan Sidorov"));
        Assert.DoesNotContain(brief.Card.Facts, f => f.Label == "Their people"); // the same people, not twice
    }

    [Fact]
    public async Task Brief_SaysThereIsNone_BeforeTheChecklist()
    {
        await _host.SayAsync("meeting Acme 2026-03-10 15:00");

        Assert.Equal("No brief for Acme yet. `prep Acme` runs the checklist.", (await _host.SayAsync("brief Acme"))[^1].Text);
    }

    [Fact]
    public async Task Prep_RunsAnAdHocChecklist_WhenNoMeetingIsScheduled()
    {
        var first = (await _host.SayAsync("prep Initech important"))[^1];
        var (questions, last) = await _host.AnswerStepsAsync(first, Answers);

        Assert.Contains(questions, q => q.StartsWith("Who comes with you"));
        Assert.Equal("Brief: Initech, no time set (important)", last.Card!.Title);
        Assert.Equal(0, await _host.WithDbAsync(db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task Checklist_IsOneForm_WhenTheChannelShowsForms()
    {
        await _host.SayAsync("meeting Acme 2026-03-10 15:00 important");
        var meeting = await _host.MeetingAsync();

        var form = (await _host.TeamsAsync(null, new SubmittedAction(MeetingActions.Start, MeetingTestKit.Id(meeting))))[^1].Card!;

        Assert.Equal("Checklist: Acme, Tue 10 Mar, 15:00", form.Title);
        Assert.Contains(form.Inputs, i => i.Id == ChecklistItemIds.OurAttendees && i.Label.StartsWith("Who comes with you"));
        Assert.All(form.Inputs, i => Assert.True(i.Multiline && !i.Required));
        var save = Assert.Single(form.Actions);
        var payload = new Dictionary<string, string>(save.Payload);
        foreach (var input in form.Inputs) payload[input.Id] = "ok";
        payload[ChecklistItemIds.ClientAttendees] = "Olga Petrova — CFO\nIvan Sidorov";
        payload[ChecklistItemIds.OurAttendees] = "никто";

        var brief = (await _host.TeamsAsync(null, new SubmittedAction(save.Id, payload)))[^1];

        Assert.StartsWith("Brief: Acme", brief.Card!.Title);
        Assert.Equal("Going alone to an important meeting. Who can decide with you?", brief.Card.Lines[0]);
        meeting = await _host.MeetingAsync();
        Assert.NotNull(meeting.PreparedUtc);
        Assert.Equal(form.Inputs.Count, meeting.Answers.Count);
        Assert.Equal(2, await _host.WithDbAsync(db => db.Set<ClientContact>().CountAsync()));
    }

    [Fact]
    public async Task Buttons_RefuseAnotherPersonsMeeting()
    {
        await _host.SayAsync("meeting Acme 2026-03-10 15:00");
        var meeting = await _host.MeetingAsync();

        var reply = (await _host.PressAsync(MeetingActions.Cancel, MeetingTestKit.Id(meeting), user: "ivan"))[^1];

        Assert.Equal("I can't find that meeting among yours. `meetings` shows them.", reply.Text);
        Assert.Equal(MeetingStatus.Scheduled, (await _host.MeetingAsync()).Status);
    }
}
