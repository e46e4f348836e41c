using System.Globalization;
using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>One account due a call, as its nudge shows it.</summary>
public sealed record DueAccount(Account Account, AccountCadence Cadence, CallStatus Status);

/// <summary>The call nudge, the bundle, the catch-up summary.</summary>
internal static class CallCards
{
    /// <summary>"Fri" within a week either side, "Fri 27 Nov" further away ("пт" / «пт, 27 нояб.»).</summary>
    public static string ShortDay(DateTime utc, Person person, DateTime nowUtc)
    {
        var days = Math.Abs(CallCadence.DaysBetween(nowUtc, utc, person.Zone));
        if (days > 6) return Formats.Day(utc, person.Zone, person.Language);
        var local = TimeZones.ToLocal(utc, person.Zone);
        return local.ToString("ddd", Formats.Culture(person.Language));
    }

    public static string TierText(AccountTier tier, Language l) => (tier == AccountTier.Key ? CallTexts.KeyAccount : CallTexts.StandardAccount)[l];

    /// <summary>"Acme hasn't heard from you for 16 days (key account, every 14)."</summary>
    public static string Headline(DueAccount due, Language l)
    {
        var text = due.Status.EverContacted ? CallTexts.NotHeard : CallTexts.NoContactYet;
        return text.Format(l, due.Account.Name, CallTexts.Days(due.Status.DaysSince, l), TierText(due.Cadence.Tier, l), CallTexts.Every(due.Status.CadenceDays, l));
    }

    private static Dictionary<string, string> Payload(DueAccount due, params (string Key, string Value)[] more)
    {
        var payload = new Dictionary<string, string>
        {
            [CallActions.AccountKey] = due.Account.Id.ToString(CultureInfo.InvariantCulture),
            [CallActions.CycleKey] = due.Status.CycleKey,
        };
        foreach (var (key, value) in more) payload[key] = value;
        return payload;
    }

    /// <summary>
    /// The nudge: how long since the last contact, the prompt for what to bring, what is open with the client
    /// (counts only when <paramref name="shared"/>: others read that channel), the buttons and one principle.
    /// </summary>
    public static Reply Nudge(DueAccount due, Person owner, IReadOnlyList<OpenItems> open, bool shared, Mention? mention, SharedPlace? unreachable)
    {
        var l = owner.Language;
        var headline = Headline(due, l);
        var lines = new List<string>();
        if (unreachable is not null) lines.Add(CallTexts.ChannelUnreachable.Format(l, unreachable.Label, unreachable.Invite));
        lines.Add(CallTexts.CallFirst[l]);
        if (open.Count > 0)
        {
            lines.Add(CallTexts.OpenWith.Format(l, due.Account.Name, string.Join("; ", open.Select(o => o.Summary))));
            if (!shared) lines.AddRange(open.SelectMany(o => o.Details));
        }

        var actions = new List<CardAction> { new(CallActions.Called, CallTexts.Called[l], Payload(due)) };
        // Three days first: the everyday choice; one day and a week beside it.
        foreach (var days in new[] { 3, 1, 7 })
            actions.Add(new(CallActions.Snooze, CallTexts.SnoozeDays.Format(l, CallTexts.Days(days, l)),
                Payload(due, (CallActions.DaysKey, days.ToString(CultureInfo.InvariantCulture)))));
        actions.Add(new(CallActions.SkipCall, CallTexts.Skip[l], Payload(due),
            [new CardInput(CallActions.ReasonKey, InputKind.Text, CallTexts.SkipReasonInput[l])]));
        actions.Add(new(CallActions.Why, CallTexts.Why[l], new Dictionary<string, string> { [CallActions.PrincipleKey] = CallActions.CallFirst }));

        var card = new Card(headline, Lines: lines, Actions: actions, PrincipleIds: [CallActions.CallFirst], Footnote: $"`{CallActions.CallFirst}`");
        return new Reply(string.Join('\n', lines.Prepend(headline)), card) { AddressedTo = mention };
    }

    /// <summary>Several due accounts in one message: the day's rest beyond the budget, or the catch-up after a vacation.</summary>
    public static Reply Summary(Text title, IReadOnlyList<DueAccount> due, Person owner, IReadOnlyDictionary<int, OpenItems?> open)
    {
        var l = owner.Language;
        var headline = title.Format(l, CallTexts.Accounts(due.Count, l));
        var lines = due.Select(d =>
        {
            var line = CallTexts.BundleLine.Format(l, d.Account.Name, CallTexts.Days(d.Status.DaysSince, l), CallTexts.Every(d.Status.CadenceDays, l));
            return open.TryGetValue(d.Account.Id, out var items) && items is not null ? $"{line} · {items.Summary}" : line;
        }).ToList();
        lines.Add(CallTexts.CallFirst[l]);
        var actions = due.Take(5)
            .Select(d => new CardAction(CallActions.Called, CallTexts.CalledAccount.Format(l, d.Account.Name), Payload(d)))
            .Append(new CardAction(CallActions.Why, CallTexts.Why[l], new Dictionary<string, string> { [CallActions.PrincipleKey] = CallActions.CallFirst }))
            .ToList();
        var card = new Card(headline, Lines: lines, Actions: actions, PrincipleIds: [CallActions.CallFirst], Footnote: $"{CallTexts.BundleHint[l]} `{CallActions.CallFirst}`");
        return new Reply(string.Join('\n', lines.Prepend(headline)), card);
    }
}
