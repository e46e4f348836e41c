using System.Globalization;
using AccountCoachBot.Conversation;
using AccountCoachBot.Features.Promises.Parsing;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.MeetingPrep;

/// <summary>
/// The chat side of meetings: words or a button → one of the use cases beside this file → a reply; the
/// checklist's back-and-forth is <see cref="MeetingChecklistChat"/>. Every button re-checks the meeting is the
/// pressing person's own. Buttons carry the meeting's id; what people type and read is their own number for it.
/// </summary>
public sealed class MeetingCommands(MeetingChecklists checklists, Destinations destinations, IEnumerable<ProactiveCalls.IAccountTouchRecorder> touches,
    IEnumerable<IMeetingLabels> labels, IEnumerable<IBriefFollowUp> briefFollowUps) : ITurnHandler
{
    private readonly MeetingChecklistChat _checklist = new(checklists, destinations, touches, briefFollowUps);

    public async Task<IReadOnlyList<Reply>?> TryHandleAsync(Turn turn, CancellationToken ct)
    {
        if (turn.Action is { } action)
            return [await HandleActionAsync(turn, action, ct)];

        var text = turn.Text;
        if (MeetingVerbs.List.Is(text))
            return [await ListAsync(turn, ct)];
        if (MeetingVerbs.Cancel.Matches(text, out var rest))
            return [await CancelTextAsync(turn, rest, ct)];
        if (MeetingVerbs.Meeting.Matches(text, out rest))
            return [await CreateTextAsync(turn, rest, ct)];
        if (MeetingVerbs.Prep.Matches(text, out rest))
            return [await PrepTextAsync(turn, rest, ct)];
        if (MeetingVerbs.Brief.Matches(text, out rest))
            return [await FindTextAsync(turn, rest, MeetingPhase.Prep, ct)];
        if (MeetingVerbs.Debrief.Matches(text, out rest))
            return [await FindTextAsync(turn, rest, MeetingPhase.Debrief, ct)];
        return null;
    }

    private async Task<Reply> HandleActionAsync(Turn turn, SubmittedAction action, CancellationToken ct)
    {
        if (action.Id == MeetingActions.Create) return await CreateAsync(turn, action, ct);

        if (!int.TryParse(action.Get(MeetingActions.IdKey), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return turn.T(PipelineTexts.UnknownAction);
        var meeting = await turn.Db.Set<Meeting>().Include(m => m.Account).Include(m => m.Answers)
            .FirstOrDefaultAsync(m => m.Id == id && m.OwnerId == turn.Person.Id, ct);
        // The id is ours, not the person's: never echo it.
        if (meeting is null) return turn.T(MeetingTexts.NotFoundButton);
        return await ActAsync(turn, meeting, action, ct);
    }

    private async Task<Reply> ActAsync(Turn turn, Meeting meeting, SubmittedAction action, CancellationToken ct)
    {
        if (meeting.Status == MeetingStatus.Cancelled)
            return action.Id == MeetingActions.Cancel ? turn.T(MeetingTexts.AlreadyCancelled, meeting.Number) : turn.T(MeetingTexts.ChecklistGone);

        return action.Id switch
        {
            MeetingActions.Start => await _checklist.StartAsync(turn, meeting, MeetingPhase.Prep, action.Get(MeetingActions.RestartKey) == "yes", ct),
            MeetingActions.Answer => await _checklist.AnswerAsync(turn, meeting, MeetingPhase.Prep, action, ct),
            MeetingActions.Save => await _checklist.SaveFormAsync(turn, meeting, MeetingPhase.Prep, action, ct),
            MeetingActions.Brief => await _checklist.BriefAsync(turn, meeting, ct),
            MeetingActions.Cancel => await CancelAsync(turn, meeting, ct),
            MeetingActions.Debrief => await _checklist.StartAsync(turn, meeting, MeetingPhase.Debrief, restart: false, ct),
            MeetingActions.DebriefAnswer => await _checklist.AnswerAsync(turn, meeting, MeetingPhase.Debrief, action, ct),
            MeetingActions.DebriefSave => await _checklist.SaveFormAsync(turn, meeting, MeetingPhase.Debrief, action, ct),
            _ => turn.T(PipelineTexts.UnknownAction),
        };
    }

    private async Task<Reply> ListAsync(Turn turn, CancellationToken ct)
    {
        var meetings = await ListMeetingsHandler.HandleAsync(turn.Db, turn.Person.Id, turn.NowUtc, ct);
        var marks = new Dictionary<int, string>();
        foreach (var source in labels)
            foreach (var (id, label) in await source.LabelsAsync(turn.Db, meetings.Select(m => m.Id).ToList(), turn.Language, ct))
                marks[id] = marks.TryGetValue(id, out var before) ? $"{before} · {label}" : label;
        return MeetingCards.List(meetings, turn.Person, marks);
    }

    // ---- telling the bot about a meeting ----

    /// <summary>`meeting Acme 2026-03-10 15:00 important for 2h` / `встреча Ромашка завтра в 15:00 важная на 2 часа`.</summary>
    private static async Task<Reply> CreateTextAsync(Turn turn, string rest, CancellationToken ct)
    {
        var text = rest;
        var important = MeetingWords.ImportantWord().IsMatch(text);
        text = MeetingWords.ImportantWord().Replace(text, " ");
        var minutes = (int)MeetingPolicy.DefaultLength.TotalMinutes;
        if (MeetingWords.Duration().Match(text) is { Success: true } d)
        {
            minutes = MeetingWords.DurationMinutes(d);
            text = text.Remove(d.Index, d.Length);
        }

        var due = DueParser.Find(text, await MeetingWords.ContextAsync(turn.Db, turn.Person, turn.NowUtc, ct));
        string? when = null;
        if (due is not null)
        {
            when = text.Substring(due.Start, due.Length);
            text = text.Remove(due.Start, due.Length);
        }
        var account = MeetingWords.Clean(text);
        if (account.Length == 0 || account.Length > 100) return turn.T(MeetingTexts.Usage);
        // Without a date, only a client already known makes this a meeting to ask the time of ("meeting went well" is not).
        if (when is null && await People.ClientAccounts.FindAsync(turn.Db, turn.Person.Id, account, ct) is null) return turn.T(MeetingTexts.Usage);

        var payload = new Dictionary<string, string>
        {
            [MeetingActions.AccountKey] = account,
            [MeetingActions.ImportantKey] = important ? "yes" : "no",
            [MeetingActions.MinutesKey] = minutes.ToString(CultureInfo.InvariantCulture),
        };
        if (when is not null) payload[MeetingActions.WhenKey] = when;
        // A new client after a preposition is read back in the case it fixes: «у Яндекса» is «Яндекс».
        if (MeetingWords.CaseOfName(text) is { } nameCase) payload[MeetingActions.NameCaseKey] = ((int)nameCase).ToString(CultureInfo.InvariantCulture);
        return await CreateAsync(turn, new SubmittedAction(MeetingActions.Create, payload), ct);
    }

    /// <summary>Saves the meeting once it has a client and a day and time ahead; asks for what is missing.</summary>
    private static async Task<Reply> CreateAsync(Turn turn, SubmittedAction action, CancellationToken ct)
    {
        var accountName = action.Get(MeetingActions.AccountKey);
        if (accountName is null) return turn.T(MeetingTexts.Usage);
        var whenText = action.Get(MeetingActions.WhenKey);
        var retry = new SubmittedAction(action.Id, action.Payload.Where(kv => kv.Key != MeetingActions.WhenKey).ToDictionary());
        if (whenText is null)
            return turn.AskFor(retry, new CardInput(MeetingActions.WhenKey, InputKind.Text, turn.T(MeetingTexts.AskWhen, accountName)));
        var start = MeetingWords.ParseStart(whenText, await MeetingWords.ContextAsync(turn.Db, turn.Person, turn.NowUtc, ct));
        if (start is null)
            return turn.AskFor(retry, new CardInput(MeetingActions.WhenKey, InputKind.Text, turn.T(MeetingTexts.AskWhenAgain)));
        if (start <= turn.NowUtc)
            return turn.AskFor(retry, new CardInput(MeetingActions.WhenKey, InputKind.Text, turn.T(MeetingTexts.WhenInPast)));

        var minutes = int.TryParse(action.Get(MeetingActions.MinutesKey), NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : 0;
        var command = new ScheduleMeeting(accountName, start.Value, minutes, action.Get(MeetingActions.ImportantKey) == "yes", turn.Address.Id)
        {
            NameCase = int.TryParse(action.Get(MeetingActions.NameCaseKey), NumberStyles.None, CultureInfo.InvariantCulture, out var c)
                && Enum.IsDefined((People.Declension.RussianCase)c) ? (People.Declension.RussianCase)c : null,
        };
        var scheduled = await ScheduleMeetingHandler.HandleAsync(turn.Db, turn.Person, command, turn.NowUtc, ct);
        var saved = MeetingCards.Saved(scheduled!.Meeting, turn.Person, scheduled.Plan);
        if (!scheduled.NamedFromCase || saved.Card is not { } card) return saved;
        // Say which name the new client got, and how to fix it.
        var withNote = new Reply("", card with { Lines = [.. card.Lines ?? [], turn.T(People.AccountNameTexts.AddedFromCase, scheduled.Meeting.Account!.Name)] });
        return withNote with { Text = PlainTextRenderer.Render(withNote) };
    }

    // ---- cancelling ----

    private async Task<Reply> CancelTextAsync(Turn turn, string rest, CancellationToken ct)
    {
        if (MeetingWords.Number(rest) is not { } number) return turn.T(MeetingTexts.NeedId);
        var meeting = await turn.Db.Set<Meeting>().Include(x => x.Account).Include(x => x.Answers)
            .FirstOrDefaultAsync(x => x.OwnerId == turn.Person.Id && x.Number == number, ct);
        if (meeting is null) return turn.T(MeetingTexts.NotFound, number);
        var payload = new Dictionary<string, string> { [MeetingActions.IdKey] = meeting.Id.ToString(CultureInfo.InvariantCulture) };
        return await ActAsync(turn, meeting, new SubmittedAction(MeetingActions.Cancel, payload), ct);
    }

    private static async Task<Reply> CancelAsync(Turn turn, Meeting meeting, CancellationToken ct)
    {
        await CancelMeetingHandler.HandleAsync(turn.Db, turn.Person.Id, new CancelMeeting(meeting.Id), turn.NowUtc, ct);
        // A checklist question about this meeting is dropped with it.
        if (PendingPrompt.TryDeserialize(turn.Person.PendingPromptJson) is { } pending && pending.Payload.GetValueOrDefault(MeetingActions.IdKey) == meeting.Id.ToString(CultureInfo.InvariantCulture))
            turn.Person.PendingPromptJson = null;
        return turn.T(MeetingTexts.Cancelled, MeetingCards.Name(meeting), MeetingCards.When(meeting, turn.Person));
    }

    // ---- the checklist, the brief and the debrief by text ----

    /// <summary>`prep Acme [important]`: the checklist for the next meeting with Acme, or for an ad-hoc one.</summary>
    private async Task<Reply> PrepTextAsync(Turn turn, string rest, CancellationToken ct)
    {
        var (name, important) = MeetingWords.PrepTarget(rest);
        if (name.Length == 0) return turn.T(MeetingTexts.NeedAccount);
        var meeting = await PrepareMeetingHandler.HandleAsync(turn.Db, turn.Person, new PrepareMeeting(name, important, turn.Address.Id), turn.NowUtc, ct);
        return await _checklist.StartAsync(turn, meeting, MeetingPhase.Prep, restart: false, ct);
    }

    /// <summary>`brief Acme` shows the prepared brief; `debrief Acme` starts the debrief of the last meeting held.</summary>
    private async Task<Reply> FindTextAsync(Turn turn, string rest, MeetingPhase phase, CancellationToken ct)
    {
        var name = MeetingWords.Clean(rest);
        if (name.Length == 0) return turn.T(phase == MeetingPhase.Prep ? MeetingTexts.BriefNeedAccount : MeetingTexts.DebriefNeedAccount);
        var (account, meeting) = await FindMeetingForHandler.HandleAsync(turn.Db, turn.Person.Id, new FindMeetingFor(name, phase), turn.NowUtc, ct);
        if (account is null) return turn.T(MeetingTexts.UnknownAccount, name);
        if (meeting is null) return turn.T(phase == MeetingPhase.Prep ? MeetingTexts.NoBrief : MeetingTexts.NoPastMeeting, account.Name);
        return phase == MeetingPhase.Prep
            ? await _checklist.BriefAsync(turn, meeting, ct)
            : await _checklist.StartAsync(turn, meeting, MeetingPhase.Debrief, restart: false, ct);
    }
}
