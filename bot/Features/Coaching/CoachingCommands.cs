using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.Coaching;

/// <summary>"Why?" on a nudge, or `why &lt;principle-id&gt;`: the full principle and its source.</summary>
public sealed class CoachingCommands(PrincipleCatalog catalog) : ITurnHandler
{
    public const string WhyAction = "coach.why";
    public const string PrincipleKey = "principle";

    private static readonly Text UnknownPrinciple = new(
        "I don't know the principle \"{0}\". Nudges show the id to ask about, e.g. `why always-do-what-you-say`.",
        "Не знаю принципа «{0}». Напоминания показывают его id, например `почему always-do-what-you-say`.");

    public Task<IReadOnlyList<Reply>?> TryHandleAsync(Turn turn, CancellationToken ct)
    {
        string? id = null;
        if (turn.Action is { Id: WhyAction } action) id = action.Get(PrincipleKey) ?? "";
        else if (turn.Action is null && CoachingVerbs.Why.Matches(turn.Text, out var rest)) id = rest.Trim('`', ' ', '?');
        // "why do clients go quiet?" is a question for the coach, not a principle id: pass it on.
        if (id is not null && turn.Action is null && id.Contains(' ', StringComparison.Ordinal) && Ask.QuestionShape.IsQuestion(turn.Text)) id = null;
        if (id is null) return Task.FromResult<IReadOnlyList<Reply>?>(null);

        var why = WhyCommand.FormatWhy(catalog, id, turn.Language);
        Reply reply = why is null ? turn.T(UnknownPrinciple, id) : why;
        return Task.FromResult<IReadOnlyList<Reply>?>([reply]);
    }
}
