using AccountCoachBot.Conversation;
using AccountCoachBot.Features.Coaching;
using AccountCoachBot.Features.Coaching.Ask;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.People.Declension;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Ai.Answers;

/// <summary>
/// After the catalog's answer to a question, the model's short written answer, grounded in the principles the search
/// retrieved and in the asking person's own records about the client the question names (if it names one). Marked as
/// AI-written. When the model fails, nothing follows: the catalog's answer stands.
/// </summary>
public sealed class ModelAnswerFollowUp(ICoachAnswerer answerer, AiFollowUps followUps, AfterTurn afterTurn) : IAnswerFollowUp
{
    public void After(Turn turn, string question, IReadOnlyList<Principle> retrieved)
    {
        if (!answerer.IsAvailable) return;
        var (personId, addressId) = (turn.Person.Id, turn.Address.Id);
        afterTurn.Add(() => followUps.Start(personId, addressId, "coach answer", async (f, ct) =>
        {
            var account = await NamedAccountAsync(f, question, ct);
            var context = await PersonContexts.LoadAsync(f.Db, f.Person, f.NowUtc, account, ct);
            return await answerer.AnswerAsync(question, retrieved, context, ct) is { } answer ? [Reply(answer, f.Person.Language)] : [];
        }));
    }

    public static Reply Reply(CoachAnswer answer, Language language)
    {
        var title = AiTexts.AnswerTitle[language];
        var footnote = answer.PrincipleIds.Count == 0 ? null : string.Join(", ", answer.PrincipleIds.Select(id => $"`{id}`"));
        var text = footnote is null ? $"{title}\n{answer.Text}" : $"{title}\n{answer.Text}\n{footnote}";
        return new Reply(text, new Card(title, Lines: [answer.Text], PrincipleIds: answer.PrincipleIds, Footnote: footnote));
    }

    // The client the question is about, in any case of its name («про Ромашку»): only that client's records are given.
    private static async Task<string?> NamedAccountAsync(FollowUpContext f, string question, CancellationToken ct)
    {
        var names = await f.Db.Accounts.Where(a => a.OwnerId == f.Person.Id).Select(a => a.Name).ToListAsync(ct);
        var words = question.Split([' ', ',', '.', '?', '!', ':', ';', '«', '»', '"'], StringSplitOptions.RemoveEmptyEntries);
        return names.FirstOrDefault(n => question.Contains(n, StringComparison.OrdinalIgnoreCase)
            || (!n.Contains(' ') && words.Any(w => RussianNames.IsWordFormOf(w, n))));
    }
}
