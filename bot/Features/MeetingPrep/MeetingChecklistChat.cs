using System.Globalization;
using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.MeetingPrep;

/// <summary>
/// The checklist in chat: a form where the channel shows forms, one question at a time elsewhere (the answer comes
/// back as the next message); then the brief or the debrief summary. Answers and completion are the
/// <see cref="AnswerChecklist"/> and <see cref="CompleteChecklist"/> use cases.
/// </summary>
internal sealed class MeetingChecklistChat(MeetingChecklists checklists, Destinations destinations, IEnumerable<ProactiveCalls.IAccountTouchRecorder> touches,
    IEnumerable<IBriefFollowUp> briefFollowUps)
{
    public async Task<Reply> StartAsync(Turn turn, Meeting meeting, MeetingPhase phase, bool restart, CancellationToken ct)
    {
        if (phase == MeetingPhase.Debrief && meeting.DebriefedUtc is not null) return turn.T(MeetingTexts.AlreadyDebriefed);
        if (phase == MeetingPhase.Prep && restart)
        {
            turn.Db.RemoveRange(meeting.Answers.Where(a => a.Phase == MeetingPhase.Prep));
            meeting.Answers.RemoveAll(a => a.Phase == MeetingPhase.Prep);
            meeting.PreparedUtc = null;
            await turn.Db.SaveChangesAsync(ct);
        }
        else if (phase == MeetingPhase.Prep && meeting.PreparedUtc is not null)
        {
            return await BriefAsync(turn, meeting, ct);
        }

        if (destinations.ShowsForms(turn.Address.Transport))
        {
            var (items, facts) = await ApplicableAsync(turn, meeting, phase, ct);
            return MeetingCards.Form(meeting, phase, items, phase == MeetingPhase.Prep ? facts : null, turn.Person, turn.NowUtc);
        }
        return await NextStepAsync(turn, meeting, phase, [], starting: true, ct);
    }

    /// <summary>Asks the next unanswered item in plain chat (the answer comes back as the next message), or completes.</summary>
    private async Task<Reply> NextStepAsync(Turn turn, Meeting meeting, MeetingPhase phase, IReadOnlyList<string> before, bool starting, CancellationToken ct)
    {
        var (items, facts) = await ApplicableAsync(turn, meeting, phase, ct);
        var answered = meeting.Answers.Where(a => a.Phase == phase).Select(a => a.ItemId).ToHashSet(StringComparer.Ordinal);
        var next = items.FirstOrDefault(i => !answered.Contains(i.Id));
        if (next is null) return await CompleteAsync(turn, meeting, phase, before, ct);

        var done = items.Count(i => answered.Contains(i.Id));
        var lines = new List<string>(before);
        if (starting)
            lines.Add(done > 0 ? turn.T(MeetingTexts.StepResume, done, items.Count)
                : turn.T(phase == MeetingPhase.Debrief ? MeetingTexts.DebriefIntro : MeetingTexts.StepIntro, MeetingCards.Name(meeting), items.Count));
        if (next.Id == ChecklistItemIds.OpenPromises && phase == MeetingPhase.Prep)
            lines.AddRange(facts.OpenPromises.Select(p => MeetingCards.PromiseLine(p, turn.Person, turn.NowUtc)));

        var answerAction = phase == MeetingPhase.Debrief ? MeetingActions.DebriefAnswer : MeetingActions.Answer;
        turn.AskFor(new SubmittedAction(answerAction, new Dictionary<string, string>
            {
                [MeetingActions.IdKey] = meeting.Id.ToString(CultureInfo.InvariantCulture),
                [MeetingActions.ItemKey] = next.Id,
            }),
            new CardInput(MeetingActions.AnswerKey, InputKind.Text, MeetingCards.Question(next, meeting, turn.Language)));
        return MeetingCards.Step(meeting, next, done + 1, items.Count, lines, turn.Person);
    }

    public async Task<Reply> AnswerAsync(Turn turn, Meeting meeting, MeetingPhase phase, SubmittedAction action, CancellationToken ct)
    {
        if (phase == MeetingPhase.Debrief && meeting.DebriefedUtc is not null) return turn.T(MeetingTexts.AlreadyDebriefed);
        var item = checklists.For(phase).Find(action.Get(MeetingActions.ItemKey));
        if (item is null) return turn.T(MeetingTexts.ChecklistGone);
        var text = action.Get(MeetingActions.AnswerKey) ?? "";
        if (BriefRules.IsSkip(text)) text = "";

        var outcome = Outcome(turn, meeting, await AnswerChecklistHandler.RecordAsync(turn.Db, turn.Person, turn.Address, meeting, phase, item, text, turn.NowUtc, ct));
        await turn.Db.SaveChangesAsync(ct);
        return await NextStepAsync(turn, meeting, phase, outcome, starting: false, ct);
    }

    /// <summary>A form (Teams): every applicable item at once, then the brief or the debrief summary.</summary>
    public async Task<Reply> SaveFormAsync(Turn turn, Meeting meeting, MeetingPhase phase, SubmittedAction action, CancellationToken ct)
    {
        if (phase == MeetingPhase.Debrief && meeting.DebriefedUtc is not null) return turn.T(MeetingTexts.AlreadyDebriefed);
        var (items, _) = await ApplicableAsync(turn, meeting, phase, ct);
        var outcome = new List<string>();
        foreach (var item in items)
            outcome.AddRange(Outcome(turn, meeting,
                await AnswerChecklistHandler.RecordAsync(turn.Db, turn.Person, turn.Address, meeting, phase, item, action.Get(item.Id) ?? "", turn.NowUtc, ct)));
        await turn.Db.SaveChangesAsync(ct);
        return await CompleteAsync(turn, meeting, phase, outcome, ct);
    }

    private async Task<Reply> CompleteAsync(Turn turn, Meeting meeting, MeetingPhase phase, IReadOnlyList<string> outcome, CancellationToken ct)
    {
        var completed = await new CompleteChecklistHandler(touches).HandleAsync(turn.Db, turn.Person, new CompleteChecklist(meeting, phase), turn.NowUtc, ct);
        if (phase == MeetingPhase.Prep)
        {
            var brief = await BriefAsync(turn, meeting, ct);
            var saved = turn.T(MeetingTexts.BriefSaved, MeetingCards.Name(meeting));
            return brief with { Text = $"{brief.Text}\n{saved}" };
        }

        // The promises are listed from the link table; of this turn's outcome keep what isn't one of them.
        var tracked = completed.Tracked;
        var trackedLines = tracked.Select(p => MeetingCards.PromiseLine(p, turn.Person, turn.NowUtc)).Append(turn.T(MeetingTexts.Tracked)).ToHashSet();
        return MeetingCards.DebriefSaved(meeting, tracked, outcome.Where(o => !trackedLines.Contains(o)).ToList(), turn.Person, turn.NowUtc);
    }

    private static IReadOnlyList<string> Outcome(Turn turn, Meeting meeting, ChecklistAnswered answered) =>
        answered.HasOutcome ? MeetingCards.Outcome(meeting, answered.Created, answered.Undated, answered.People, turn.Person, turn.NowUtc) : [];

    public async Task<Reply> BriefAsync(Turn turn, Meeting meeting, CancellationToken ct)
    {
        var (items, facts) = await ApplicableAsync(turn, meeting, MeetingPhase.Prep, ct);
        var answers = meeting.Answers.Where(a => a.Phase == MeetingPhase.Prep).ToDictionary(a => a.ItemId, a => a.Text, StringComparer.Ordinal);
        var flags = BriefRules.Flags(meeting, answers, facts);
        var brief = MeetingCards.Brief(meeting, items, answers, facts, flags, turn.Person, turn.NowUtc);
        foreach (var followUp in briefFollowUps) followUp.After(turn, meeting, brief);
        return brief;
    }

    /// <summary>The items that apply to this meeting now, and what the bot knows about the client.</summary>
    private async Task<(IReadOnlyList<ChecklistItem> Items, AccountFacts Facts)> ApplicableAsync(Turn turn, Meeting meeting, MeetingPhase phase, CancellationToken ct)
    {
        var facts = await AccountFacts.LoadAsync(turn.Db, turn.Person.Id, meeting.AccountId, turn.NowUtc, meeting.Id, ct);
        var situation = new ChecklistSituation(meeting.Important, facts.HasExecutive, facts.OpenPromises.Count > 0);
        return (checklists.For(phase).ItemsFor(situation), facts);
    }
}
