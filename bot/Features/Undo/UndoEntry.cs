using System.Text.Json;
using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AccountCoachBot.Features.Undo;

/// <summary>
/// One change a person made that `undo` can take back within <see cref="UndoLog.Window"/>: what it was (a feature's
/// kind), what it touched, the state the feature needs to put back, and the nudges it withdrew and wrote.
/// </summary>
/// <remarks>
/// A table of its own rather than a reading of <c>PromiseEvent</c> history: the history says a promise was done, not
/// which reminders that withdrew, and a logged call leaves no promise event at all, only a reset cadence whose old
/// state would be lost. Only the person's last change is kept (older rows go when a new one is written).
/// </remarks>
public sealed class UndoEntry
{
    public long Id { get; set; }
    public int PersonId { get; set; }

    /// <summary>The feature's name for the change, e.g. "promise.done", "call.logged".</summary>
    public string Kind { get; set; } = "";

    /// <summary>What it changed, in outbox terms ("promise:12", "account:5"); no key, so an undo row never holds a subject back.</summary>
    public string SubjectId { get; set; } = "";

    public DateTime AtUtc { get; set; }
    public DateTime? UndoneUtc { get; set; }

    /// <summary>The feature's own record of what to put back (JSON).</summary>
    public string State { get; set; } = "{}";

    /// <summary>Outbox rows the change withdrew (pending before, skipped after): undo brings them back.</summary>
    public List<long> WithdrawnNudges { get; set; } = [];

    /// <summary>Outbox rows the change wrote or revived: undo withdraws those still pending.</summary>
    public List<long> AddedNudges { get; set; } = [];

    public T StateAs<T>() => JsonSerializer.Deserialize<T>(State)!;
}

internal sealed class UndoEntryConfiguration : IEntityTypeConfiguration<UndoEntry>
{
    public void Configure(EntityTypeBuilder<UndoEntry> e)
    {
        e.ToTable("UndoEntries");
        e.Property(u => u.Kind).HasMaxLength(50);
        e.Property(u => u.SubjectId).HasMaxLength(100);
        e.Property(u => u.State).HasMaxLength(4000);
        e.PrimitiveCollection(u => u.WithdrawnNudges);
        e.PrimitiveCollection(u => u.AddedNudges);
        e.HasOne<Person>().WithMany().HasForeignKey(u => u.PersonId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(u => u.PersonId);
    }
}
