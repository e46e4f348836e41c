using System.Globalization;
using System.Text.RegularExpressions;
using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Promises.Parsing;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.Promises;

/// <summary>
/// Promise commands and buttons: capture (explicit and free text), list, done, move, cancel, snooze, on track.
/// Every button re-checks that the promise belongs to the person pressing it. Buttons carry the promise's id; what
/// people type and read is their own number for it (`done 3`, #3).
/// </summary>
public sealed partial class PromiseCommands(IEnumerable<ProactiveCalls.IAccountTouchRecorder> touches) : ITurnHandler, IFreeTextHandler
{
    public async Task<IReadOnlyList<Reply>?> TryHandleAsync(Turn turn, CancellationToken ct)
    {
        if (turn.Action is { } action)
            return [await HandleActionAsync(turn, action, ct)];

        var text = turn.Text;
        if (PromiseVerbs.Promise.Matches(text, out var body))
            return [await ExplicitAsync(turn, body, ct)];
        if (PromiseVerbs.List.Is(text))
            return [await ListAsync(turn, ct)];
        if (PromiseVerbs.Done.Matches(text, out var rest))
            return [await ByNumberAsync(turn, PromiseActions.Done, rest, "done", ct)];
        if (PromiseVerbs.Snooze.Matches(text, out rest))
            return [await ByNumberAsync(turn, PromiseActions.Snooze, rest, "snooze", ct)];
        if (PromiseVerbs.OnTrack.Matches(text, out rest))
            return [await ByNumberAsync(turn, PromiseActions.OnTrack, rest, "on track", ct)];
        if (PromiseVerbs.Cancel.Matches(text, out rest))
            return [await CancelTextAsync(turn, rest, ct)];
        if (PromiseVerbs.Move.Matches(text, out rest))
            return [await MoveTextAsync(turn, rest, ct)];

        return await FreeTextAsync(turn, ct);
    }

    /// <summary>The pipeline's one fallback for text no command claimed.</summary>
    public Task<IReadOnlyList<Reply>?> TryCaptureAsync(Turn turn, CancellationToken ct) => FreeTextAsync(turn, ct);

    private async Task<Reply> HandleActionAsync(Turn turn, SubmittedAction action, CancellationToken ct)
    {
        if (action.Id == PromiseActions.Create) return await CreateAsync(turn, action, ct);

        if (!int.TryParse(action.Get(PromiseActions.IdKey), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return turn.T(PromiseTexts.NeedId, action.Id);
        var promise = await FindOwnAsync(turn, id, ct);
        // The id is ours, not the person's: never echo it.
        if (promise is null) return turn.T(PromiseTexts.NotFoundButton);
        return await ActAsync(turn, promise, action, ct);
    }

    private async Task<Reply> ActAsync(Turn turn, Promise promise, SubmittedAction action, CancellationToken ct)
    {
        if (promise.Status != PromiseStatus.Open) return turn.T(PromiseTexts.AlreadyClosed, promise.Number);

        return action.Id switch
        {
            PromiseActions.Done => await DoneAsync(turn, promise, touches, ct),
            PromiseActions.OnTrack => await OnTrackAsync(turn, promise, ct),
            PromiseActions.Snooze => await SnoozeAsync(turn, promise, ct),
            PromiseActions.Move => await MoveAsync(turn, promise, action, requireReason: true, ct),
            PromiseActions.Redate => await MoveAsync(turn, promise, action, requireReason: false, ct),
            PromiseActions.Edit => await EditAsync(turn, promise, action),
            PromiseActions.Cancel => await CancelAsync(turn, promise, action, ct),
            _ => turn.T(PipelineTexts.UnknownAction),
        };
    }

    // ---- capture ----

    private async Task<Reply> ExplicitAsync(Turn turn, string body, CancellationToken ct)
    {
        var colon = body.IndexOf(':');
        if (colon <= 0 || colon == body.Length - 1) return turn.T(PromiseTexts.ExplicitUsage);
        var account = body[..colon].Trim();
        var parse = PromiseParser.ParseExplicit(account, body[(colon + 1)..].Trim(), await ContextAsync(turn, ct));
        if (string.IsNullOrWhiteSpace(parse.Action)) return turn.T(PromiseTexts.ExplicitUsage);

        // The explicit form names the client on purpose: create the account without asking.
        var payload = Payload(account, parse.Action, parse.Due);
        payload[PromiseActions.ConfirmKey] = "yes";
        return await CreateAsync(turn, new SubmittedAction(PromiseActions.Create, payload), ct);
    }

    private async Task<IReadOnlyList<Reply>?> FreeTextAsync(Turn turn, CancellationToken ct)
    {
        var parse = PromiseParser.Parse(turn.Text, await ContextAsync(turn, ct));
        if (!parse.IsPromise || string.IsNullOrWhiteSpace(parse.Action)) return null;
        var payload = Payload(parse.Account, parse.Action, parse.Due);
        if (parse.IsKnownAccount) payload[PromiseActions.ConfirmKey] = "yes";
        return [await CreateAsync(turn, new SubmittedAction(PromiseActions.Create, payload), ct)];
    }

    /// <summary>Saves a promise once it has a client, a deliverable and a date; asks for what is missing.</summary>
    private async Task<Reply> CreateAsync(Turn turn, SubmittedAction action, CancellationToken ct)
    {
        var accountName = action.Get(PromiseActions.AccountKey);
        var what = action.Get(PromiseActions.WhatKey);
        if (what is null) return turn.T(PromiseTexts.ExplicitUsage);
        if (accountName is null)
            return turn.AskFor(action, new CardInput(PromiseActions.AccountKey, InputKind.Text, turn.T(PromiseTexts.AskAccount)), closed: true);

        var context = await ContextAsync(turn, ct);
        var dueText = action.Get(PromiseActions.DueKey);
        DateTime? due = dueText is null ? null : ParseDue(dueText, context);
        if (due is null)
        {
            var input = new CardInput(PromiseActions.DueKey, InputKind.Date, turn.T(dueText is null ? PromiseTexts.AskWhen : PromiseTexts.AskWhenAgain));
            var retry = new SubmittedAction(action.Id, Without(action.Payload, PromiseActions.DueKey));
            return turn.AskFor(retry, input);
        }
        if (due <= turn.NowUtc)
            return turn.AskFor(new SubmittedAction(action.Id, Without(action.Payload, PromiseActions.DueKey)),
                new CardInput(PromiseActions.DueKey, InputKind.Date, turn.T(PromiseTexts.DueInPast)));

        var account = await ClientAccounts.FindAsync(turn.Db, turn.Person.Id, accountName, ct);
        if (account is null)
        {
            var confirm = action.Get(PromiseActions.ConfirmKey);
            if (confirm is null)
            {
                // A company never seen before: ask rather than guess.
                var payload = new Dictionary<string, string>(action.Payload) { [PromiseActions.DueKey] = IsoDue(due.Value) };
                var yes = new Dictionary<string, string>(payload) { [PromiseActions.ConfirmKey] = "yes" };
                var no = new Dictionary<string, string>(payload) { [PromiseActions.ConfirmKey] = "no" };
                var question = turn.T(PromiseTexts.AskNewAccount, accountName);
                turn.AskFor(new SubmittedAction(action.Id, payload), new CardInput(PromiseActions.ConfirmKey, InputKind.Text, question),
                    closed: true, dropped: turn.T(PromiseTexts.LeftUnsaved, accountName));
                return new Reply(question, new Card(question,
                    Actions: [new(PromiseActions.Create, turn.T(PromiseTexts.YesAdd, accountName), yes), new(PromiseActions.Create, turn.T(PromiseTexts.NoThanks), no)]));
            }
            if (!Command.IsYes(confirm)) return turn.T(PromiseTexts.NotSaved);
            (account, _) = await ClientAccounts.FindOrAddAsync(turn.Db, turn.Person.Id, accountName, turn.NowUtc, ct);
        }

        var promise = new Promise
        {
            OwnerId = turn.Person.Id,
            Account = account,
            What = what,
            DueUtc = due.Value,
            TimeZoneId = turn.Person.TimeZoneId,
            AddressId = turn.Address.Id,
            CreatedUtc = turn.NowUtc,
            History = [new PromiseEvent { Kind = PromiseEventKind.Created, AtUtc = turn.NowUtc, NewDueUtc = due }],
        };
        turn.Db.Promises.Add(promise);
        await turn.Db.SaveChangesAsync(ct);
        await PromiseScheduler.PlanAsync(turn.Db, promise, turn.Person, turn.Address, turn.NowUtc, ct);
        return PromiseCards.Saved(promise, turn.Person);
    }

    // ---- listing ----

    private static async Task<Reply> ListAsync(Turn turn, CancellationToken ct)
    {
        var open = await turn.Db.Promises.Include(p => p.Account)
            .Where(p => p.OwnerId == turn.Person.Id && p.Status == PromiseStatus.Open)
            .OrderBy(p => p.DueUtc).Take(30).ToListAsync(ct);
        return PromiseCards.List(open, turn.Person, turn.NowUtc);
    }

    // ---- changes ----

    private static async Task<Reply> DoneAsync(Turn turn, Promise promise, IEnumerable<ProactiveCalls.IAccountTouchRecorder> touches, CancellationToken ct)
    {
        var onTime = turn.NowUtc <= promise.DueUtc;
        promise.Status = PromiseStatus.Done;
        promise.ClosedUtc = turn.NowUtc;
        promise.History.Add(new PromiseEvent { Kind = PromiseEventKind.Done, AtUtc = turn.NowUtc });
        await PromiseScheduler.WithdrawAllAsync(turn.Db, promise, "done", ct);
        // A kept promise is a contact with the client: it moves the account's last-contact date.
        foreach (var touch in touches)
            await touch.RecordAsync(turn.Db, promise.AccountId, ProactiveCalls.TouchKind.PromiseDone, turn.NowUtc, turn.Person.Id, null, $"promise:{promise.Id}", ct);
        await turn.Db.SaveChangesAsync(ct);

        // Recognition right away, in one line: this week's on-time record.
        var weekStartLocal = TimeZones.ToLocal(turn.NowUtc, turn.Person.Zone).Date;
        while (weekStartLocal.DayOfWeek != DayOfWeek.Monday) weekStartLocal = weekStartLocal.AddDays(-1);
        var weekStart = TimeZones.ToUtc(weekStartLocal, turn.Person.Zone);
        var doneThisWeek = await turn.Db.Promises
            .Where(p => p.OwnerId == turn.Person.Id && p.Status == PromiseStatus.Done && p.ClosedUtc >= weekStart)
            .Select(p => new { p.ClosedUtc, p.DueUtc }).ToListAsync(ct);
        var kept = doneThisWeek.Count(p => p.ClosedUtc <= p.DueUtc);
        return turn.T(onTime ? PromiseTexts.DoneOnTime : PromiseTexts.DoneLate, kept, doneThisWeek.Count);
    }

    private static async Task<Reply> OnTrackAsync(Turn turn, Promise promise, CancellationToken ct)
    {
        promise.OnTrack = true;
        promise.History.Add(new PromiseEvent { Kind = PromiseEventKind.OnTrack, AtUtc = turn.NowUtc });
        await PromiseScheduler.WithdrawEarlyAsync(turn.Db, promise, "on track", ct);
        return turn.T(PromiseTexts.OnTrackOk, Formats.When(promise.DueUtc, turn.Person.Zone, turn.Language));
    }

    private static async Task<Reply> SnoozeAsync(Turn turn, Promise promise, CancellationToken ct)
    {
        var until = Scheduling.WorkingTime.NextWorkingMorning(turn.NowUtc, turn.Person.Zone, turn.Person.Hours);
        promise.History.Add(new PromiseEvent { Kind = PromiseEventKind.Snoozed, AtUtc = turn.NowUtc, NewDueUtc = until });
        await PromiseScheduler.SnoozeAsync(turn.Db, promise, turn.Person, turn.Address, until, turn.NowUtc, ct);
        return turn.T(PromiseTexts.Snoozed, Formats.When(until, turn.Person.Zone, turn.Language));
    }

    private async Task<Reply> MoveAsync(Turn turn, Promise promise, SubmittedAction action, bool requireReason, CancellationToken ct)
    {
        var l = turn.Language;
        var dueText = action.Get(PromiseActions.DueKey);
        var context = await ContextAsync(turn, ct);
        DateTime? due = dueText is null ? null : ParseDue(dueText, context);
        if (due is null || due <= turn.NowUtc)
        {
            var prompt = dueText is null ? PromiseTexts.NewDateInput : due is null ? PromiseTexts.AskWhenAgain : PromiseTexts.DueInPast;
            return turn.AskFor(new SubmittedAction(action.Id, Without(action.Payload, PromiseActions.DueKey)),
                new CardInput(PromiseActions.DueKey, InputKind.Date, turn.T(prompt)));
        }
        var reason = action.Get(PromiseActions.ReasonKey);
        if (requireReason && reason is null)
        {
            var payload = new Dictionary<string, string>(action.Payload) { [PromiseActions.DueKey] = IsoDue(due.Value) };
            return turn.AskFor(new SubmittedAction(action.Id, payload), new CardInput(PromiseActions.ReasonKey, InputKind.Text, turn.T(PromiseTexts.ReasonInput)));
        }

        var oldDue = promise.DueUtc;
        await PromiseScheduler.WithdrawAllAsync(turn.Db, promise, "moved", ct);
        promise.DueUtc = due.Value;
        promise.OnTrack = false;
        promise.TimeZoneId = turn.Person.TimeZoneId;
        promise.History.Add(new PromiseEvent
        {
            Kind = requireReason ? PromiseEventKind.Moved : PromiseEventKind.Edited,
            AtUtc = turn.NowUtc, OldDueUtc = oldDue, NewDueUtc = due, Reason = reason,
        });
        await turn.Db.SaveChangesAsync(ct);
        var address = await turn.Db.Addresses.FirstOrDefaultAsync(a => a.Id == promise.AddressId, ct) ?? turn.Address;
        await PromiseScheduler.PlanAsync(turn.Db, promise, turn.Person, address, turn.NowUtc, ct);

        var zone = turn.Person.Zone;
        var newWhen = Formats.Day(due.Value, zone, l);
        if (!requireReason) return turn.T(PromiseTexts.Redated, Formats.When(due.Value, zone, l));

        // Coach: tell the client early and say why; offer the note ready to send.
        var who = promise.Contact ?? promise.Account!.Name;
        var oldWhen = Formats.Day(oldDue, zone, l);
        var coaching = turn.T(PromiseTexts.Moved, newWhen, who, oldWhen);
        var note = turn.T(PromiseTexts.Note, promise.What, oldWhen, newWhen, reason!.TrimEnd('.'));
        var card = new Card(coaching, Lines: [turn.T(PromiseTexts.NoteTitle), note], PrincipleIds: [PromiseActions.KeepYourWord],
            Footnote: $"{turn.T(PromiseTexts.KeepPrinciple)} `{PromiseActions.KeepYourWord}`");
        return new Reply($"{coaching}\n{turn.T(PromiseTexts.NoteTitle)}\n{note}", card);
    }

    private static Task<Reply> EditAsync(Turn turn, Promise promise, SubmittedAction action)
    {
        var what = action.Get(PromiseActions.WhatKey);
        if (what is null)
            return Task.FromResult(turn.AskFor(action, new CardInput(PromiseActions.WhatKey, InputKind.Text, turn.T(PromiseTexts.WhatInput))));
        promise.What = what;
        promise.History.Add(new PromiseEvent { Kind = PromiseEventKind.Edited, AtUtc = turn.NowUtc });
        return Task.FromResult<Reply>(turn.T(PromiseTexts.Edited, what));
    }

    private static async Task<Reply> CancelAsync(Turn turn, Promise promise, SubmittedAction action, CancellationToken ct)
    {
        var reason = action.Get(PromiseActions.ReasonKey);
        if (reason is null)
            return turn.AskFor(action, new CardInput(PromiseActions.ReasonKey, InputKind.Text, turn.T(PromiseTexts.CancelReasonInput)));
        promise.Status = PromiseStatus.Cancelled;
        promise.ClosedUtc = turn.NowUtc;
        promise.History.Add(new PromiseEvent { Kind = PromiseEventKind.Cancelled, AtUtc = turn.NowUtc, Reason = reason });
        await PromiseScheduler.WithdrawAllAsync(turn.Db, promise, "cancelled", ct);
        return turn.T(PromiseTexts.Cancelled, promise.What);
    }

    // ---- helpers ----

    /// <summary>"3", "#3", "№ 3" at the start, in ASCII digits (<c>\d</c> would take any script's digits).</summary>
    private static int? LeadingNumber(string text, out string rest)
    {
        var m = LeadingNumberPattern().Match(text);
        rest = m.Success ? text[(m.Index + m.Length)..].Trim() : text;
        return m.Success ? int.Parse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"^\s*(?:#|№)?\s*([0-9]{1,9})\b")]
    private static partial Regex LeadingNumberPattern();

    private static Task<Promise?> FindOwnAsync(Turn turn, int id, CancellationToken ct) =>
        turn.Db.Promises.Include(p => p.Account).Include(p => p.History)
            .FirstOrDefaultAsync(p => p.Id == id && p.OwnerId == turn.Person.Id, ct);

    private static async Task<ParseContext> ContextAsync(Turn turn, CancellationToken ct)
    {
        var accounts = await turn.Db.Accounts.Where(a => a.OwnerId == turn.Person.Id).Select(a => a.Name).ToListAsync(ct);
        return new ParseContext(turn.LocalNow, turn.Person.Zone, accounts, turn.Person.Hours);
    }

    /// <summary>A due given as an ISO instant (from our own payloads) or as words ("Friday", "15 Dec").</summary>
    private static DateTime? ParseDue(string text, ParseContext context)
    {
        if (DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
            return iso.UtcDateTime;
        return DueParser.Find(text, context)?.Due.UtcDateTime;
    }

    private static string IsoDue(DateTime utc) => new DateTimeOffset(utc, TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Payload(string? account, string? what, DateTimeOffset? due)
    {
        var payload = new Dictionary<string, string>();
        if (account is not null) payload[PromiseActions.AccountKey] = account;
        if (what is not null) payload[PromiseActions.WhatKey] = what;
        if (due is not null) payload[PromiseActions.DueKey] = IsoDue(due.Value.UtcDateTime);
        return payload;
    }

    private static Dictionary<string, string> Without(IReadOnlyDictionary<string, string> payload, string key) =>
        payload.Where(kv => kv.Key != key).ToDictionary();

}
