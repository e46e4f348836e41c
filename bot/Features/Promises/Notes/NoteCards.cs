using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.People.Declension;

namespace AccountCoachBot.Features.Promises.Notes;

/// <summary>
/// Replies that carry a note: the coach's line to the manager, then the note in a block of its own (<see cref="CardNote"/>)
/// that the channel lets them copy as it is. The first Russian note without a known gender adds, once, how to set it.
/// </summary>
internal static class NoteCards
{
    /// <summary>After a move with a reason: "Moved to … Tell Olga today…", and the note.</summary>
    public static Reply Moved(Person person, Promise promise, DateTime oldDueUtc, DateTime newDueUtc, string? reason, DateTime nowUtc)
    {
        var l = person.Language;
        var (oldWhen, newWhen) = (Formats.Day(oldDueUtc, person.Zone, l), Formats.Day(newDueUtc, person.Zone, l));
        var coaching = PromiseTexts.Moved.Format(l, newWhen, Whom(promise, l), oldWhen);
        var note = ClientNotes.Move(NoteAuthor.Of(person, nowUtc), promise, oldDueUtc, newDueUtc, reason);
        return WithNote(person, coaching, note, NoteTexts.ReadyToSend[l], principle: true);
    }

    /// <summary>After a cancel: "Cancelled: … Tell Acme today, and say why.", and the note.</summary>
    public static Reply Cancelled(Person person, Promise promise, string? reason, DateTime nowUtc, CardAction? undo)
    {
        var l = person.Language;
        var coaching = NoteTexts.CancelledTell.Format(l, promise.What, Whom(promise, l));
        var note = ClientNotes.Cancel(NoteAuthor.Of(person, nowUtc), promise, reason);
        var reply = WithNote(person, coaching, note, NoteTexts.ReadyToSend[l], principle: false);
        return undo is null ? reply : reply with { Card = reply.Card! with { Actions = [undo] } };
    }

    /// <summary>`note 3`: the promise's last move or cancel note again, written as it was then.</summary>
    public static Reply Again(Person person, Promise promise, PromiseEvent change)
    {
        var l = person.Language;
        var author = NoteAuthor.Of(person, change.AtUtc);
        string title, note;
        if (change.Kind == PromiseEventKind.Cancelled)
        {
            title = NoteTexts.NoteOfCancel.Format(l, promise.Number);
            note = ClientNotes.Cancel(author, promise, change.Reason);
        }
        else
        {
            var newDue = change.NewDueUtc ?? promise.DueUtc;
            title = NoteTexts.NoteOfMove.Format(l, promise.Number, Formats.Day(newDue, person.Zone, l));
            note = ClientNotes.Move(author, promise, change.OldDueUtc ?? newDue, newDue, change.Reason);
        }
        return new Reply($"{title}\n{note}", new Card(title) { Note = new CardNote(NoteTexts.ReadyToSend[l], note) });
    }

    /// <summary>The client (or their contact) in the case the coach's sentence needs: «Скажите Ромашке», «Скажите Ольге».</summary>
    private static string Whom(Promise promise, Language l)
    {
        var who = string.IsNullOrWhiteSpace(promise.Contact) ? promise.Account!.Name : promise.Contact;
        return l == Language.Ru ? RussianNames.Form(who, RussianCase.Dative) : who;
    }

    private static Reply WithNote(Person person, string coaching, string note, string label, bool principle)
    {
        var l = person.Language;
        var lines = new List<string>();
        if (ClientNotes.WouldUseGender(NoteAuthor.Of(person, default)) && !person.GenderAsked)
        {
            // Asked once, kindly; the note above already reads well without it.
            lines.Add(NoteTexts.AskGender[l]);
            person.GenderAsked = true;
        }
        var card = new Card(coaching, Lines: lines,
            PrincipleIds: principle ? [PromiseActions.KeepYourWord] : null,
            Footnote: principle ? $"{PromiseTexts.KeepPrinciple[l]} `{PromiseActions.KeepYourWord}`" : null)
        { Note = new CardNote(label, note) };
        var text = string.Join('\n', new[] { coaching, label, note }.Concat(lines));
        return new Reply(text, card);
    }
}
