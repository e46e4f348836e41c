namespace AccountCoachBot.Conversation;

/// <summary>
/// A feature's entry point into the pipeline. Handlers are asked in <see cref="Order"/>; the first that
/// returns replies owns the turn.
/// </summary>
public interface ITurnHandler
{
    int Order { get; }

    Task<IReadOnlyList<Reply>?> TryHandleAsync(Turn turn, CancellationToken ct);
}
