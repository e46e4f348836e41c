using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Features.Promises;

/// <summary>
/// Who acts on their promises, where (reminders of a new promise go back there) and when: what every promise use case
/// is given instead of a chat turn, so the chat, calendar sync, the AI coach or the digest can call it alike.
/// </summary>
public sealed record PromiseActor(Person Person, ConversationAddress Address, DateTime NowUtc)
{
    /// <summary>One of the actor's own promises by its id: the re-check every change starts with (a button names the id).</summary>
    internal Task<Promise?> OwnAsync(CoachDbContext db, int promiseId, CancellationToken ct) =>
        db.Promises.Include(p => p.Account).Include(p => p.History)
            .FirstOrDefaultAsync(p => p.Id == promiseId && p.OwnerId == Person.Id, ct);
}

/// <summary>How a change to a promise ended.</summary>
public enum PromiseChangeStatus
{
    Changed = 0,

    /// <summary>Not one of the actor's promises (or gone): nothing changed.</summary>
    NotFound = 1,

    /// <summary>Done or cancelled already: nothing changed.</summary>
    Closed = 2,

    /// <summary>The new due time is not in the future: nothing changed.</summary>
    DueInPast = 3,
}

/// <summary>The outcome of a change: the promise as it is now, and the undo row that can take the change back (when it can be).</summary>
public sealed record PromiseChangeResult(PromiseChangeStatus Status, Promise? Promise = null, Undo.UndoEntry? Undo = null)
{
    public static PromiseChangeResult NotFound { get; } = new(PromiseChangeStatus.NotFound);

    public static PromiseChangeResult Closed(Promise promise) => new(PromiseChangeStatus.Closed, promise);
}
