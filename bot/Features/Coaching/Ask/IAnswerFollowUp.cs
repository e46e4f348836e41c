using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.Coaching.Ask;

/// <summary>
/// Something to add after the catalog's answer to a question, off the request path (a short written answer from the
/// model when one is configured). None is registered by default: the principles themselves are the answer.
/// </summary>
public interface IAnswerFollowUp
{
    void After(Turn turn, string question, IReadOnlyList<Principle> retrieved);
}
