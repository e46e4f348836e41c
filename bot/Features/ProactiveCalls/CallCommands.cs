using System.Globalization;
using System.Text.RegularExpressions;
using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Promises.Parsing;
using AccountCoachBot.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>
/// Accounts and their cadence, logging calls, what is due, vacations and the off switch; and the buttons of
/// call nudges. Every button re-checks that the account belongs to the person pressing it: in a channel,
/// anyone can see a nudge, only its owner can act on it.
/// </summary>
public sealed partial class CallCommands(Destinations destinations) : ITurnHandler
{
    /// <summary>Before promises (50): `called Acme: …` is a log entry, not a promise to parse.</summary>
    public int Order => 40;

    public async Task<IReadOnlyList<Reply>?> TryHandleAsync(Turn turn, CancellationToken ct)
    {
        if (turn.Action is { } action)
            return action.Id.StartsWith("call.", StringComparison.Ordinal) ? [await HandleActionAsync(turn, action, ct)] : null;

        var text = turn.Text;
        if (CallVerbs.AddAccount.Matches(text, out var rest))
            return [await AddAsync(turn, rest, ct)];
        if (CallVerbs.Accounts.Is(text))
            return [await ListAsync(turn, ct)];
        if (CallVerbs.Account.Matches(text, out rest) && rest.Length > 0)
            return [await AccountSettingAsync(turn, rest, ct) ?? turn.T(CallTexts.AccountUsage)];
        if (CallVerbs.Called.Matches(text, out rest) && await CalledTextAsync(turn, rest, ct) is { } called)
            return [called];
        if (CallVerbs.DueCalls.Is(text))
            return [await DueAsync(turn, ct)];
        if (CallVerbs.Vacation.Matches(text, out rest))
            return [await VacationAsync(turn, rest, ct)];
        if (CallVerbs.Mute.Is(text))
            return [await MuteAsync(turn, true, ct)];
        if (CallVerbs.Unmute.Is(text))
            return [await MuteAsync(turn, false, ct)];
        return null;
    }

    // ---- accounts ----

    [GeneratedRegex(@"^(?<name>.+?)(?:\s+(?<tier>key|standard|ключевой|обычный|стандартный)(?:\s+(?:account|клиент))?)?(?:\s*,?\s+(?:every|каждые|раз\s+в)\s+(?<days>[0-9]{1,5})(?:\s*(?:days?|d|дн[а-я]*|день))?)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex AddPattern();

    [GeneratedRegex(@"^(?:(?<tier>key|standard|ключевой|обычный|стандартный)(?:\s+(?:account|клиент))?)?(?:\s*,?\s*(?:every|каждые|раз\s+в)\s+(?<days>[0-9]{1,5})(?:\s*(?:days?|d|дн[а-я]*|день))?)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex SettingsPattern();

    [GeneratedRegex(@"^(?<name>.+?)\s+(?:channel|канал)\s+(?<channel>\S+)$", RegexOptions.IgnoreCase)]
    private static partial Regex ChannelPattern();

    private static AccountTier? TierOf(Group group) => !group.Success ? null
        : group.Value.ToLowerInvariant() is "key" or "ключевой" ? AccountTier.Key : AccountTier.Standard;

    private static async Task<Reply> AddAsync(Turn turn, string rest, CancellationToken ct)
    {
        var m = AddPattern().Match(rest.Trim());
        var name = m.Success ? m.Groups["name"].Value.Trim(' ', ':', '"', '«', '»') : "";
        if (name.Length == 0) return turn.T(CallTexts.AddUsage);
        var tier = TierOf(m.Groups["tier"]);
        int? days = null;
        if (m.Groups["days"].Success)
        {
            days = int.Parse(m.Groups["days"].Value, CultureInfo.InvariantCulture);
            if (days is < 1 or > CallCadence.MaxDays) return turn.T(CallTexts.DaysInvalid);
        }

        var (account, created) = await ClientAccounts.FindOrAddAsync(turn.Db, turn.Person.Id, name, turn.NowUtc, ct);
        var cadence = await CallStore.EnsureCadenceAsync(turn.Db, account, ct);
        if (created) cadence.StartedUtc = turn.NowUtc;
        return Configure(turn, account, cadence, tier, days, created);
    }

    /// <summary>Sets the tier and cadence; naming a tier without days goes back to the tier's default.</summary>
    private static Reply Configure(Turn turn, Account account, AccountCadence cadence, AccountTier? tier, int? days, bool created)
    {
        if (tier is not null)
        {
            cadence.Tier = tier.Value;
            cadence.CadenceDays = null;
        }
        if (days is not null) cadence.CadenceDays = days == CallCadence.DefaultDays(cadence.Tier) ? null : days;
        var status = CallStore.Refresh(cadence, turn.Person, turn.NowUtc);
        var l = turn.Language;
        var due = status.IsDue ? turn.T(CallTexts.DueNow) : Formats.Day(status.DueUtc, turn.Person.Zone, l);
        return turn.T(created ? CallTexts.Added : CallTexts.Updated, account.Name, CallCards.TierText(cadence.Tier, l), CallTexts.Days(cadence.EffectiveDays, l), due);
    }

    /// <summary>`account Acme channel #C0123`, `account Acme key every 10 days`; anything else is not ours.</summary>
    private async Task<Reply?> AccountSettingAsync(Turn turn, string rest, CancellationToken ct)
    {
        var channel = ChannelPattern().Match(rest.Trim());
        if (channel.Success)
        {
            var (account, candidates) = await CallStore.FindAccountAsync(turn.Db, turn.Person.Id, channel.Groups["name"].Value, ct);
            if (account is null) return Unknown(turn, channel.Groups["name"].Value, candidates);
            return await SetChannelAsync(turn, account, channel.Groups["channel"].Value, ct);
        }

        // The name is the longest leading part that is one of the person's accounts.
        var words = rest.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var take = words.Length - 1; take >= 1; take--)
        {
            var settings = SettingsPattern().Match(string.Join(' ', words[take..]));
            if (!settings.Success || (!settings.Groups["tier"].Success && !settings.Groups["days"].Success)) continue;
            var normalized = Account.Normalize(string.Join(' ', words[..take]));
            var account = await turn.Db.Accounts.FirstOrDefaultAsync(a => a.OwnerId == turn.Person.Id && a.NormalizedName == normalized, ct);
            if (account is null) continue;
            int? days = settings.Groups["days"].Success ? int.Parse(settings.Groups["days"].Value, CultureInfo.InvariantCulture) : null;
            if (days is < 1 or > CallCadence.MaxDays) return turn.T(CallTexts.DaysInvalid);
            var cadence = await CallStore.EnsureCadenceAsync(turn.Db, account, ct);
            return Configure(turn, account, cadence, TierOf(settings.Groups["tier"]), days, created: false);
        }
        return null;
    }

    private async Task<Reply> SetChannelAsync(Turn turn, Account account, string value, CancellationToken ct)
    {
        var cadence = await CallStore.EnsureCadenceAsync(turn.Db, account, ct);
        if (Command.Is(value, "off", "none", "dm", "me", "выкл", "нет", "лично"))
        {
            cadence.ChannelAddressId = null;
            cadence.ChannelWarnedUtc = null;
            return turn.T(CallTexts.ChannelOff, account.Name);
        }
        if (Command.Is(value, "here", "this", "сюда", "здесь"))
        {
            // A conversation others read (the channel says which: a Teams channel or group chat) becomes the account's destination.
            if (!turn.Address.IsShared) return turn.T(CallTexts.ChannelHereNotShared);
            cadence.ChannelAddressId = turn.Address.Id;
            cadence.ChannelWarnedUtc = null;
            return turn.T(CallTexts.ChannelHereSet, account.Name);
        }
        if (destinations.ParsePlace(value) is not { } place) return turn.T(CallTexts.ChannelInvalid);
        var address = await destinations.SharedAddressAsync(turn.Db, turn.Person.Id, place, turn.NowUtc, ct);
        if (address is null) return turn.T(CallTexts.ChannelNeedsSlack);

        await turn.Db.SaveChangesAsync(ct);
        cadence.ChannelAddressId = address.Id;
        cadence.ChannelWarnedUtc = null;
        return turn.T(CallTexts.ChannelSet, account.Name, place.Label, place.Invite);
    }

    private static Reply Unknown(Turn turn, string name, IReadOnlyList<Account> candidates) =>
        candidates.Count > 1
            ? turn.T(CallTexts.AmbiguousAccount, string.Join(", ", candidates.Select(c => c.Name)))
            : turn.T(CallTexts.UnknownAccount, name.Trim());

    private async Task<Reply> ListAsync(Turn turn, CancellationToken ct)
    {
        var l = turn.Language;
        var person = turn.Person;
        var accounts = await turn.Db.Accounts.Where(a => a.OwnerId == person.Id).ToListAsync(ct);
        if (accounts.Count == 0) return turn.T(CallTexts.ListEmpty);
        var vacations = await VacationsAheadAsync(turn, ct);

        var rows = new List<(DateTime Due, string Line)>();
        foreach (var account in accounts)
        {
            if (account.IsLost)
            {
                rows.Add((DateTime.MaxValue, $"#{account.Number} {account.Name} — " + turn.T(AccountStatusTexts.ListLost, Formats.Day(account.LostUtc!.Value, person.Zone, l), account.LostReason)));
                continue;
            }
            var cadence = await CallStore.EnsureCadenceAsync(turn.Db, account, ct);
            var status = CallCadence.Evaluate(cadence, person, turn.NowUtc);
            var every = (cadence.Tier == AccountTier.Key ? CallTexts.KeyEveryDays : CallTexts.EveryDays).Format(l, CallTexts.Days(status.CadenceDays, l));
            var last = cadence.LastContactUtc is not { } contact ? turn.T(CallTexts.NoContactLogged)
                : status.DaysSince == 0 ? turn.T(CallTexts.LastContactToday)
                : turn.T(CallTexts.LastContactAgo, CallTexts.Days(status.DaysSince, l));
            var reach = CallCadence.AfterVacations(status.DueUtc, vacations, person.Zone, person.Hours);
            var due = status.IsDue ? turn.T(CallTexts.DueNow) : turn.T(CallTexts.NextDue, Formats.Day(reach, person.Zone, l));
            var line = $"#{account.Number} {account.Name} — {every} · {last} · {due}";
            if (cadence.ChannelAddressId is { } addressId
                && destinations.PlaceOf(await turn.Db.Addresses.FirstOrDefaultAsync(a => a.Id == addressId, ct)) is { } place)
                line += " · " + turn.T(CallTexts.InChannel, place.Label);
            rows.Add((status.DueUtc, line));
        }
        var lines = rows.OrderBy(r => r.Due).Select(r => r.Line).ToList();
        var card = new Card(turn.T(CallTexts.ListTitle, accounts.Count), Lines: lines, Footnote: turn.T(CallTexts.ListHint));
        return new Reply(string.Join('\n', lines.Prepend(card.Title)), card);
    }

    private static async Task<Reply> DueAsync(Turn turn, CancellationToken ct)
    {
        var l = turn.Language;
        var person = turn.Person;
        var zone = person.Zone;
        var localToday = TimeZones.ToLocal(turn.NowUtc, zone).Date;
        var todayEnd = TimeZones.ToUtc(localToday.AddDays(1), zone);
        var daysToMonday = ((int)DayOfWeek.Monday - (int)localToday.DayOfWeek + 7) % 7;
        var weekEnd = TimeZones.ToUtc(localToday.AddDays(daysToMonday == 0 ? 7 : daysToMonday), zone);

        var today = new List<DueAccount>();
        var week = new List<DueAccount>();
        foreach (var account in await turn.Db.Accounts.Where(a => a.OwnerId == person.Id).ToListAsync(ct))
        {
            if (account.IsLost) continue;
            var cadence = await CallStore.EnsureCadenceAsync(turn.Db, account, ct);
            var status = CallCadence.Evaluate(cadence, person, turn.NowUtc);
            if (status.DueUtc < todayEnd) today.Add(new DueAccount(account, cadence, status));
            else if (status.DueUtc < weekEnd) week.Add(new DueAccount(account, cadence, status));
        }
        if (today.Count == 0 && week.Count == 0) return turn.T(CallTexts.DueNone);

        var lines = new List<string>();
        if (today.Count > 0)
        {
            lines.Add(turn.T(CallTexts.DueToday, today.Count));
            lines.AddRange(today.OrderByDescending(d => d.Cadence.Tier).ThenByDescending(d => d.Status.DaysSince - d.Status.CadenceDays)
                .Select(d => "• " + turn.T(CallTexts.DueLine, d.Account.Name, CallTexts.Days(d.Status.DaysSince, l))));
        }
        if (week.Count > 0)
        {
            lines.Add(turn.T(CallTexts.DueThisWeek, week.Count));
            lines.AddRange(week.OrderBy(d => d.Status.DueUtc).Select(d => "• " + turn.T(CallTexts.DueLineOn, d.Account.Name, Formats.Day(d.Status.DueUtc, zone, l))));
        }
        var actions = today.Take(5).Select(d => new CardAction(CallActions.Called, turn.T(CallTexts.CalledAccount, d.Account.Name),
            new Dictionary<string, string> { [CallActions.AccountKey] = d.Account.Id.ToString(CultureInfo.InvariantCulture), [CallActions.CycleKey] = d.Status.CycleKey })).ToList();
        var card = new Card(turn.T(CallTexts.DueTitle), Lines: lines, Actions: actions, PrincipleIds: [CallActions.CallFirst],
            Footnote: $"{turn.T(CallTexts.CallFirst)} `{CallActions.CallFirst}`");
        return new Reply(string.Join('\n', lines.Prepend(card.Title)), card);
    }

    // ---- calls ----

    [GeneratedRegex(@"^(?:to|with|в|во|с|со|клиенту)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingPreposition();

    /// <summary>`called Acme: warned them about the delay`; without a colon only when the rest names an account (or is short).</summary>
    private static async Task<Reply?> CalledTextAsync(Turn turn, string rest, CancellationToken ct)
    {
        var colon = rest.IndexOf(':');
        var name = LeadingPreposition().Replace(colon >= 0 ? rest[..colon] : rest, "").Trim();
        var note = colon >= 0 ? rest[(colon + 1)..].Trim() : null;
        if (name.Length == 0) return turn.T(CallTexts.CalledUsage);
        var (account, candidates) = await CallStore.FindAccountAsync(turn.Db, turn.Person.Id, name, ct);
        if (account is null)
        {
            // "called Acme and promised the deck by Friday" is a sentence for the promise parser, not a log entry.
            if (colon < 0 && name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 3) return null;
            return Unknown(turn, name, candidates);
        }
        return await LogCallAsync(turn, account, note, fromButton: false, ct);
    }

    private static async Task<Reply> LogCallAsync(Turn turn, Account account, string? note, bool fromButton, CancellationToken ct)
    {
        var l = turn.Language;
        var person = turn.Person;
        var cadence = await CallStore.EnsureCadenceAsync(turn.Db, account, ct);
        var before = CallCadence.Evaluate(cadence, person, turn.NowUtc);
        var dayStart = TimeZones.ToUtc(TimeZones.ToLocal(turn.NowUtc, person.Zone).Date, person.Zone);
        if (string.IsNullOrWhiteSpace(note)
            && await turn.Db.Set<Touch>().AnyAsync(t => t.AccountId == account.Id && t.Kind == TouchKind.Call && t.AtUtc >= dayStart, ct))
            return turn.T(CallTexts.AlreadyLogged, account.Name); // a double tap: the logged message stays as it is

        var touch = await AccountTouchRecorder.RecordTouchAsync(turn.Db, account.Id, TouchKind.Call, turn.NowUtc, person.Id, note,
            fromButton ? "button" : "chat", ct);
        await turn.Db.SaveChangesAsync(ct);
        var after = CallCadence.Evaluate(cadence, person, turn.NowUtc);
        var next = Formats.Day(after.DueUtc, person.Zone, l);
        var text = before.EverContacted && before.DaysSince > 0
            ? turn.T(CallTexts.CallLoggedAfter, account.Name, CallTexts.Days(before.DaysSince, l), next)
            : turn.T(CallTexts.CallLogged, account.Name, next);
        if (!fromButton || touch is null) return text;

        // One tap logs the call; a note is one more tap, for those who want it.
        var card = new Card(text, Actions:
        [
            new CardAction(CallActions.Note, turn.T(CallTexts.AddNote), new Dictionary<string, string>
            {
                [CallActions.AccountKey] = account.Id.ToString(CultureInfo.InvariantCulture),
                [CallActions.TouchKey] = touch.Id.ToString(CultureInfo.InvariantCulture),
            }, [new CardInput(CallActions.NoteKey, InputKind.Text, turn.T(CallTexts.NoteInput), Multiline: true)]),
        ]);
        return new Reply(text, card) { ForEveryone = true };
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
            CallActions.Called => await LogCallAsync(turn, account, action.Get(CallActions.NoteKey), fromButton: true, ct),
            CallActions.Snooze => await SnoozeAsync(turn, account, action, ct),
            CallActions.SkipCall => await SkipAsync(turn, account, action, ct),
            CallActions.Note => await NoteAsync(turn, account, action, ct),
            _ => turn.T(PipelineTexts.UnknownAction),
        };
    }

    private static async Task<(AccountCadence Cadence, CallStatus Status)?> OpenCycleAsync(Turn turn, Account account, SubmittedAction action, CancellationToken ct)
    {
        var cadence = await CallStore.EnsureCadenceAsync(turn.Db, account, ct);
        var status = CallCadence.Evaluate(cadence, turn.Person, turn.NowUtc);
        return action.Get(CallActions.CycleKey) == status.CycleKey ? (cadence, status) : null;
    }

    private static async Task<Reply> SnoozeAsync(Turn turn, Account account, SubmittedAction action, CancellationToken ct)
    {
        if (await OpenCycleAsync(turn, account, action, ct) is not { } open) return turn.T(CallTexts.NudgeClosed);
        var cadence = open.Cadence;
        var days = int.TryParse(action.Get(CallActions.DaysKey), NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 30 ? d : 3;
        var until = CallCadence.DueUtc(turn.NowUtc, days, turn.Person.Zone, turn.Person.Hours);
        await NextCycleAsync(turn, cadence, until, "snoozed", ct);
        return new Reply(turn.T(CallTexts.Snoozed, account.Name, Formats.Day(until, turn.Person.Zone, turn.Language))) { ForEveryone = true };
    }

    private static async Task<Reply> SkipAsync(Turn turn, Account account, SubmittedAction action, CancellationToken ct)
    {
        if (await OpenCycleAsync(turn, account, action, ct) is not { } open) return turn.T(CallTexts.NudgeClosed);
        var cadence = open.Cadence;
        var reason = action.Get(CallActions.ReasonKey);
        if (reason is null)
            return turn.AskFor(action, new CardInput(CallActions.ReasonKey, InputKind.Text, turn.T(CallTexts.SkipReasonInput)));
        await AccountTouchRecorder.RecordTouchAsync(turn.Db, account.Id, TouchKind.Skipped, turn.NowUtc, turn.Person.Id, reason, "button", ct);
        var until = CallCadence.DueUtc(turn.NowUtc, cadence.EffectiveDays, turn.Person.Zone, turn.Person.Hours);
        await NextCycleAsync(turn, cadence, until, "skipped", ct);
        return new Reply(turn.T(CallTexts.Skipped, account.Name, Formats.Day(until, turn.Person.Zone, turn.Language))) { ForEveryone = true };
    }

    /// <summary>Snooze and Skip close this cycle's nudge and open the next one at <paramref name="until"/>.</summary>
    private static async Task NextCycleAsync(Turn turn, AccountCadence cadence, DateTime until, string why, CancellationToken ct)
    {
        cadence.Cycle++;
        cadence.DeferredUntilUtc = until;
        cadence.AnnouncedCycleKey = cadence.AnnouncedByKey = null;
        cadence.AnnouncedUtc = null;
        cadence.NextCheckUtc = until;
        await Outbox.SkipPendingAsync(turn.Db, CallActions.Subject(cadence.AccountId), CallActions.AccountKinds, why, ct);
    }

    private static async Task<Reply> NoteAsync(Turn turn, Account account, SubmittedAction action, CancellationToken ct)
    {
        if (!long.TryParse(action.Get(CallActions.TouchKey), NumberStyles.None, CultureInfo.InvariantCulture, out var touchId)) return turn.T(CallTexts.NudgeClosed);
        var touch = await turn.Db.Set<Touch>().FirstOrDefaultAsync(t => t.Id == touchId && t.AccountId == account.Id, ct);
        if (touch is null) return turn.T(CallTexts.NudgeClosed);
        var note = action.Get(CallActions.NoteKey);
        if (note is null)
            return turn.AskFor(action, new CardInput(CallActions.NoteKey, InputKind.Text, turn.T(CallTexts.NoteInput), Multiline: true));
        touch.Note = note.Length <= 1000 ? note : note[..999] + "…";
        return turn.T(CallTexts.NoteSaved, account.Name);
    }

    // ---- people's time ----

    private static async Task<Reply> MuteAsync(Turn turn, bool mute, CancellationToken ct)
    {
        var prefs = await CallStore.EnsurePreferencesAsync(turn.Db, turn.Person.Id, ct);
        prefs.CallsMuted = mute;
        return turn.T(mute ? CallTexts.Muted : CallTexts.Unmuted);
    }

    private static Task<List<Vacation>> VacationsAheadAsync(Turn turn, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(TimeZones.ToLocal(turn.NowUtc, turn.Person.Zone));
        return turn.Db.Set<Vacation>().Where(v => v.PersonId == turn.Person.Id && v.LastDay >= today).ToListAsync(ct);
    }

    [GeneratedRegex(@"\s+(?:-|–|—|to|till|until|through|по|до)\s+|\s*[–—]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex RangeSeparator();

    [GeneratedRegex(@"^(?:from|с|со)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingFrom();

    private static async Task<Reply> VacationAsync(Turn turn, string rest, CancellationToken ct)
    {
        var zone = turn.Person.Zone;
        var today = DateOnly.FromDateTime(TimeZones.ToLocal(turn.NowUtc, zone));
        var vacations = turn.Db.Set<Vacation>();
        if (Command.Is(rest, "off", "end", "cancel", "выкл", "отмена", "отменить", "закончился", "нет"))
        {
            var mine = await vacations.Where(v => v.PersonId == turn.Person.Id && v.LastDay >= today).ToListAsync(ct);
            var active = mine.FirstOrDefault(v => v.FirstDay <= today);
            foreach (var future in mine.Where(v => v.FirstDay > today)) vacations.Remove(future);
            if (active is not null)
            {
                // Ends yesterday: the planner sees a return and writes the one catch-up summary.
                active.LastDay = today.AddDays(-1);
                return turn.T(CallTexts.VacationOff);
            }
            return turn.T(mine.Count > 0 ? CallTexts.VacationCancelled : CallTexts.VacationNone);
        }

        var range = LeadingFrom().Replace(rest.Trim(), "");
        var parts = RangeSeparator().Split(range).Where(p => p.Trim().Length > 0).ToArray();
        if (parts.Length == 1) parts = range.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: 2 } two ? two : parts;
        var first = parts.Length is 1 or 2 ? ParseDay(parts[0], turn) : null;
        var last = parts.Length == 2 ? ParseDay(parts[1], turn) : first;
        if (first is null || last is null || last < first) return turn.T(CallTexts.VacationUsage);
        if (last < today) return turn.T(CallTexts.VacationInPast);

        var overlapping = await vacations.Where(v => v.PersonId == turn.Person.Id && !v.CatchUpDone && v.LastDay >= first && v.FirstDay <= last).ToListAsync(ct);
        vacations.RemoveRange(overlapping);
        vacations.Add(new Vacation { PersonId = turn.Person.Id, FirstDay = first.Value, LastDay = last.Value, CreatedUtc = turn.NowUtc });
        return turn.T(CallTexts.VacationSet, DayText(first.Value, turn), DayText(last.Value, turn));
    }

    private static string DayText(DateOnly day, Turn turn) =>
        Formats.Day(TimeZones.ToUtc(day.ToDateTime(new TimeOnly(12, 0)), turn.Person.Zone), turn.Person.Zone, turn.Language);

    /// <summary>"2026-08-03", "3.8.2026", "3.08", or words the promise parser reads ("3 Aug", «3 августа», "Monday").</summary>
    internal static DateOnly? ParseDay(string text, Turn turn)
    {
        text = text.Trim().Trim(',', '.', ';');
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso)) return iso;
        if (DateOnly.TryParseExact(text, ["d.M.yyyy", "d.M.yy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var dotted)) return dotted;
        var today = DateOnly.FromDateTime(TimeZones.ToLocal(turn.NowUtc, turn.Person.Zone));
        if (DateOnly.TryParseExact(text, "d.M", CultureInfo.InvariantCulture, DateTimeStyles.None, out var short_))
        {
            var day = new DateOnly(today.Year, short_.Month, short_.Day);
            return day < today ? day.AddYears(1) : day;
        }
        var match = DueParser.Find(text, new ParseContext(turn.LocalNow, turn.Person.Zone, [], turn.Person.Hours));
        return match is null ? null : DateOnly.FromDateTime(TimeZones.ToLocal(match.Due.UtcDateTime, turn.Person.Zone));
    }
}
