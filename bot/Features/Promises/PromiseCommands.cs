using System.Globalization;
using System.Text.RegularExpressions;
using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Promises.Parsing;
using AccountCoachBot.Features.Undo;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.Promises;

/// <summary>
/// The chat's way into promises: words or a button → a typed command for one of the use cases (their own files) →
/// the reply. Asking for what is missing (a date, a reason, a yes) happens here; the use cases re-check that the
/// promise belongs to the person acting. Buttons carry the promise's id; people type and read their own number (#3).
/// </summary>
public sealed partial class PromiseCommands(
    CapturePromiseHandler capture, MarkPromiseDoneHandler done, MovePromiseHandler move, CancelPromiseHandler cancel,
    SnoozePromiseHandler snooze, MarkPromiseOnTrackHandler onTrack, EditPromiseHandler edit, ListOpenPromisesHandler list) : ITurnHandler, IFreeTextHandler
{
    public async Task<IReadOnlyList<Reply>?> TryHandleAsync(Turn turn, CancellationToken ct)
    {
        if (turn.Action is { } action)
            return [await HandleActionAsync(turn, action, ct)];

        var text = turn.Text;
        if (PromiseVerbs.Promise.Matches(text, out var body))
            return [await ExplicitAsync(turn, body, ct)];
        if (PromiseVerbs.List.Is(text))
            return [PromiseCards.List(await list.HandleAsync(Actor(turn), new ListOpenPromises(), ct), turn.Person, turn.NowUtc)];
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

        // A verb's word that starts something else ("done with Acme by Friday…"): the pipeline tries the free-text reader.
        return null;
    }

    /// <summary>The pipeline's one fallback for text no command claimed.</summary>
    public Task<IReadOnlyList<Reply>?> TryCaptureAsync(Turn turn, CancellationToken ct) => FreeTextAsync(turn, ct);

    private static PromiseActor Actor(Turn turn) => new(turn.Person, turn.Address, turn.NowUtc);

    private async Task<Reply> HandleActionAsync(Turn turn, SubmittedAction action, CancellationToken ct)
    {
        if (action.Id == PromiseActions.Create) return await CreateAsync(turn, action, ct);

        if (!int.TryParse(action.Get(PromiseActions.IdKey), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return turn.T(PromiseTexts.NeedId, action.Id);
        var promise = await Actor(turn).OwnAsync(turn.Db, id, ct);
        // The id is ours, not the person's: never echo it.
        if (promise is null) return turn.T(PromiseTexts.NotFoundButton);
        return await ActAsync(turn, promise, action, ct);
    }

    private async Task<Reply> ActAsync(Turn turn, Promise promise, SubmittedAction action, CancellationToken ct)
    {
        if (promise.Status != PromiseStatus.Open) return turn.T(PromiseTexts.AlreadyClosed, promise.Number);
        var actor = Actor(turn);

        switch (action.Id)
        {
            case PromiseActions.Done:
                var kept = await done.HandleAsync(actor, new MarkPromiseDone(promise.Id), ct);
                return Refused(turn, kept.Change)
                    ?? WithUndo(turn, turn.T(kept.OnTime ? PromiseTexts.DoneOnTime : PromiseTexts.DoneLate, kept.KeptThisWeek, kept.DoneThisWeek), kept.Change.Undo);
            case PromiseActions.OnTrack:
                return Refused(turn, await onTrack.HandleAsync(actor, new MarkPromiseOnTrack(promise.Id), ct))
                    ?? turn.T(PromiseTexts.OnTrackOk, Formats.When(promise.DueUtc, turn.Person.Zone, turn.Language));
            case PromiseActions.Snooze:
                var snoozed = await snooze.HandleAsync(actor, new SnoozePromise(promise.Id), ct);
                return Refused(turn, snoozed.Change) ?? turn.T(PromiseTexts.Snoozed, Formats.When(snoozed.UntilUtc, turn.Person.Zone, turn.Language));
            case PromiseActions.Move:
                return await MoveAsync(turn, promise, action, requireReason: true, ct);
            case PromiseActions.Redate:
                return await MoveAsync(turn, promise, action, requireReason: false, ct);
            case PromiseActions.Edit:
                if (action.Get(PromiseActions.WhatKey) is not { } what)
                    return turn.AskFor(action, new CardInput(PromiseActions.WhatKey, InputKind.Text, turn.T(PromiseTexts.WhatInput)));
                return Refused(turn, await edit.HandleAsync(actor, new EditPromise(promise.Id, what), ct)) ?? turn.T(PromiseTexts.Edited, what);
            case PromiseActions.Cancel:
                if (action.Get(PromiseActions.ReasonKey) is not { } reason)
                    return turn.AskFor(action, new CardInput(PromiseActions.ReasonKey, InputKind.Text, turn.T(PromiseTexts.CancelReasonInput)));
                var cancelled = await cancel.HandleAsync(actor, new CancelPromise(promise.Id, reason), ct);
                return Refused(turn, cancelled) ?? Notes.NoteCards.Cancelled(turn.Person, promise, reason, turn.NowUtc,
                    cancelled.Undo is null ? null : UndoCommands.Button(cancelled.Undo, turn.Language));
            default:
                return turn.T(PipelineTexts.UnknownAction);
        }
    }

    /// <summary>What a use case that changed nothing says; null when it did change.</summary>
    private static Reply? Refused(Turn turn, PromiseChangeResult result) => result.Status switch
    {
        PromiseChangeStatus.Changed => null,
        PromiseChangeStatus.Closed => new Reply(turn.T(PromiseTexts.AlreadyClosed, result.Promise!.Number)),
        PromiseChangeStatus.DueInPast => new Reply(turn.T(PromiseTexts.DueInPast)),
        _ => new Reply(turn.T(PromiseTexts.NotFoundButton)),
    };

    /// <summary>A confirmation with the button that takes the change back.</summary>
    private static Reply WithUndo(Turn turn, string text, UndoEntry? undo) =>
        undo is null ? new Reply(text) : new Reply(text, new Card(text, Actions: [UndoCommands.Button(undo, turn.Language)]));

    // ---- capture ----

    private async Task<Reply> ExplicitAsync(Turn turn, string body, CancellationToken ct)
    {
        var line = PromiseReading.Explicit(body, await ContextAsync(turn, ct));
        if (!line.IsPromise || line.TypedAccount is not { } account) return turn.T(PromiseTexts.ExplicitUsage);

        // The explicit form names the client on purpose: create the account without asking.
        var payload = Payload(account, line.Parse.Action!, line.Parse.Due);
        payload[PromiseActions.ConfirmKey] = "yes";
        return await CreateAsync(turn, new SubmittedAction(PromiseActions.Create, payload), ct);
    }

    private async Task<IReadOnlyList<Reply>?> FreeTextAsync(Turn turn, CancellationToken ct)
    {
        var parse = PromiseReading.Read(turn.Text, await ContextAsync(turn, ct)).Parse;
        if (!parse.IsPromise) return null;
        var payload = Payload(parse.Account, parse.Action, parse.Due);
        if (parse.Contact is not null) payload[PromiseActions.ContactKey] = parse.Contact;
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

        var dueText = action.Get(PromiseActions.DueKey);
        DateTime? due = dueText is null ? null : ParseDue(dueText, await ContextAsync(turn, ct));
        if (due is null)
        {
            var input = new CardInput(PromiseActions.DueKey, InputKind.Date, turn.T(dueText is null ? PromiseTexts.AskWhen : PromiseTexts.AskWhenAgain));
            return turn.AskFor(new SubmittedAction(action.Id, Without(action.Payload, PromiseActions.DueKey)), input);
        }

        var confirm = action.Get(PromiseActions.ConfirmKey);
        // "Add «Ромашка»?" answered with the name as it should be: that name, added.
        if (NewAccountAnswer.TypedName(confirm) is { } typedName) (accountName, confirm) = (typedName, "yes");
        var result = await capture.HandleAsync(Actor(turn), new CapturePromise(accountName, what, due.Value, AddAccount: Command.IsYes(confirm), Contact: action.Get(PromiseActions.ContactKey)), ct);
        switch (result.Status)
        {
            case CaptureStatus.Saved:
                return PromiseCards.Saved(result.Promise!, turn.Person);
            case CaptureStatus.DueInPast:
                return turn.AskFor(new SubmittedAction(action.Id, Without(action.Payload, PromiseActions.DueKey)),
                    new CardInput(PromiseActions.DueKey, InputKind.Date, turn.T(PromiseTexts.DueInPast)));
        }
        if (confirm is not null) return turn.T(PromiseTexts.NotSaved);

        // A company never seen before: ask rather than guess.
        var payload = new Dictionary<string, string>(action.Payload) { [PromiseActions.DueKey] = IsoDue(due.Value) };
        var yes = new Dictionary<string, string>(payload) { [PromiseActions.ConfirmKey] = "yes" };
        var no = new Dictionary<string, string>(payload) { [PromiseActions.ConfirmKey] = "no" };
        var names = NewAccountAnswer.Proposals(accountName);
        if (names.Count > 1) return AskNominative(turn, action, payload, names, no);
        var question = turn.T(PromiseTexts.AskNewAccount, accountName);
        turn.AskFor(new SubmittedAction(action.Id, payload), new CardInput(PromiseActions.ConfirmKey, InputKind.Text, question),
            closed: true, dropped: turn.T(PromiseTexts.LeftUnsaved, accountName));
        return new Reply(question, new Card(question,
            Actions: [new(PromiseActions.Create, turn.T(PromiseTexts.YesAdd, accountName), yes), new(PromiseActions.Create, turn.T(PromiseTexts.NoThanks), no)]));
    }

    // A new Russian name typed in an oblique case («обещал Ромашке»): propose the nominative, offer the other
    // readings and the name as typed as buttons, and take a typed answer as the exact name.
    private static Reply AskNominative(Turn turn, SubmittedAction action, Dictionary<string, string> payload, IReadOnlyList<string> names, Dictionary<string, string> no)
    {
        var proposed = new Dictionary<string, string>(payload) { [PromiseActions.AccountKey] = names[0] };
        var question = turn.T(PromiseTexts.AskNewAccountNamed, names[0]);
        turn.AskFor(new SubmittedAction(action.Id, proposed), new CardInput(PromiseActions.ConfirmKey, InputKind.Text, question),
            closed: true, dropped: turn.T(PromiseTexts.LeftUnsaved, names[0]));
        var buttons = names.Select(n => new CardAction(PromiseActions.Create, turn.T(PromiseTexts.AddNamed, n),
                new Dictionary<string, string>(payload) { [PromiseActions.AccountKey] = n, [PromiseActions.ConfirmKey] = "yes" }))
            .Append(new CardAction(PromiseActions.Create, turn.T(PromiseTexts.NoThanks), no)).ToList();
        return new Reply(question, new Card(question, Actions: buttons));
    }

    // ---- move ----

    private async Task<Reply> MoveAsync(Turn turn, Promise promise, SubmittedAction action, bool requireReason, CancellationToken ct)
    {
        var dueText = action.Get(PromiseActions.DueKey);
        DateTime? due = dueText is null ? null : ParseDue(dueText, await ContextAsync(turn, ct));
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

        var result = await move.HandleAsync(Actor(turn), new MovePromise(promise.Id, due.Value, reason, requireReason), ct);
        if (Refused(turn, result.Change) is { } refused) return refused;
        var (l, zone) = (turn.Language, turn.Person.Zone);
        if (!requireReason) return WithUndo(turn, turn.T(PromiseTexts.Redated, Formats.When(due.Value, zone, l)), result.Change.Undo);

        // Coach: tell the client early and say why; offer the note ready to send.
        return Notes.NoteCards.Moved(turn.Person, promise, result.OldDueUtc, due.Value, reason, turn.NowUtc);
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
