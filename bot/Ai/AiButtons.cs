using AccountCoachBot.Conversation;

namespace AccountCoachBot.Ai;

/// <summary>The buttons of the model's proposals that are not another slice's: "Not a promise".</summary>
public sealed class AiButtons : ITurnHandler
{
    public const string Dismiss = "ai.dismiss";

    public Task<IReadOnlyList<Reply>?> TryHandleAsync(Turn turn, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Reply>?>(turn.Action?.Id == Dismiss ? [turn.T(AiTexts.Dismissed)] : null);
}
