using AccountCoachBot.Conversation;

namespace AccountCoachBot.Features.MeetingPrep;

/// <summary>
/// Something to add after a brief is shown, off the request path (the AI-written summary when a model is
/// configured). None is registered by default: the brief itself is the answer.
/// </summary>
public interface IBriefFollowUp
{
    void After(Turn turn, Meeting meeting, Reply brief);
}
