using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Promises;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AccountCoachBot.Features.MeetingPrep;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> e)
    {
        e.ToTable("Meetings");
        e.Property(m => m.TimeZoneId).HasMaxLength(100);
        e.HasIndex(m => new { m.OwnerId, m.Status, m.StartUtc });
        e.HasIndex(m => new { m.AccountId, m.StartUtc });
        e.HasIndex(m => new { m.OwnerId, m.Number }).IsUnique();
        e.HasOne(m => m.Account).WithMany().HasForeignKey(m => m.AccountId);
        e.HasOne<Person>().WithMany().HasForeignKey(m => m.OwnerId);
        e.HasMany(m => m.Answers).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.Ignore(m => m.IsAdHoc);
    }
}

internal sealed class MeetingAnswerConfiguration : IEntityTypeConfiguration<MeetingAnswer>
{
    public void Configure(EntityTypeBuilder<MeetingAnswer> e)
    {
        e.ToTable("MeetingAnswers");
        e.Property(a => a.ItemId).HasMaxLength(100);
        e.Property(a => a.Text).HasMaxLength(4000);
        e.HasIndex(a => new { a.MeetingId, a.Phase, a.ItemId }).IsUnique();
    }
}

internal sealed class MeetingPromiseConfiguration : IEntityTypeConfiguration<MeetingPromise>
{
    public void Configure(EntityTypeBuilder<MeetingPromise> e)
    {
        e.ToTable("MeetingPromises");
        e.HasKey(l => new { l.MeetingId, l.PromiseId });
        e.HasIndex(l => l.PromiseId).IsUnique();
        e.HasOne<Meeting>().WithMany().HasForeignKey(l => l.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Promise>().WithMany().HasForeignKey(l => l.PromiseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ClientContactConfiguration : IEntityTypeConfiguration<ClientContact>
{
    public void Configure(EntityTypeBuilder<ClientContact> e)
    {
        e.ToTable("ClientContacts");
        e.Property(c => c.Name).HasMaxLength(200);
        e.Property(c => c.NormalizedName).HasMaxLength(200);
        e.Property(c => c.Notes).HasMaxLength(1000);
        e.HasIndex(c => new { c.AccountId, c.NormalizedName }).IsUnique();
        e.HasIndex(c => c.OwnerId);
        e.HasOne<Account>().WithMany().HasForeignKey(c => c.AccountId);
        e.HasOne<Person>().WithMany().HasForeignKey(c => c.OwnerId);
    }
}
