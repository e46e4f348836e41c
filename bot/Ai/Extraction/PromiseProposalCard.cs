using System.Globalization;
using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Promises;

namespace AccountCoachBot.Ai.Extraction;

/// <summary>
/// The model never saves anything: a reading becomes a card whose buttons carry the promise, and only a tap saves it
/// (through the promises slice's own create action, which re-checks everything and asks for what is missing).
/// </summary>
public static class PromiseProposalCard
{
    public static Reply For(IReadOnlyList<PromiseReading> readings, Person person)
    {
        var l = person.Language;
        var one = readings.Count == 1;
        var title = (one ? AiTexts.ProposalTitle : AiTexts.TwoReadingsTitle)[l];
        var lines = readings.Select((r, i) => one ? Line(r, person) : $"{i + 1}. {Line(r, person)}").ToList();
        var actions = readings.Select((r, i) =>
                new CardAction(PromiseActions.Create, one ? AiTexts.Save[l] : AiTexts.SaveReading.Format(l, i + 1), Payload(r)))
            .Append(new CardAction(AiButtons.Dismiss, AiTexts.NotAPromise[l]))
            .ToList();
        return new Reply(string.Join('\n', lines.Prepend(title)), new Card(title, Lines: lines, Actions: actions));
    }

    public static string Line(PromiseReading r, Person person)
    {
        var l = person.Language;
        var client = r.Account is null ? AiTexts.NoClient[l] : r.IsKnownAccount ? r.Account : AiTexts.NewClient.Format(l, r.Account);
        var who = r.Contact is null ? client : $"{client} ({r.Contact})";
        var when = r.DueUtc is { } due ? Formats.When(due, person.Zone, l) : AiTexts.NoDate[l];
        return $"{who}: {r.Action} — {when}";
    }

    /// <summary>What the create action needs; a new client is confirmed by this very tap (its label says "new client").</summary>
    public static Dictionary<string, string> Payload(PromiseReading r)
    {
        var payload = new Dictionary<string, string> { [PromiseActions.WhatKey] = r.Action };
        if (r.Account is not null)
        {
            payload[PromiseActions.AccountKey] = r.Account;
            payload[PromiseActions.ConfirmKey] = "yes";
        }
        if (r.Contact is not null) payload[PromiseActions.ContactKey] = r.Contact;
        if (r.DueUtc is { } due) payload[PromiseActions.DueKey] = new DateTimeOffset(due, TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture);
        return payload;
    }
}
