using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.Coaching.Ask;

/// <summary>
/// `ask &lt;question&gt;` (`вопрос …`), or a question typed as it comes: the principles that fit best, each with its
/// statement, next step and source, named by id like every other answer. Offline: the catalog search only.
/// When nothing fits it says so; it never makes a principle up. With a model, a short written answer grounded in
/// the same principles follows (<see cref="IAnswerFollowUp"/>); the person has the catalog's answer either way.
/// </summary>
public sealed class AskCommands(IPrincipleSearch search, PrincipleCatalog catalog, IEnumerable<IAnswerFollowUp> followUps) : ITurnHandler, IQuestionHandler
{
    public Task<IReadOnlyList<Reply>?> TryHandleAsync(Turn turn, CancellationToken ct)
    {
        if (turn.Action is not null || !CoachingVerbs.Ask.Matches(turn.Text, out var question))
            return Task.FromResult<IReadOnlyList<Reply>?>(null);
        question = question.Trim();
        IReadOnlyList<Reply> replies = question.Trim('?', '!', '.', ' ').Length == 0 ? [turn.T(AskTexts.Usage)] : [Answer(turn, question)];
        return Task.FromResult<IReadOnlyList<Reply>?>(replies);
    }

    /// <summary>Text nobody else claimed: answered when it reads as a question, passed on otherwise.</summary>
    public Task<IReadOnlyList<Reply>?> TryAnswerAsync(Turn turn, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Reply>?>(turn.Action is null && QuestionShape.IsQuestion(turn.Text) ? [Answer(turn, turn.Text.Trim())] : null);

    private Reply Answer(Turn turn, string question)
    {
        // Search in the language the question is written in; answer in the person's.
        var searchLanguage = LanguageExtensions.FromScript(question) ?? turn.Language;
        var principles = search.Find(question, searchLanguage, AskEval.Top)
            .Select(m => catalog.Find(m.Id))
            .OfType<Principle>()
            .ToList();
        if (principles.Count == 0) return turn.T(AskTexts.NothingFits);
        foreach (var followUp in followUps) followUp.After(turn, question, principles);

        var l = turn.Language;
        var lines = new List<string> { turn.T(AskTexts.Intro) };
        var n = 0;
        foreach (var p in principles)
        {
            lines.Add("");
            lines.Add($"{++n}. {p.Title(l)} `{p.Id}`");
            lines.Add(p.Statement(l));
            lines.Add(AskTexts.NextStep.Format(l, p.NextStep(l)));
            lines.Add(WhyCommand.SourceLine(p, l));
        }
        var title = turn.T(AskTexts.Title);
        var buttons = principles.Select(p => new CardAction(CoachingCommands.WhyAction, AskTexts.Why.Format(l, p.Id),
            new Dictionary<string, string> { [CoachingCommands.PrincipleKey] = p.Id })).ToList();
        return new Reply(string.Join("\n", lines),
            new Card(title, Lines: lines, Actions: buttons, PrincipleIds: principles.Select(p => p.Id).ToList()));
    }
}
