using AccountCoachBot.Features.Coaching;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Ai.Answers;

/// <summary>
/// The seam the <c>ask</c> command calls after its offline search: a short answer in the person's language, grounded
/// in the principles the search retrieved and in the asking person's own records.
/// <list type="bullet">
/// <item><see cref="IsAvailable"/> false (no model, or its circuit is open): answer offline at once.</item>
/// <item><see cref="AnswerAsync"/> never throws and returns null on any failure (timeout, HTTP error, an answer off
/// the schema, an empty answer): the caller shows its offline answer.</item>
/// <item>A returned answer cites only ids that were among <c>retrieved</c>; an empty list means the model found none
/// of them fitting and says so in <see cref="CoachAnswer.Text"/>.</item>
/// </list>
/// It can take up to <c>Ai:Timeout</c>: call it off the request path — answer the turn at once, and in
/// <c>AfterTurn.Add(() =&gt; followUps.Start(…))</c> (<see cref="AiFollowUps"/>) return the model's answer, or the
/// offline one when this returns null.
/// </summary>
public interface ICoachAnswerer
{
    bool IsAvailable { get; }

    Task<CoachAnswer?> AnswerAsync(string question, IReadOnlyList<Principle> retrieved, PersonContext person, CancellationToken ct);
}

/// <summary>The model's answer after checking: its text, and the cited ids that were retrieved, in order, once each.</summary>
public sealed record CoachAnswer(string Text, IReadOnlyList<string> PrincipleIds);

/// <summary>
/// What the model may know about the person asking, minimised: their language, and one line each for a few of
/// their own open promises, upcoming meetings and notes on the client's people. Load it with
/// <see cref="PersonContexts.LoadAsync"/>, which reads only that person's rows.
/// </summary>
public sealed record PersonContext(Language Language, IReadOnlyList<string> OpenPromises, IReadOnlyList<string> Meetings, IReadOnlyList<string> Notes)
{
    public static PersonContext Empty(Language language) => new(language, [], [], []);
}
