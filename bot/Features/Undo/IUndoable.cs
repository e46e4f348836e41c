using AccountCoachBot.Data;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.Undo;

/// <summary>A feature's part of undo: puts back the state one of its changes recorded (the nudges are <see cref="UndoLog"/>'s).</summary>
public interface IUndoable
{
    bool Handles(string kind);

    /// <summary>
    /// Reverts the change and returns the line saying what was undone, in the person's language; or returns
    /// <see cref="UndoOutcome.Changed"/> with a line saying why not, when the subject has changed since (nothing is touched then).
    /// </summary>
    Task<UndoOutcome> RevertAsync(CoachDbContext db, UndoEntry entry, Person person, DateTime nowUtc, CancellationToken ct);
}

public sealed record UndoOutcome(bool Undone, string Text)
{
    public static UndoOutcome Done(string text) => new(true, text);

    public static UndoOutcome Changed(string text) => new(false, text);
}
