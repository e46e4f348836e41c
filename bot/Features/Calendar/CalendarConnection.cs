using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AccountCoachBot.Features.Calendar;

public enum CalendarKind
{
    /// <summary>An ICS feed at a secret address (Google, Outlook's published calendar, any CalDAV server).</summary>
    Ics = 0,

    /// <summary>The person's Outlook calendar, read through Microsoft Graph with the bot's own app (Teams only).</summary>
    Graph = 1,
}

/// <summary>
/// A person's calendar: where it is read from, when it is read next, and the trouble with it the person was told
/// about. One per person. The feed's address is a secret (anyone with it reads the calendar): it is kept only
/// encrypted (<see cref="CalendarSecrets"/>) and shown as its host.
/// </summary>
public sealed class CalendarConnection
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public CalendarKind Kind { get; set; }

    /// <summary>The feed's address, encrypted with ASP.NET Core Data Protection.</summary>
    public string ProtectedAddress { get; set; } = "";

    /// <summary>What may be shown of it: `calendar.google.com/…`.</summary>
    public string Shown { get; set; } = "";

    /// <summary>Where it was connected: problems are told there, and its meetings' nudges go there.</summary>
    public int AddressId { get; set; }

    public DateTime ConnectedUtc { get; set; }
    public DateTime NextReadUtc { get; set; }
    public DateTime? LastReadUtc { get; set; }

    /// <summary>Reads failed in a row; spaces the retries out.</summary>
    public int Failures { get; set; }

    /// <summary>The problem the person was last told about (a <see cref="FeedProblem"/> name); cleared by a good read.</summary>
    public string? ToldProblem { get; set; }
}

internal sealed class CalendarConnectionConfiguration : IEntityTypeConfiguration<CalendarConnection>
{
    public void Configure(EntityTypeBuilder<CalendarConnection> e)
    {
        e.ToTable("CalendarConnections");
        e.Property(c => c.ProtectedAddress).HasMaxLength(8000);
        e.Property(c => c.Shown).HasMaxLength(300);
        e.Property(c => c.ToldProblem).HasMaxLength(50);
        e.HasIndex(c => c.PersonId).IsUnique();
        e.HasIndex(c => c.NextReadUtc);
        e.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<ConversationAddress>().WithMany().HasForeignKey(c => c.AddressId).OnDelete(DeleteBehavior.Cascade);
    }
}
