using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AccountCoachBot.Features.Digests;

/// <summary>
/// How a team's weekly digest is delivered: on or off, where (a shared conversation, else the lead's own chat) and
/// when (a weekday and a time in the lead's zone). A team without a row gets the defaults: on, the lead's chat,
/// Monday 09:00. Team-owned: the place is an address, set to null when the address goes (the lead's chat again).
/// </summary>
public sealed class DigestDelivery
{
    public static readonly TimeOnly DefaultTime = new(9, 0);

    public int TeamId { get; set; }
    public bool Off { get; set; }

    /// <summary>A Teams channel or group chat, or a Slack channel; null is the lead's own chat.</summary>
    public int? AddressId { get; set; }

    public DayOfWeek Day { get; set; } = DayOfWeek.Monday;
    public TimeOnly Time { get; set; } = DefaultTime;
    public DateTime UpdatedUtc { get; set; }

    public static DigestDelivery Default(int teamId) => new() { TeamId = teamId };
}

internal sealed class DigestDeliveryConfiguration : IEntityTypeConfiguration<DigestDelivery>
{
    public void Configure(EntityTypeBuilder<DigestDelivery> e)
    {
        e.ToTable("DigestDeliveries");
        e.HasKey(d => d.TeamId);
        e.Property(d => d.TeamId).ValueGeneratedNever();
        e.HasOne<Team>().WithMany().HasForeignKey(d => d.TeamId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<ConversationAddress>().WithMany().HasForeignKey(d => d.AddressId).OnDelete(DeleteBehavior.SetNull);
        e.HasIndex(d => d.AddressId);
    }
}
