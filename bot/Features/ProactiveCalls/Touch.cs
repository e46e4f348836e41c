using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AccountCoachBot.Features.ProactiveCalls;

public enum TouchKind
{
    /// <summary>A call logged (`called Acme: …`, the Called button).</summary>
    Call = 0,

    /// <summary>A promise to the client kept (Done).</summary>
    PromiseDone = 1,

    /// <summary>A meeting with the client (MeetingPrep, later).</summary>
    Meeting = 2,

    /// <summary>A last-contact date from a CSV import.</summary>
    Imported = 3,

    /// <summary>A nudge skipped, with the reason: not a contact, kept for the history (and a lead's digest).</summary>
    Skipped = 4,
}

/// <summary>One contact with a client (or a skipped nudge): the history behind an account's last-contact date.</summary>
public sealed class Touch
{
    public long Id { get; set; }
    public int AccountId { get; set; }

    /// <summary>Who logged it, when a person did.</summary>
    public int? PersonId { get; set; }

    public TouchKind Kind { get; set; }
    public DateTime AtUtc { get; set; }
    public string? Note { get; set; }

    /// <summary>What it came from, e.g. "promise:12".</summary>
    public string? Source { get; set; }

    public static bool IsContact(TouchKind kind) => kind != TouchKind.Skipped;
}

internal sealed class TouchConfiguration : IEntityTypeConfiguration<Touch>
{
    public void Configure(EntityTypeBuilder<Touch> e)
    {
        e.ToTable("Touches");
        e.Property(t => t.Note).HasMaxLength(1000);
        e.Property(t => t.Source).HasMaxLength(100);
        e.HasOne<Account>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Person>().WithMany().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.SetNull);
        // Kind too, so a digest reads a team's contacts from the index alone.
        e.HasIndex(t => new { t.AccountId, t.AtUtc, t.Kind });
    }
}
