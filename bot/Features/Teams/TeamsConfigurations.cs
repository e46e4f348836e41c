using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AccountCoachBot.Features.Teams;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> e)
    {
        e.ToTable("Teams");
        e.Property(t => t.Name).HasMaxLength(100);
        e.Property(t => t.NormalizedName).HasMaxLength(100);
        e.HasIndex(t => t.NormalizedName).IsUnique();
        e.HasIndex(t => t.LeadId);
        // A lead who is forgotten leaves the team leaderless, not deleted with its members.
        e.HasOne<Person>().WithMany().HasForeignKey(t => t.LeadId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> e)
    {
        e.ToTable("TeamMembers");
        e.HasKey(m => new { m.TeamId, m.PersonId });
        e.HasIndex(m => m.PersonId);
        e.HasOne<Team>().WithMany().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TeamAdminConfiguration : IEntityTypeConfiguration<TeamAdmin>
{
    public void Configure(EntityTypeBuilder<TeamAdmin> e)
    {
        e.ToTable("TeamAdmins");
        e.HasKey(a => a.Slot);
        e.Property(a => a.Slot).ValueGeneratedNever();
        e.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KudosConfiguration : IEntityTypeConfiguration<Kudos>
{
    public void Configure(EntityTypeBuilder<Kudos> e)
    {
        e.ToTable("Kudos");
        e.Property(k => k.Text).HasMaxLength(500);
        e.HasIndex(k => new { k.ToId, k.AtUtc });
        e.HasIndex(k => k.FromId);
        e.HasOne<Person>().WithMany().HasForeignKey(k => k.FromId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Person>().WithMany().HasForeignKey(k => k.ToId).OnDelete(DeleteBehavior.Cascade);
    }
}
