using AccountCoachBot.Features.MeetingPrep;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Promises;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Data;

/// <summary>
/// Gives each person's promises, meetings and accounts their own numbers (<see cref="IOwnNumbered"/>). The one place
/// numbers are given: <see cref="CoachDbContext"/> numbers every new row as it is saved, and a row moving to another
/// person (chats linked) is numbered anew with <see cref="MoveAsync{T}"/>. The last number given per kind is kept on
/// the person, so a cancelled or deleted row's number is never given again.
/// </summary>
public static class OwnNumbers
{
    /// <summary>The counter on <see cref="Person"/> for each numbered kind.</summary>
    private static readonly Dictionary<Type, string> Counters = new()
    {
        [typeof(Promise)] = nameof(Person.LastPromiseNumber),
        [typeof(Meeting)] = nameof(Person.LastMeetingNumber),
        [typeof(Account)] = nameof(Person.LastAccountNumber),
    };

    public static IReadOnlyCollection<Type> Kinds => Counters.Keys;

    /// <summary>
    /// The owner's next number of kind <typeparamref name="T"/>. The counter is raised in the database, in the caller's
    /// transaction: a turn holds SQLite's write lock for its whole transaction, so two turns never get the same
    /// number; elsewhere the unique index on (owner, number) is the guard.
    /// </summary>
    public static Task<int> NextAsync<T>(CoachDbContext db, int ownerId, CancellationToken ct) where T : IOwnNumbered =>
        NextAsync(db, typeof(T), ownerId, ct);

    private static async Task<int> NextAsync(CoachDbContext db, Type kind, int ownerId, CancellationToken ct)
    {
        var counter = Counters[kind];
        var tracked = db.People.Local.FirstOrDefault(p => p.Id == ownerId);
        var entry = tracked is null ? null : db.Entry(tracked);
        if (entry is { State: EntityState.Added })
        {
            // Not in the database yet: nobody else can number its rows.
            var next = entry.Property<int>(counter).CurrentValue + 1;
            entry.Property<int>(counter).CurrentValue = next;
            return next;
        }

        var raised = await db.People.Where(p => p.Id == ownerId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => EF.Property<int>(p, counter), p => EF.Property<int>(p, counter) + 1), ct);
        if (raised != 1) throw new InvalidOperationException($"Person {ownerId} is not saved: their {kind.Name} cannot be numbered.");
        var number = await db.People.Where(p => p.Id == ownerId).Select(p => EF.Property<int>(p, counter)).SingleAsync(ct);
        if (entry is not null)
        {
            // Keep the tracked person in step, so saving it never writes an older counter back.
            entry.Property<int>(counter).OriginalValue = number;
            entry.Property<int>(counter).CurrentValue = number;
        }
        return number;
    }

    /// <summary>Numbers the new rows about to be saved; called by <see cref="CoachDbContext"/> before every save.</summary>
    internal static async Task NumberNewRowsAsync(CoachDbContext db, CancellationToken ct)
    {
        var added = db.ChangeTracker.Entries()
            .Where(e => e.State == EntityState.Added && e.Entity is IOwnNumbered { Number: 0 })
            .Select(e => (IOwnNumbered)e.Entity)
            .ToList();
        foreach (var row in added)
        {
            if (!Counters.ContainsKey(row.GetType())) throw new InvalidOperationException($"{row.GetType().Name} has no own-number counter on Person.");
            row.Number = await NextAsync(db, row.GetType(), row.OwnerId, ct);
        }
    }

    /// <summary>
    /// Gives <paramref name="rows"/> to another person: each gets that person's next number, in the order of its old one.
    /// The old numbers may be taken there already; one statement per row changes owner and number together.
    /// </summary>
    public static async Task MoveAsync<T>(CoachDbContext db, IQueryable<T> rows, int intoOwnerId, CancellationToken ct) where T : class, IOwnNumbered
    {
        var ids = await rows.OrderBy(r => EF.Property<int>(r, nameof(IOwnNumbered.Number))).ThenBy(r => EF.Property<int>(r, nameof(IOwnNumbered.Id)))
            .Select(r => EF.Property<int>(r, nameof(IOwnNumbered.Id))).ToListAsync(ct);
        foreach (var id in ids)
        {
            var number = await NextAsync<T>(db, intoOwnerId, ct);
            await db.Set<T>().Where(r => EF.Property<int>(r, nameof(IOwnNumbered.Id)) == id).ExecuteUpdateAsync(s => s
                .SetProperty(r => EF.Property<int>(r, nameof(IOwnNumbered.OwnerId)), intoOwnerId)
                .SetProperty(r => EF.Property<int>(r, nameof(IOwnNumbered.Number)), number), ct);
        }
    }
}
