using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Promises;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.MeetingPrep;

/// <summary>
/// One answer to a checklist item, and what it means: the client's attendees become contacts; in the debrief,
/// their people become contacts and what was promised becomes tracked promises (the first time it is answered).
/// A skip word or blank is an empty answer.
/// </summary>
public sealed record AnswerChecklist(int MeetingId, MeetingPhase Phase, string ItemId, string Text);

/// <summary>What the answer produced; <see cref="HasOutcome"/> when it is one whose outcome is shown.</summary>
public sealed record ChecklistAnswered(bool HasOutcome, IReadOnlyList<Promise> Created, IReadOnlyList<PromiseLine> Undated, IReadOnlyList<string> People)
{
    public static readonly ChecklistAnswered Nothing = new(false, [], [], []);
}

public sealed class AnswerChecklistHandler(MeetingChecklists checklists)
{
    /// <summary>Null (nothing stored) when the meeting is not the person's, or the item is not on the checklist.</summary>
    public async Task<ChecklistAnswered?> HandleAsync(CoachDbContext db, Person person, ConversationAddress address, AnswerChecklist command, DateTime nowUtc, CancellationToken ct)
    {
        var meeting = await db.Set<Meeting>().Include(m => m.Account).Include(m => m.Answers)
            .FirstOrDefaultAsync(m => m.Id == command.MeetingId && m.OwnerId == person.Id, ct);
        var item = checklists.For(command.Phase).Find(command.ItemId);
        if (meeting is null || item is null) return null;
        var text = BriefRules.IsSkip(command.Text) ? "" : command.Text;
        var answered = await RecordAsync(db, person, address, meeting, command.Phase, item, text, nowUtc, ct);
        await db.SaveChangesAsync(ct);
        return answered;
    }

    internal static async Task<ChecklistAnswered> RecordAsync(CoachDbContext db, Person person, ConversationAddress address, Meeting meeting,
        MeetingPhase phase, ChecklistItem item, string text, DateTime nowUtc, CancellationToken ct)
    {
        text = text.Trim();
        if (text.Length > 4000) text = text[..4000];
        var existing = meeting.Answers.FirstOrDefault(a => a.Phase == phase && a.ItemId == item.Id);
        if (existing is null)
            meeting.Answers.Add(new MeetingAnswer { Phase = phase, ItemId = item.Id, Text = text, AnsweredUtc = nowUtc });
        else
        {
            existing.Text = text;
            existing.AnsweredUtc = nowUtc;
        }

        if (phase == MeetingPhase.Prep && item.Id == ChecklistItemIds.ClientAttendees)
        {
            await ContactNotes.RememberAsync(db, meeting, ContactNotes.Parse(text, allowBareNames: true), nowUtc, ct);
            return ChecklistAnswered.Nothing;
        }
        if (phase == MeetingPhase.Debrief && item.Id == ChecklistItemIds.TheirPeople)
        {
            var people = await ContactNotes.RememberAsync(db, meeting, ContactNotes.Parse(text, allowBareNames: false), nowUtc, ct);
            return new ChecklistAnswered(true, [], [], people);
        }
        if (phase == MeetingPhase.Debrief && item.Id == ChecklistItemIds.Promised && existing is null)
        {
            var lines = DebriefPromises.Parse(text, await MeetingWords.ContextAsync(db, person, nowUtc, ct));
            var (created, undated) = await DebriefPromises.CreateAsync(db, meeting, person, address, lines, nowUtc, ct);
            return new ChecklistAnswered(true, created, undated, []);
        }
        return ChecklistAnswered.Nothing;
    }
}
