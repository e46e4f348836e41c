using System.Globalization;
using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>The call use cases' results as chat replies, in the person's language.</summary>
internal static class CallReplies
{
    public static Reply CadenceSet(Turn turn, CadenceSet set)
    {
        var l = turn.Language;
        var due = set.Status.IsDue ? turn.T(CallTexts.DueNow) : Formats.Day(set.Status.DueUtc, turn.Person.Zone, l);
        return turn.T(set.Created ? CallTexts.Added : CallTexts.Updated, set.Account.Name, CallCards.TierText(set.Cadence.Tier, l),
            CallTexts.Days(set.Cadence.EffectiveDays, l), due);
    }

    public static Reply Unknown(Turn turn, string name, IReadOnlyList<Account> candidates) =>
        candidates.Count > 1
            ? turn.T(CallTexts.AmbiguousAccount, string.Join(", ", candidates.Select(c => c.Name)))
            : turn.T(CallTexts.UnknownAccount, name.Trim());

    public static Reply Accounts(Turn turn, IReadOnlyList<AccountRow> rows, IReadOnlyDictionary<int, string>? details = null)
    {
        var l = turn.Language;
        var person = turn.Person;
        if (rows.Count == 0) return turn.T(CallTexts.ListEmpty);
        var lines = new List<string>();
        foreach (var (account, cadence, status, reach, channel) in rows)
        {
            if (account.IsLost)
            {
                lines.Add($"#{account.Number} {account.Name} — " + turn.T(AccountStatusTexts.ListLost, Formats.Day(account.LostUtc!.Value, person.Zone, l), account.LostReason));
                continue;
            }
            var every = (cadence.Tier == AccountTier.Key ? CallTexts.KeyEveryDays : CallTexts.EveryDays).Format(l, CallTexts.Days(status.CadenceDays, l));
            var last = cadence.LastContactUtc is null ? turn.T(CallTexts.NoContactLogged)
                : status.DaysSince == 0 ? turn.T(CallTexts.LastContactToday)
                : turn.T(CallTexts.LastContactAgo, CallTexts.Days(status.DaysSince, l));
            var due = status.IsDue ? turn.T(CallTexts.DueNow) : turn.T(CallTexts.NextDue, Formats.Day(reach, person.Zone, l));
            var line = $"#{account.Number} {account.Name} — {every} · {last} · {due}";
            if (channel is not null) line += " · " + turn.T(CallTexts.InChannel, channel.Label);
            if (details?.GetValueOrDefault(account.Id) is { } more) line += " · " + more;
            lines.Add(line);
        }
        var card = new Card(turn.T(CallTexts.ListTitle, rows.Count), Lines: lines, Footnote: turn.T(CallTexts.ListHint));
        return new Reply(string.Join('\n', lines.Prepend(card.Title)), card);
    }

    public static Reply Due(Turn turn, DueCallsResult due)
    {
        var l = turn.Language;
        var (today, week) = (due.Today, due.ThisWeek);
        if (today.Count == 0 && week.Count == 0) return turn.T(CallTexts.DueNone);

        var lines = new List<string>();
        if (today.Count > 0)
        {
            lines.Add(turn.T(CallTexts.DueToday, today.Count));
            lines.AddRange(today.Select(d => "• " + turn.T(CallTexts.DueLine, d.Account.Name, CallTexts.Days(d.Status.DaysSince, l))));
        }
        if (week.Count > 0)
        {
            lines.Add(turn.T(CallTexts.DueThisWeek, week.Count));
            lines.AddRange(week.Select(d => "• " + turn.T(CallTexts.DueLineOn, d.Account.Name, Formats.Day(d.Status.DueUtc, turn.Person.Zone, l))));
        }
        var actions = today.Take(5).Select(d => new CardAction(CallActions.Called, turn.T(CallTexts.CalledAccount, d.Account.Name),
            new Dictionary<string, string> { [CallActions.AccountKey] = d.Account.Id.ToString(CultureInfo.InvariantCulture), [CallActions.CycleKey] = d.Status.CycleKey })).ToList();
        var card = new Card(turn.T(CallTexts.DueTitle), Lines: lines, Actions: actions, PrincipleIds: [CallActions.CallFirst],
            Footnote: $"{turn.T(CallTexts.CallFirst)} `{CallActions.CallFirst}`");
        return new Reply(string.Join('\n', lines.Prepend(card.Title)), card);
    }

    public static Reply Logged(Turn turn, CallLogged logged, bool fromButton)
    {
        var (account, touch, already, before, after) = logged;
        if (already) return turn.T(CallTexts.AlreadyLogged, account.Name); // a double tap: the logged message stays as it is
        var l = turn.Language;
        var next = Formats.Day(after.DueUtc, turn.Person.Zone, l);
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

    public static string DayText(DateOnly day, Turn turn) =>
        Formats.Day(TimeZones.ToUtc(day.ToDateTime(new TimeOnly(12, 0)), turn.Person.Zone), turn.Person.Zone, turn.Language);
}
