using System.Globalization;
using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>
/// The chat side of calls: words or a button → one of the use cases beside this file → a reply. Every button
/// re-checks that the account belongs to the person pressing it: in a channel, anyone can see a nudge, only its
/// owner can act on it.
/// </summary>
public sealed class CallCommands(Destinations destinations, AccountNames names, IEnumerable<IAccountPhrase> phrases, IEnumerable<IAccountDetails> details) : ITurnHandler
{
    public async Task<IReadOnlyList<Reply>?> TryHandleAsync(Turn turn, CancellationToken ct)
    {
        if (turn.Action is { } action)
            return [await HandleActionAsync(turn, action, ct)];

        var text = turn.Text;
        if (CallVerbs.AddAccount.Matches(text, out var rest))
            return [await AddAsync(turn, rest, ct)];
        if (CallVerbs.Accounts.Is(text))
            return [await ListAsync(turn, ct)];
        if (CallVerbs.Account.Matches(text, out rest) && rest.Length > 0)
            return [await AccountStatusCommands.TryAccountPhraseAsync(turn, rest, ct) ?? await names.TryAccountPhraseAsync(turn, rest, ct)
                    ?? await OtherPhraseAsync(turn, rest, ct) ?? await AccountSettingAsync(turn, rest, ct) ?? turn.T(CallTexts.AccountUsage)];
        if (CallVerbs.Called.Matches(text, out rest) && await CalledTextAsync(turn, rest, ct) is { } called)
            return [called];
        if (CallVerbs.DueCalls.Is(text))
            return [CallReplies.Due(turn, await DueCallsHandler.HandleAsync(turn.Db, turn.Person, turn.NowUtc, ct))];
        if (CallVerbs.Vacation.Matches(text, out rest))
            return [await VacationAsync(turn, rest, ct)];
        if (CallVerbs.Mute.Is(text) || CallVerbs.Unmute.Is(text))
        {
            var mute = CallVerbs.Mute.Is(text);
            await MuteCallsHandler.HandleAsync(turn.Db, turn.Person.Id, new MuteCalls(mute), ct);
            return [turn.T(mute ? CallTexts.Muted : CallTexts.Unmuted)];
        }
        return null;
    }

    // ---- accounts ----

    private static async Task<Reply> AddAsync(Turn turn, string rest, CancellationToken ct)
    {
        var m = CallWords.AddPattern().Match(rest.Trim());
        var name = m.Success ? m.Groups["name"].Value.Trim(' ', ':', '"', '«', '»') : "";
        if (name.Length == 0) return turn.T(CallTexts.AddUsage);
        var days = CallWords.DaysOf(m.Groups["days"]);
        if (!SetCadenceHandler.IsValidDays(days)) return turn.T(CallTexts.DaysInvalid);
        var set = await AddAccountHandler.HandleAsync(turn.Db, turn.Person, new AddAccount(name, CallWords.TierOf(m.Groups["tier"]), days), turn.NowUtc, ct);
        var reply = CallReplies.CadenceSet(turn, set!);
        return ClientAccounts.NamedFromCase(set!.Account, set.Created, name)
            ? reply with { Text = $"{reply.Text}\n{turn.T(AccountNameTexts.AddedFromCase, set.Account.Name)}" }
            : reply;
    }

    /// <summary>`account Acme channel #C0123`, `account Acme key every 10 days`; anything else is not ours.</summary>
    private async Task<Reply?> AccountSettingAsync(Turn turn, string rest, CancellationToken ct)
    {
        var channel = CallWords.ChannelPattern().Match(rest.Trim());
        if (channel.Success)
        {
            var (account, candidates) = await CallStore.FindAccountAsync(turn.Db, turn.Person.Id, channel.Groups["name"].Value, ct);
            if (account is null) return CallReplies.Unknown(turn, channel.Groups["name"].Value, candidates);
            return await SetChannelAsync(turn, account, channel.Groups["channel"].Value, ct);
        }

        // The name is the longest leading part that is one of the person's accounts.
        var words = rest.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var take = words.Length - 1; take >= 1; take--)
        {
            var settings = CallWords.SettingsPattern().Match(string.Join(' ', words[take..]));
            if (!settings.Success || (!settings.Groups["tier"].Success && !settings.Groups["days"].Success)) continue;
            var account = await ClientAccounts.FindAsync(turn.Db, turn.Person.Id, string.Join(' ', words[..take]), ct);
            if (account is null) continue;
            var days = CallWords.DaysOf(settings.Groups["days"]);
            if (!SetCadenceHandler.IsValidDays(days)) return turn.T(CallTexts.DaysInvalid);
            var set = await SetCadenceHandler.HandleAsync(turn.Db, turn.Person, new SetCadence(account.Id, CallWords.TierOf(settings.Groups["tier"]), days), turn.NowUtc, ct);
            return CallReplies.CadenceSet(turn, set!);
        }
        return null;
    }

    private async Task<Reply> SetChannelAsync(Turn turn, Account account, string value, CancellationToken ct)
    {
        var command = Command.Is(value, "off", "none", "dm", "me", "выкл", "нет", "лично") ? new SetAccountChannel(account.Id, Off: true)
            : Command.Is(value, "here", "this", "сюда", "здесь") ? new SetAccountChannel(account.Id, HereAddressId: turn.Address.Id)
            : new SetAccountChannel(account.Id, Place: value);
        var set = await new SetAccountChannelHandler(destinations).HandleAsync(turn.Db, turn.Person, account, command, turn.NowUtc, ct);
        return set.Outcome switch
        {
            AccountChannelOutcome.Off => turn.T(CallTexts.ChannelOff, account.Name),
            AccountChannelOutcome.HereSet => turn.T(CallTexts.ChannelHereSet, account.Name),
            AccountChannelOutcome.HereNotShared => turn.T(CallTexts.ChannelHereNotShared),
            AccountChannelOutcome.NeedsChannelApp => turn.T(CallTexts.ChannelNeedsSlack),
            AccountChannelOutcome.Set => turn.T(CallTexts.ChannelSet, account.Name, set.Place!.Label, set.Place.Invite),
            AccountChannelOutcome.Ready => turn.T(CallTexts.ChannelReady, account.Name, set.Place!.Label),
            AccountChannelOutcome.NotInPlace => turn.T(CallTexts.ChannelNotInPlace, set.Place!.Label, set.Place.Invite),
            AccountChannelOutcome.NotFound => turn.T(CallTexts.ChannelNotFound, set.Place!.Label, set.Place.Invite),
            _ => turn.T(CallTexts.ChannelInvalid),
        };
    }

    /// <summary>Other features' phrases after `account <name>` (`account Acme domain acme.com`).</summary>
    private async Task<Reply?> OtherPhraseAsync(Turn turn, string rest, CancellationToken ct)
    {
        foreach (var phrase in phrases)
            if (await phrase.TryAccountPhraseAsync(turn, rest, ct) is { } reply) return reply;
        return null;
    }

    private async Task<Reply> ListAsync(Turn turn, CancellationToken ct)
    {
        var rows = await new ListAccountsHandler(destinations).HandleAsync(turn.Db, turn.Person, turn.NowUtc, ct);
        var extra = new Dictionary<int, List<string>>();
        foreach (var source in details)
            foreach (var (accountId, text) in await source.DetailsAsync(turn.Db, turn.Person.Id, turn.Language, ct))
                (extra.TryGetValue(accountId, out var list) ? list : extra[accountId] = []).Add(text);
        return CallReplies.Accounts(turn, rows, extra.ToDictionary(kv => kv.Key, kv => string.Join(" · ", kv.Value)));
    }

    // ---- calls ----

    /// <summary>`called Acme: warned them about the delay`; without a colon only when the rest names an account (or is short).</summary>
    private static async Task<Reply?> CalledTextAsync(Turn turn, string rest, CancellationToken ct)
    {
        var colon = rest.IndexOf(':');
        var name = CallWords.LeadingPreposition().Replace(colon >= 0 ? rest[..colon] : rest, "").Trim();
        var note = colon >= 0 ? rest[(colon + 1)..].Trim() : null;
        if (name.Length == 0) return turn.T(CallTexts.CalledUsage);
        var (account, candidates) = await CallStore.FindAccountAsync(turn.Db, turn.Person.Id, name, ct);
        if (account is null)
        {
            // "called Acme and promised the deck by Friday" is a sentence for the promise parser, not a log entry.
            if (colon < 0 && name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 3) return null;
            return CallReplies.Unknown(turn, name, candidates);
        }
        var logged = await LogCallHandler.HandleAsync(turn.Db, turn.Person, new LogCall(account.Id, note, "chat"), turn.NowUtc, ct);
        return CallReplies.Logged(turn, logged!, fromButton: false);
    }

    // ---- buttons ----

    private static async Task<Reply> HandleActionAsync(Turn turn, SubmittedAction action, CancellationToken ct)
    {
        if (!int.TryParse(action.Get(CallActions.AccountKey), NumberStyles.None, CultureInfo.InvariantCulture, out var accountId))
            return turn.T(CallTexts.UnknownAccountButton);
        var account = await turn.Db.Accounts.FirstOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null) return turn.T(CallTexts.UnknownAccountButton);
        if (account.OwnerId != turn.Person.Id)
        {
            // Seen in a channel by someone else: say whose it is, change nothing.
            var owner = await turn.Db.People.Where(p => p.Id == account.OwnerId).Select(p => p.DisplayName).FirstOrDefaultAsync(ct);
            return turn.T(CallTexts.NotYours, string.IsNullOrWhiteSpace(owner) ? "?" : owner);
        }

        return action.Id switch
        {
            CallActions.Called => CallReplies.Logged(turn,
                (await LogCallHandler.HandleAsync(turn.Db, turn.Person, new LogCall(account.Id, action.Get(CallActions.NoteKey), "button"), turn.NowUtc, ct))!, fromButton: true),
            CallActions.Snooze => await SnoozeAsync(turn, account, action, ct),
            CallActions.SkipCall => await SkipAsync(turn, account, action, ct),
            CallActions.Note => await NoteAsync(turn, account, action, ct),
            _ => turn.T(PipelineTexts.UnknownAction),
        };
    }

    private static async Task<Reply> SnoozeAsync(Turn turn, Account account, SubmittedAction action, CancellationToken ct)
    {
        int? days = int.TryParse(action.Get(CallActions.DaysKey), NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : null;
        var until = await SnoozeCallHandler.HandleAsync(turn.Db, turn.Person, new SnoozeCall(account, action.Get(CallActions.CycleKey), days), turn.NowUtc, ct);
        if (until is null) return turn.T(CallTexts.NudgeClosed);
        return new Reply(turn.T(CallTexts.Snoozed, account.Name, Formats.Day(until.Value, turn.Person.Zone, turn.Language))) { ForEveryone = true };
    }

    private static async Task<Reply> SkipAsync(Turn turn, Account account, SubmittedAction action, CancellationToken ct)
    {
        var cycle = action.Get(CallActions.CycleKey);
        if (!await SkipCallHandler.IsOpenAsync(turn.Db, turn.Person, account, cycle, turn.NowUtc, ct)) return turn.T(CallTexts.NudgeClosed);
        if (action.Get(CallActions.ReasonKey) is not { } reason)
            return turn.AskFor(action, new CardInput(CallActions.ReasonKey, InputKind.Text, turn.T(CallTexts.SkipReasonInput)));
        var until = await SkipCallHandler.HandleAsync(turn.Db, turn.Person, new SkipCall(account, cycle, reason), turn.NowUtc, ct);
        return new Reply(turn.T(CallTexts.Skipped, account.Name, Formats.Day(until!.Value, turn.Person.Zone, turn.Language))) { ForEveryone = true };
    }

    private static async Task<Reply> NoteAsync(Turn turn, Account account, SubmittedAction action, CancellationToken ct)
    {
        if (!long.TryParse(action.Get(CallActions.TouchKey), NumberStyles.None, CultureInfo.InvariantCulture, out var touchId)
            || await AddCallNoteHandler.FindAsync(turn.Db, account.Id, touchId, ct) is null)
            return turn.T(CallTexts.NudgeClosed);
        if (action.Get(CallActions.NoteKey) is not { } note)
            return turn.AskFor(action, new CardInput(CallActions.NoteKey, InputKind.Text, turn.T(CallTexts.NoteInput), Multiline: true));
        await AddCallNoteHandler.HandleAsync(turn.Db, new AddCallNote(account.Id, touchId, note), ct);
        return turn.T(CallTexts.NoteSaved, account.Name);
    }

    // ---- people's time ----

    private static async Task<Reply> VacationAsync(Turn turn, string rest, CancellationToken ct)
    {
        if (Command.Is(rest, "off", "end", "cancel", "выкл", "отмена", "отменить", "закончился", "нет"))
        {
            return await EndVacationHandler.HandleAsync(turn.Db, turn.Person, turn.NowUtc, ct) switch
            {
                EndVacationOutcome.Ended => turn.T(CallTexts.VacationOff),
                EndVacationOutcome.Cancelled => turn.T(CallTexts.VacationCancelled),
                _ => turn.T(CallTexts.VacationNone),
            };
        }

        if (CallWords.ParseRange(rest, turn.LocalNow, turn.Person.Zone, turn.Person.Hours) is not { } range) return turn.T(CallTexts.VacationUsage);
        var (first, last) = range;
        return await SetVacationHandler.HandleAsync(turn.Db, turn.Person, new SetVacation(first, last), turn.NowUtc, ct) switch
        {
            VacationOutcome.Set => turn.T(CallTexts.VacationSet, CallReplies.DayText(first, turn), CallReplies.DayText(last, turn)),
            VacationOutcome.InPast => turn.T(CallTexts.VacationInPast),
            _ => turn.T(CallTexts.VacationUsage),
        };
    }
}
