using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AccountCoachBot.Features.Calendar;

/// <summary>
/// An email domain of a client account (`account Acme domain acme.com`): a calendar attendee from it makes the
/// event a meeting with that client. Stored lower-case ASCII (an IDN as punycode); one account per domain per owner.
/// </summary>
public sealed class AccountDomain
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public Account? Account { get; set; }
    public string Domain { get; set; } = "";
}

internal sealed class AccountDomainConfiguration : IEntityTypeConfiguration<AccountDomain>
{
    public void Configure(EntityTypeBuilder<AccountDomain> e)
    {
        e.ToTable("AccountDomains");
        e.Property(d => d.Domain).HasMaxLength(253);
        e.HasIndex(d => new { d.AccountId, d.Domain }).IsUnique();
        e.HasIndex(d => d.Domain);
        e.HasOne(d => d.Account).WithMany().HasForeignKey(d => d.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
