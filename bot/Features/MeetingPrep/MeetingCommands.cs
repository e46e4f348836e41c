using System.Globalization;
using System.Text.RegularExpressions;
using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Promises;
using AccountCoachBot.Features.Promises.Parsing;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.MeetingPrep;

/// <summary>
/// Meetings: tell the bot about one, list, cancel; the pre-meeting checklist (a form where the channel shows
/// forms, one question at a time elsewhere), the brief, the debrief. Every button re-checks the meeting is the
/// pressing person's own. Buttons carry the meeting's id; what people type and read is their own number for it.
/// </summary>
public sealed partial class MeetingCommands(MeetingChecklists checklists, Destinations destinations, IEnumerable<ProactiveCalls.IAccountTouchRecorder> touches) : ITurnHandler
{

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
            return [await BriefTextAsync(turn, rest, ct)];
        if (MeetingVerbs.Debrief.Matches(text, out rest))
            return [await DebriefTextAsync(turn, rest, ct)];
        return null;
    }

    private async Task<Reply> HandleActionAsync(Turn turn, SubmittedAction action, CancellationToken ct)
    {
        if (action.Id == MeetingActions.Create) return await CreateAsync(turn, action, ct);

        if (!int.TryParse(action.Get(MeetingActions.IdKey), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return turn.T(PipelineTexts.UnknownAction);
        var meeting = await FindOwnAsync(turn, id, ct);
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
            MeetingActions.Start => await StartAsync(turn, meeting, MeetingPhase.Prep, action.Get(MeetingActions.RestartKey) == "yes", ct),
            MeetingActions.Answer => await AnswerAsync(turn, meeting, MeetingPhase.Prep, action, ct),
            MeetingActions.Save => await SaveFormAsync(turn, meeting, MeetingPhase.Prep, action, ct),
            MeetingActions.Brief => await BriefAsync(turn, meeting, ct),
            MeetingActions.Cancel => await CancelAsync(turn, meeting, ct),
            MeetingActions.Debrief => await StartAsync(turn, meeting, MeetingPhase.Debrief, restart: false, ct),
            MeetingActions.DebriefAnswer => await AnswerAsync(turn, meeting, MeetingPhase.Debrief, action, ct),
            MeetingActions.DebriefSave => await SaveFormAsync(turn, meeting, MeetingPhase.Debrief, action, ct),
            _ => turn.T(PipelineTexts.UnknownAction),
        };
    }

    // ---- telling the bot about a meeting ----

    /// <summary>`meeting Acme 2026-03-10 15:00 important for 2h` / `встреча Ромашка завтра в 15:00 важная на 2 часа`.</summary>
    private async Task<Reply> CreateTextAsync(Turn turn, string rest, CancellationToken ct)
    {
        var text = rest;
        var important = ImportantWord().IsMatch(text);
        text = ImportantWord().Replace(text, " ");
        var minutes = (int)MeetingPolicy.DefaultLength.TotalMinutes;
        if (Duration().Match(text) is { Success: true } d)
        {
            minutes = DurationMinutes(d);
            text = text.Remove(d.Index, d.Length);
        }

        var due = DueParser.Find(text, await ContextAsync(turn, ct));
        string? when = null;
        if (due is not null)
        {
            when = text.Substring(due.Start, due.Length);
            text = text.Remove(due.Start, due.Length);
        }
        var account = Clean(text);
        if (account.Length == 0 || account.Length > 100) return turn.T(MeetingTexts.Usage);
        // Without a date, only a client already known makes this a meeting to ask the time of ("meeting went well" is not).
        if (when is null && await FindAccountAsync(turn, account, ct) is null) return turn.T(MeetingTexts.Usage);

        var payload = new Dictionary<string, string>
        {
            [MeetingActions.AccountKey] = account,
            [MeetingActions.ImportantKey] = important ? "yes" : "no",
            [MeetingActions.MinutesKey] = minutes.ToString(CultureInfo.InvariantCulture),
        };
        if (when is not null) payload[MeetingActions.WhenKey] = when;
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
        var start = ParseStart(whenText, await ContextAsync(turn, ct));
        if (start is null)
            return turn.AskFor(retry, new CardInput(MeetingActions.WhenKey, InputKind.Text, turn.T(MeetingTexts.AskWhenAgain)));
        if (start <= turn.NowUtc)
            return turn.AskFor(retry, new CardInput(MeetingActions.WhenKey, InputKind.Text, turn.T(MeetingTexts.WhenInPast)));

        var minutes = int.TryParse(action.Get(MeetingActions.MinutesKey), NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is > 0 and <= 24 * 60
            ? m : (int)MeetingPolicy.DefaultLength.TotalMinutes;
        var account = await FindOrCreateAccountAsync(turn, accountName, ct);
        var meeting = new Meeting
        {
            OwnerId = turn.Person.Id,
            Account = account,
            StartUtc = start,
            EndUtc = start.Value.AddMinutes(minutes),
            TimeZoneId = turn.Person.TimeZoneId,
            Important = action.Get(MeetingActions.ImportantKey) == "yes",
            AddressId = turn.Address.Id,
            CreatedUtc = turn.NowUtc,
        };
        turn.Db.Set<Meeting>().Add(meeting);
        await turn.Db.SaveChangesAsync(ct);
        var plan = await MeetingScheduler.PlanAsync(turn.Db, meeting, turn.Person, turn.Address, turn.NowUtc, ct);
        return MeetingCards.Saved(meeting, turn.Person, plan);
    }

    /// <summary>A start given as an ISO instant (our own payloads) or in words; a day without a time is not enough.</summary>
    private static DateTime? ParseStart(string text, ParseContext context)
    {
        if (DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso)) return iso.UtcDateTime;
        var due = DueParser.Find(text, context);
        return due is { HasTime: true } ? due.Due.UtcDateTime : null;
    }

    // ---- listing and cancelling ----

    private static async Task<Reply> ListAsync(Turn turn, CancellationToken ct)
    {
        var meetings = await turn.Db.Set<Meeting>().Include(m => m.Account)
            .Where(m => m.OwnerId == turn.Person.Id && m.Status == MeetingStatus.Scheduled && m.EndUtc != null && m.EndUtc > turn.NowUtc)
            .OrderBy(m => m.StartUtc).Take(20).ToListAsync(ct);
        return MeetingCards.List(meetings, turn.Person);
    }

    private async Task<Reply> CancelTextAsync(Turn turn, string rest, CancellationToken ct)
    {
        var m = LeadingNumber().Match(rest);
        if (!m.Success) return turn.T(MeetingTexts.NeedId);
        var number = int.Parse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        var meeting = await turn.Db.Set<Meeting>().Include(x => x.Account).Include(x => x.Answers)
            .FirstOrDefaultAsync(x => x.OwnerId == turn.Person.Id && x.Number == number, ct);
        if (meeting is null) return turn.T(MeetingTexts.NotFound, number);
        var payload = new Dictionary<string, string> { [MeetingActions.IdKey] = meeting.Id.ToString(CultureInfo.InvariantCulture) };
        return await ActAsync(turn, meeting, new SubmittedAction(MeetingActions.Cancel, payload), ct);
    }

    private static async Task<Reply> CancelAsync(Turn turn, Meeting meeting, CancellationToken ct)
    {
        meeting.Status = MeetingStatus.Cancelled;
        meeting.CancelledUtc = turn.NowUtc;
        await MeetingScheduler.WithdrawAllAsync(turn.Db, meeting, "meeting cancelled", ct);
        if (PendingPrompt.TryDeserialize(turn.Person.PendingPromptJson) is { } pending && pending.Payload.GetValueOrDefault(MeetingActions.IdKey) == meeting.Id.ToString(CultureInfo.InvariantCulture))
            turn.Person.PendingPromptJson = null;
        return turn.T(MeetingTexts.Cancelled, MeetingCards.Name(meeting), MeetingCards.When(meeting, turn.Person));
    }

    // ---- the checklist and the debrief ----

    /// <summary>`prep Acme [important]`: the checklist for the next meeting with Acme, or for an ad-hoc one.</summary>
    private async Task<Reply> PrepTextAsync(Turn turn, string rest, CancellationToken ct)
    {
        var important = ImportantWord().IsMatch(rest);
        var name = Clean(ForWord().Replace(ImportantWord().Replace(rest, " "), ""));
        if (name.Length == 0) return turn.T(MeetingTexts.NeedAccount);
        var account = await FindOrCreateAccountAsync(turn, name, ct);

        var meeting = await turn.Db.Set<Meeting>().Include(m => m.Account).Include(m => m.Answers)
            .Where(m => m.OwnerId == turn.Person.Id && m.AccountId == account.Id && m.Status == MeetingStatus.Scheduled && m.EndUtc != null && m.EndUtc > turn.NowUtc)
            .OrderBy(m => m.StartUtc).FirstOrDefaultAsync(ct)
            // An ad-hoc checklist started earlier and not finished yet.
            ?? await turn.Db.Set<Meeting>().Include(m => m.Account).Include(m => m.Answers)
                .Where(m => m.OwnerId == turn.Person.Id && m.AccountId == account.Id && m.Status == MeetingStatus.Scheduled && m.StartUtc == null && m.PreparedUtc == null)
                .OrderByDescending(m => m.Id).FirstOrDefaultAsync(ct);
        if (meeting is null)
        {
            meeting = new Meeting
            {
                OwnerId = turn.Person.Id, Account = account, TimeZoneId = turn.Person.TimeZoneId, Important = important,
                AddressId = turn.Address.Id, CreatedUtc = turn.NowUtc,
            };
            turn.Db.Set<Meeting>().Add(meeting);
            await turn.Db.SaveChangesAsync(ct);
        }
        else if (important && !meeting.Important)
        {
            meeting.Important = true;
        }
        return await StartAsync(turn, meeting, MeetingPhase.Prep, restart: false, ct);
    }

    private async Task<Reply> StartAsync(Turn turn, Meeting meeting, MeetingPhase phase, bool restart, CancellationToken ct)
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

    private async Task<Reply> AnswerAsync(Turn turn, Meeting meeting, MeetingPhase phase, SubmittedAction action, CancellationToken ct)
    {
        if (phase == MeetingPhase.Debrief && meeting.DebriefedUtc is not null) return turn.T(MeetingTexts.AlreadyDebriefed);
        var item = checklists.For(phase).Find(action.Get(MeetingActions.ItemKey));
        if (item is null) return turn.T(MeetingTexts.ChecklistGone);
        var text = action.Get(MeetingActions.AnswerKey) ?? "";
        if (BriefRules.IsSkip(text)) text = "";

        var outcome = await RecordAsync(turn, meeting, phase, item, text, ct);
        await turn.Db.SaveChangesAsync(ct);
        return await NextStepAsync(turn, meeting, phase, outcome, starting: false, ct);
    }

    /// <summary>A form (Teams): every applicable item at once, then the brief or the debrief summary.</summary>
    private async Task<Reply> SaveFormAsync(Turn turn, Meeting meeting, MeetingPhase phase, SubmittedAction action, CancellationToken ct)
    {
        if (phase == MeetingPhase.Debrief && meeting.DebriefedUtc is not null) return turn.T(MeetingTexts.AlreadyDebriefed);
        var (items, _) = await ApplicableAsync(turn, meeting, phase, ct);
        var outcome = new List<string>();
        foreach (var item in items)
            outcome.AddRange(await RecordAsync(turn, meeting, phase, item, action.Get(item.Id) ?? "", ct));
        await turn.Db.SaveChangesAsync(ct);
        return await CompleteAsync(turn, meeting, phase, outcome, ct);
    }

    /// <summary>Stores one answer and does what it means: contacts from the attendees, promises and people from the debrief.</summary>
    private async Task<IReadOnlyList<string>> RecordAsync(Turn turn, Meeting meeting, MeetingPhase phase, ChecklistItem item, string text, CancellationToken ct)
    {
        text = text.Trim();
        if (text.Length > 4000) text = text[..4000];
        var existing = meeting.Answers.FirstOrDefault(a => a.Phase == phase && a.ItemId == item.Id);
        if (existing is null)
            meeting.Answers.Add(new MeetingAnswer { Phase = phase, ItemId = item.Id, Text = text, AnsweredUtc = turn.NowUtc });
        else
        {
            existing.Text = text;
            existing.AnsweredUtc = turn.NowUtc;
        }

        if (phase == MeetingPhase.Prep && item.Id == ChecklistItemIds.ClientAttendees)
        {
            await ContactNotes.RememberAsync(turn.Db, meeting, ContactNotes.Parse(text, allowBareNames: true), turn.NowUtc, ct);
            return [];
        }
        if (phase == MeetingPhase.Debrief && item.Id == ChecklistItemIds.TheirPeople)
        {
            var people = await ContactNotes.RememberAsync(turn.Db, meeting, ContactNotes.Parse(text, allowBareNames: false), turn.NowUtc, ct);
            return MeetingCards.Outcome(meeting, [], [], people, turn.Person, turn.NowUtc);
        }
        if (phase == MeetingPhase.Debrief && item.Id == ChecklistItemIds.Promised && existing is null)
        {
            var lines = DebriefPromises.Parse(text, await ContextAsync(turn, ct));
            var (created, undated) = await DebriefPromises.CreateAsync(turn.Db, meeting, turn.Person, turn.Address, lines, turn.NowUtc, ct);
            return MeetingCards.Outcome(meeting, created, undated, [], turn.Person, turn.NowUtc);
        }
        return [];
    }

    private async Task<Reply> CompleteAsync(Turn turn, Meeting meeting, MeetingPhase phase, IReadOnlyList<string> outcome, CancellationToken ct)
    {
        if (phase == MeetingPhase.Prep)
        {
            meeting.PreparedUtc = turn.NowUtc;
            await turn.Db.SaveChangesAsync(ct);
            var brief = await BriefAsync(turn, meeting, ct);
            var saved = turn.T(MeetingTexts.BriefSaved, MeetingCards.Name(meeting));
            return brief with { Text = $"{brief.Text}\n{saved}" };
        }

        meeting.DebriefedUtc = turn.NowUtc;
        // A meeting held is a contact: the account's call cadence starts again from its end.
        if (!meeting.IsAdHoc)
            foreach (var touch in touches)
                await touch.RecordAsync(turn.Db, meeting.AccountId, ProactiveCalls.TouchKind.Meeting, meeting.EndUtc ?? turn.NowUtc,
                    turn.Person.Id, null, $"meeting:{meeting.Id}", ct);
        await turn.Db.SaveChangesAsync(ct);
        var promiseIds = turn.Db.Set<MeetingPromise>().Where(l => l.MeetingId == meeting.Id).Select(l => l.PromiseId);
        var tracked = await turn.Db.Promises.Where(p => promiseIds.Contains(p.Id)).OrderBy(p => p.DueUtc).ToListAsync(ct);
        // The promises are listed from the link table; of this turn's outcome keep what isn't one of them.
        var trackedLines = tracked.Select(p => MeetingCards.PromiseLine(p, turn.Person, turn.NowUtc)).Append(turn.T(MeetingTexts.Tracked)).ToHashSet();
        return MeetingCards.DebriefSaved(meeting, tracked, outcome.Where(o => !trackedLines.Contains(o)).ToList(), turn.Person, turn.NowUtc);
    }

    // ---- the brief ----

    private async Task<Reply> BriefTextAsync(Turn turn, string rest, CancellationToken ct)
    {
        var name = Clean(rest);
        if (name.Length == 0) return turn.T(MeetingTexts.BriefNeedAccount);
        var account = await FindAccountAsync(turn, name, ct);
        if (account is null) return turn.T(MeetingTexts.UnknownAccount, name);

        var prepared = turn.Db.Set<Meeting>().Include(m => m.Account).Include(m => m.Answers)
            .Where(m => m.OwnerId == turn.Person.Id && m.AccountId == account.Id && m.Status == MeetingStatus.Scheduled && m.PreparedUtc != null);
        var meeting = await prepared.Where(m => m.EndUtc != null && m.EndUtc > turn.NowUtc).OrderBy(m => m.StartUtc).FirstOrDefaultAsync(ct)
            ?? await prepared.OrderByDescending(m => m.PreparedUtc).FirstOrDefaultAsync(ct);
        return meeting is null ? turn.T(MeetingTexts.NoBrief, account.Name) : await BriefAsync(turn, meeting, ct);
    }

    private async Task<Reply> BriefAsync(Turn turn, Meeting meeting, CancellationToken ct)
    {
        var (items, facts) = await ApplicableAsync(turn, meeting, MeetingPhase.Prep, ct);
        var answers = meeting.Answers.Where(a => a.Phase == MeetingPhase.Prep).ToDictionary(a => a.ItemId, a => a.Text, StringComparer.Ordinal);
        var flags = BriefRules.Flags(meeting, answers, facts);
        return MeetingCards.Brief(meeting, items, answers, facts, flags, turn.Person, turn.NowUtc);
    }

    // ---- the debrief by text ----

    private async Task<Reply> DebriefTextAsync(Turn turn, string rest, CancellationToken ct)
    {
        var name = Clean(rest);
        if (name.Length == 0) return turn.T(MeetingTexts.DebriefNeedAccount);
        var account = await FindAccountAsync(turn, name, ct);
        if (account is null) return turn.T(MeetingTexts.UnknownAccount, name);
        var meeting = await turn.Db.Set<Meeting>().Include(m => m.Account).Include(m => m.Answers)
            .Where(m => m.OwnerId == turn.Person.Id && m.AccountId == account.Id && m.Status == MeetingStatus.Scheduled
                && m.DebriefedUtc == null && (m.StartUtc == null ? m.PreparedUtc != null : m.StartUtc <= turn.NowUtc))
            .OrderByDescending(m => m.StartUtc ?? m.PreparedUtc).FirstOrDefaultAsync(ct);
        return meeting is null ? turn.T(MeetingTexts.NoPastMeeting, account.Name) : await StartAsync(turn, meeting, MeetingPhase.Debrief, restart: false, ct);
    }

    // ---- helpers ----

    /// <summary>The items that apply to this meeting now, and what the bot knows about the client.</summary>
    private async Task<(IReadOnlyList<ChecklistItem> Items, AccountFacts Facts)> ApplicableAsync(Turn turn, Meeting meeting, MeetingPhase phase, CancellationToken ct)
    {
        var facts = await AccountFacts.LoadAsync(turn.Db, turn.Person.Id, meeting.AccountId, turn.NowUtc, meeting.Id, ct);
        var situation = new ChecklistSituation(meeting.Important, facts.HasExecutive, facts.OpenPromises.Count > 0);
        return (checklists.For(phase).ItemsFor(situation), facts);
    }

    private static Task<Meeting?> FindOwnAsync(Turn turn, int id, CancellationToken ct) =>
        turn.Db.Set<Meeting>().Include(m => m.Account).Include(m => m.Answers)
            .FirstOrDefaultAsync(m => m.Id == id && m.OwnerId == turn.Person.Id, ct);

    private static Task<Account?> FindAccountAsync(Turn turn, string name, CancellationToken ct) =>
        ClientAccounts.FindAsync(turn.Db, turn.Person.Id, name, ct);

    /// <summary>The owner's account of that name; named on purpose in a command, so an unknown one is created (as `promise X:` does).</summary>
    private static async Task<Account> FindOrCreateAccountAsync(Turn turn, string name, CancellationToken ct)
    {
        var (account, created) = await ClientAccounts.FindOrAddAsync(turn.Db, turn.Person.Id, name, turn.NowUtc, ct);
        if (created) await turn.Db.SaveChangesAsync(ct);
        return account;
    }

    private static async Task<ParseContext> ContextAsync(Turn turn, CancellationToken ct)
    {
        var accounts = await turn.Db.Accounts.Where(a => a.OwnerId == turn.Person.Id).Select(a => a.Name).ToListAsync(ct);
        return new ParseContext(turn.LocalNow, turn.Person.Zone, accounts, turn.Person.Hours);
    }

    /// <summary>The client's name as left after the date and flags are cut: no "with"/«с», no stray punctuation.</summary>
    private static string Clean(string text)
    {
        var s = Spaces().Replace(text, " ").Trim(' ', ',', '.', ':', ';', '-', '—', '`', '"', '«', '»');
        s = WithWord().Replace(s, "").Trim(' ', ',', '.', ':', ';', '-', '—');
        return s;
    }

    private static int DurationMinutes(Match d)
    {
        if (d.Groups["half"].Success) return 30;
        var n = double.Parse(d.Groups["n"].Value.Replace(',', '.'), CultureInfo.InvariantCulture);
        var unit = d.Groups["unit"].Value.ToLowerInvariant();
        var minutes = unit.StartsWith('m') || unit.StartsWith("мин", StringComparison.Ordinal) ? n : n * 60;
        return (int)Math.Clamp(Math.Round(minutes), 5, 24 * 60);
    }

    [GeneratedRegex(@"(?<![\p{L}])(important|важная|важное|важно|важной)(?![\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex ImportantWord();

    [GeneratedRegex(@"(?<![\p{L}])(?:(?:for|на)\s+(?<n>[0-9]+(?:[.,][0-9]+)?)\s*(?<unit>h|hr|hrs|hour|hours|m|min|mins|minutes|ч|час|часа|часов|мин|минут|минуты)(?![\p{L}])|(?<half>for half an hour|на полчаса))", RegexOptions.IgnoreCase)]
    private static partial Regex Duration();

    [GeneratedRegex(@"^(?:with|at|с|со|у)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex WithWord();

    [GeneratedRegex(@"^(?:for|to|к|для)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ForWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>"2", "#2", "№ 2": the person's own meeting number, in ASCII digits (<c>\d</c> would take any script's digits).</summary>
    [GeneratedRegex(@"^\s*(?:#|№)?\s*([0-9]{1,9})\b")]
    private static partial Regex LeadingNumber();
}
