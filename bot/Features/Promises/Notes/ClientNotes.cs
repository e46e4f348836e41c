using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.People.Declension;

namespace AccountCoachBot.Features.Promises.Notes;

/// <summary>Who the note is written for and when: the manager's language, gender and zone, and now (for the year rule).</summary>
public sealed record NoteAuthor(Language Language, GrammaticalGender Gender, TimeZoneInfo Zone, DateTime NowUtc)
{
    public static NoteAuthor Of(Person person, DateTime nowUtc) => new(person.Language, person.Gender, person.Zone, nowUtc);
}

/// <summary>
/// The notes a manager sends a client as they are: a greeting (with the contact's name when the promise has one),
/// what was promised in a grammatical clause, the new date or the cancellation with its reason, and an apology or
/// thanks; and the debrief's follow-up that lists what was promised in a meeting. Two or three sentences, dates
/// written out, nothing in brackets.
/// </summary>
public static class ClientNotes
{
    /// <summary>"Olga, I promised to send you the revised quote by Tuesday, 1 December. I need until Friday, 4 December, because …"</summary>
    public static string Move(NoteAuthor author, Promise promise, DateTime oldDueUtc, DateTime newDueUtc, string? reason)
    {
        var l = author.Language;
        var because = NoteWording.Reason(reason, l, promise.Contact, promise.Account?.Name);
        var newDay = NoteDates.Full(newDueUtc, author.Zone, l, author.NowUtc, RussianCase.Accusative);
        var need = because is null ? NoteTexts.NeedUntil.Format(l, newDay) : NoteTexts.NeedUntilBecause.Format(l, newDay, because);
        return Greet(l, promise.Contact, $"{Promised(author, promise, oldDueUtc)} {need} {NoteTexts.MoveApology[l]}");
    }

    /// <summary>"Olga, I promised to … by …. I'm afraid I won't be able to do it, because …"</summary>
    public static string Cancel(NoteAuthor author, Promise promise, string? reason)
    {
        var l = author.Language;
        var because = NoteWording.Reason(reason, l, promise.Contact, promise.Account?.Name);
        var wont = because is null ? NoteTexts.WontDo[l] : NoteTexts.WontDoBecause.Format(l, because);
        return Greet(l, promise.Contact, $"{Promised(author, promise, promise.DueUtc)} {wont} {NoteTexts.CancelApology[l]}");
    }

    /// <summary>"Thank you for the meeting. As agreed, I will send you … by …, and … by …. If I have missed anything, …"</summary>
    public static string FollowUp(NoteAuthor author, IReadOnlyList<Promise> promises)
    {
        var l = author.Language;
        var items = promises.OrderBy(p => p.DueUtc).Select(p => NoteTexts.ItemBy.Format(l,
            NoteWording.Action(p.What, l), NoteDates.Full(p.DueUtc, author.Zone, l, author.NowUtc, RussianCase.Genitive))).ToList();
        // Every item ends in a date set off by a comma, so the next one follows a comma too: "…, 4 December, and …".
        var list = items.Count == 1 ? items[0] : $"{string.Join(", ", items.Take(items.Count - 1))}, {NoteTexts.And[l]} {items[^1]}";
        var contacts = promises.Select(p => p.Contact).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var contact = contacts.Count == 1 ? contacts[0] : null;
        return Greet(l, contact, $"{NoteTexts.ThanksForMeeting[l]} {NoteTexts.AsAgreed.Format(l, list)} {NoteTexts.AnythingMissed[l]}");
    }

    private static string Promised(NoteAuthor author, Promise promise, DateTime dueUtc)
    {
        var l = author.Language;
        var text = author.Gender switch
        {
            GrammaticalGender.Masculine => NoteTexts.PromisedMasculine,
            GrammaticalGender.Feminine => NoteTexts.PromisedFeminine,
            _ => NoteTexts.Promised,
        };
        return text.Format(l, NoteWording.Action(promise.What, l), NoteDates.Full(dueUtc, author.Zone, l, author.NowUtc, RussianCase.Genitive));
    }

    // "Olga, I promised…" / «Ольга, добрый день! Я обещала…»; without a contact, Russian still opens with a greeting.
    private static string Greet(Language l, string? contact, string body)
    {
        if (string.IsNullOrWhiteSpace(contact)) return NoteTexts.GreetUnnamed.Format(l, body);
        // English goes on after the comma: "Olga, thank you…" (but "Olga, I…").
        if (l == Language.En && !body.StartsWith("I ", StringComparison.Ordinal)) body = char.ToLowerInvariant(body[0]) + body[1..];
        return NoteTexts.GreetNamed.Format(l, contact.Trim(), body);
    }

    /// <summary>Would a note in this language read better with the manager's gender than without it?</summary>
    public static bool WouldUseGender(NoteAuthor author) => author.Language == Language.Ru && author.Gender == GrammaticalGender.Unknown;
}
