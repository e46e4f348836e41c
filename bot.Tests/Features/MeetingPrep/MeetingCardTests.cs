using System.Text.Json.Nodes;
using AccountCoachBot.Channels.BotFramework;
using AccountCoachBot.Conversation;
using AccountCoachBot.Features.MeetingPrep;
using AccountCoachBot.Tests.Infrastructure;

namespace AccountCoachBot.Tests.Features.MeetingPrep;

/// <summary>The meeting cards as Teams gets them: valid Adaptive Cards 1.5 (Microsoft's parser), within Teams' limits.</summary>
public sealed class MeetingCardTests : IAsyncLifetime
{
    /// <summary>Teams refuses bot messages over about 28 KB; stay well inside.</summary>
    private const int TeamsMessageLimit = 28 * 1024;

    private CoachTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>The largest checklist: important, a client executive known, open promises — every item applies.</summary>
    private async Task<Card> FullChecklistFormAsync()
    {
        await _host.SayAsync("promise Acme: send the revised quote with the new volume discount tiers 2026-03-06");
        await _host.SayAsync("promise Acme: call Olga back about the delivery terms 2026-03-09");
        await _host.SayAsync("meeting Acme 2026-03-05 15:00");
        _host.Time.SetUtcNow(new DateTimeOffset(2026, 3, 5, 15, 0, 0, TimeSpan.Zero));
        await _host.AnswerStepsAsync((await _host.SayAsync("debrief Acme"))[^1], q => q.StartsWith("What did you learn")
            ? "Olga Petrova — CFO, wants predictability\nIvan Sidorov — IT lead, fears the migration" : "nothing");
        await _host.SayAsync("meeting Acme 2026-03-10 15:00 important");
        var meeting = await _host.MeetingAsync();
        return (await _host.TeamsAsync(null, new SubmittedAction(MeetingActions.Start, MeetingTestKit.Id(meeting))))[^1].Card!;
    }

    [Fact]
    public async Task ChecklistForm_IsAValidAdaptiveCardWithinLimits_WithEveryItemAsAMultilineInput()
    {
        var form = await FullChecklistFormAsync();
        var checklists = MeetingChecklists.Load(null, AccountCoachBot.Features.Coaching.PrincipleCatalog.Load());

        var json = AdaptiveCardRenderer.Render(form);

        Assert.Empty(await AdaptiveCardValidator.ValidateAsync(json));
        Assert.True(json.ToJsonString().Length < TeamsMessageLimit, $"{json.ToJsonString().Length} bytes");
        var inputs = json["body"]!.AsArray().Where(e => e!["type"]!.GetValue<string>() == "Input.Text").ToList();
        Assert.Equal(checklists.PreMeeting.Items.Count, inputs.Count);
        Assert.All(inputs, i => Assert.True(i!["isMultiline"]!.GetValue<bool>()));
        Assert.Equal(inputs.Count, inputs.Select(i => i!["id"]!.GetValue<string>()).Distinct().Count());
        Assert.Equal(MeetingActions.Save, json["actions"]![0]!["data"]![AdaptiveCardRenderer.ActionKey]!.GetValue<string>());
        // The principles it rests on: on the card and in its footnote.
        Assert.Equal(checklists.PreMeeting.Items.SelectMany(i => i.Principles).Distinct().Order(), form.PrincipleIds.Order());
        Assert.All(form.PrincipleIds, id => Assert.Contains($"`{id}`", form.Footnote));
        Assert.Contains(form.Lines, l => l.Contains("send the revised quote"));
    }

    [Fact]
    public async Task MeetingCards_AreValidAdaptiveCards_ForNudgesBriefAndDebrief()
    {
        await FullChecklistFormAsync();
        _host.Time.SetUtcNow(new DateTimeOffset(2026, 3, 9, 13, 0, 0, TimeSpan.Zero)); // Mon 14:00: the afternoon-before nudge
        await _host.Dispatcher.RunAsync();
        var prep = _host.Sender.Sent.Select(s => s.Reply.Card).Last(c => c?.Actions.Any(a => a.Id == MeetingActions.Start) == true)!;

        var (_, brief) = await _host.AnswerStepsAsync((await _host.SayAsync("prep Acme"))[^1], _ => "a fairly long answer, the kind people type on a phone, twice over. " + new string('x', 200));
        var meeting = await _host.MeetingAsync();
        var debriefForm = (await _host.TeamsAsync(null, new SubmittedAction(MeetingActions.Debrief, MeetingTestKit.Id(meeting))))[^1].Card!;
        _host.Time.SetUtcNow(new DateTimeOffset(2026, 3, 10, 16, 0, 0, TimeSpan.Zero));
        await _host.Dispatcher.RunAsync();
        var debriefNudge = _host.Sender.Sent.Select(s => s.Reply.Card).Last(c => c?.Actions.Any(a => a.Id == MeetingActions.Debrief) == true)!;

        Card[] cards = [prep, brief.Card!, debriefForm, debriefNudge];
        var errors = await AdaptiveCardValidator.ValidateAsync(cards.Select(c => (JsonNode)AdaptiveCardRenderer.Render(c)));

        Assert.Empty(errors);
        Assert.All(cards, c => Assert.True(AdaptiveCardRenderer.Render(c).ToJsonString().Length < TeamsMessageLimit));
        Assert.All(cards, c => Assert.NotEmpty(c.PrincipleIds));
        Assert.Equal(4, debriefForm.Inputs.Count);
        Assert.True(prep.Lines.Count <= 6, "a nudge fits on a phone screen");
    }
}
