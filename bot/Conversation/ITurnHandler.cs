namespace AccountCoachBot.Conversation;

/// <summary>
/// A feature's entry point into the pipeline. It is asked only about what its registration routes to it
/// (<see cref="TurnRouting.AddTurnHandler{THandler}"/>): a button id it owns, or text starting with one of its verbs.
/// Returning null passes the turn on (to another handler whose verb matched less specifically, then the free-text fallback).
/// </summary>
public interface ITurnHandler
{
    Task<IReadOnlyList<Reply>?> TryHandleAsync(Turn turn, CancellationToken ct);
}

/// <summary>The one handler that reads text no verb claimed (a promise said in passing).</summary>
public interface IFreeTextHandler
{
    Task<IReadOnlyList<Reply>?> TryCaptureAsync(Turn turn, CancellationToken ct);
}

/// <summary>The one handler that answers a question nobody else claimed (after promise capture): the coach.</summary>
public interface IQuestionHandler
{
    Task<IReadOnlyList<Reply>?> TryAnswerAsync(Turn turn, CancellationToken ct);
}
