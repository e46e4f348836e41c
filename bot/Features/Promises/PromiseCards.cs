using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.Promises;

/// <summary>The cards promises are shown with: confirmation, reminder, list, overdue list.</summary>
internal static class PromiseCards
{
    private static Dictionary<string, string> Id(Promise p) => new() { [PromiseActions.IdKey] = p.Id.ToString() };

    private static CardInput DateInput(Language l) => new(PromiseActions.DueKey, InputKind.Date, PromiseTexts.NewDateInput[l]);

    public static Reply Saved(Promise p, Person person)
    {
        var l = person.Language;
        var due = Formats.When(p.DueUtc, person.Zone, l);
        List<CardFact> facts = [new(PromiseTexts.Account[l], p.Account!.Name), new(PromiseTexts.What[l], p.What), new(PromiseTexts.Due[l], due)];
        if (!string.IsNullOrWhiteSpace(p.Contact)) facts.Insert(1, new(PromiseTexts.Contact[l], p.Contact));
        var card = new Card(
            PromiseTexts.SavedTitle[l],
            Facts: facts,
            Actions:
            [
                new(PromiseActions.Redate, PromiseTexts.ChangeDate[l], Id(p), [DateInput(l)]),
                new(PromiseActions.Edit, PromiseTexts.Edit[l], Id(p), [new CardInput(PromiseActions.WhatKey, InputKind.Text, PromiseTexts.WhatInput[l])]),
                new(PromiseActions.Cancel, PromiseTexts.Cancel[l], Id(p), [new CardInput(PromiseActions.ReasonKey, InputKind.Text, PromiseTexts.CancelReasonInput[l])]),
            ],
            Footnote: $"#{p.Number}");
        return new Reply(PromiseTexts.Saved.Format(l, p.Account.Name, p.What, due), card);
    }

    /// <summary>A reminder: what is due and when, one question, the buttons, one principle line.</summary>
    public static Reply Reminder(Promise p, Person person, DateTime nowUtc)
    {
        var l = person.Language;
        var zone = person.Zone;
        var subject = PromiseTexts.Subject(p);
        var dueLocal = TimeZones.ToLocal(p.DueUtc, zone);
        var nowLocal = TimeZones.ToLocal(nowUtc, zone);

        string headline;
        bool overdue = p.DueUtc < nowUtc - TimeSpan.FromMinutes(5);
        if (overdue) headline = PromiseTexts.OverdueSince.Format(l, subject, Formats.When(p.DueUtc, zone, l));
        else if (p.DueUtc <= nowUtc + TimeSpan.FromMinutes(5)) headline = PromiseTexts.DueNow.Format(l, subject);
        else if (dueLocal.Date == nowLocal.Date) headline = PromiseTexts.DueToday.Format(l, subject, dueLocal.ToString("HH:mm"));
        else if (dueLocal.Date == nowLocal.Date.AddDays(1)) headline = PromiseTexts.DueTomorrow.Format(l, subject);
        else headline = PromiseTexts.DueOn.Format(l, subject, Formats.When(p.DueUtc, zone, l));

        var question = (overdue || p.DueUtc <= nowUtc + TimeSpan.FromMinutes(5)) ? PromiseTexts.DoneYet[l] : PromiseTexts.StillOnTrack[l];
        var principle = PromiseTexts.KeepPrinciple[l];
        var actions = new List<CardAction> { new(PromiseActions.Done, PromiseTexts.Done[l], Id(p)) };
        if (!overdue && p.DueUtc > nowUtc) actions.Add(new(PromiseActions.OnTrack, PromiseTexts.OnTrack[l], Id(p)));
        actions.Add(new(PromiseActions.Move, PromiseTexts.NewDate[l], Id(p),
            [DateInput(l), new CardInput(PromiseActions.ReasonKey, InputKind.Text, PromiseTexts.ReasonInput[l])]));
        actions.Add(new(PromiseActions.Snooze, PromiseTexts.Snooze[l], Id(p)));
        actions.Add(new(PromiseActions.Cancel, PromiseTexts.Cancel[l], Id(p), [new CardInput(PromiseActions.ReasonKey, InputKind.Text, PromiseTexts.CancelReasonInput[l])]));
        actions.Add(new(PromiseActions.Why, PromiseTexts.Why[l], new Dictionary<string, string> { [PromiseActions.PrincipleKey] = PromiseActions.KeepYourWord }));

        var card = new Card(headline, Lines: [question], Actions: actions, PrincipleIds: [PromiseActions.KeepYourWord],
            Footnote: $"{principle} `{PromiseActions.KeepYourWord}`");
        return new Reply($"{headline}\n{question}\n{principle}", card);
    }

    public static Reply List(IReadOnlyList<Promise> open, Person person, DateTime nowUtc)
    {
        var l = person.Language;
        if (open.Count == 0) return PromiseTexts.ListEmpty[l];
        var lines = open.Select(p => Line(p, person, nowUtc)).ToList();
        var card = new Card(PromiseTexts.ListTitle.Format(l, open.Count), Lines: lines, Footnote: PromiseTexts.ListHint[l]);
        return new Reply(string.Join('\n', lines.Prepend(card.Title)), card);
    }

    public static Reply Overdue(IReadOnlyList<Promise> overdue, Person person, DateTime nowUtc)
    {
        var l = person.Language;
        var lines = overdue.Select(p => Line(p, person, nowUtc)).ToList();
        var actions = overdue.Take(3).SelectMany(p => new[]
        {
            new CardAction(PromiseActions.Done, PromiseTexts.DoneN.Format(l, p.Number), Id(p)),
            new CardAction(PromiseActions.Move, PromiseTexts.NewDateN.Format(l, p.Number), Id(p),
                [DateInput(l), new CardInput(PromiseActions.ReasonKey, InputKind.Text, PromiseTexts.ReasonInput[l])]),
        }).ToList();
        var card = new Card(PromiseTexts.OverdueTitle.Format(l, overdue.Count), Lines: [.. lines, PromiseTexts.OverdueHint[l]], Actions: actions,
            PrincipleIds: [PromiseActions.KeepYourWord], Footnote: $"{PromiseTexts.KeepPrinciple[l]} `{PromiseActions.KeepYourWord}`");
        return new Reply(string.Join('\n', lines.Prepend(card.Title)), card);
    }

    private static string Line(Promise p, Person person, DateTime nowUtc)
    {
        var l = person.Language;
        var when = Formats.When(p.DueUtc, person.Zone, l);
        var mark = p.DueUtc < nowUtc ? $" — {PromiseTexts.OverdueMark[l]}" : "";
        return $"#{p.Number} {p.Account?.Name}: {p.What} · {when}{mark}";
    }
}
