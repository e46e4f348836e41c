using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AccountCoachBot.Features.ProactiveCalls;

public enum AccountTier
{
    Standard = 0,
    Key = 1,
}

/// <summary>
/// An account's contact cadence and where its call nudges stand. One row per account (created for every
/// account, standard by default); the planner keeps <see cref="NextCheckUtc"/> so its per-minute query is an
/// index range, not a scan.
/// </summary>
public sealed class AccountCadence
{
    public int AccountId { get; set; }
    public Account? Account { get; set; }

    public AccountTier Tier { get; set; }

    /// <summary>Days between contacts when set for this account; otherwise the tier's default (key 14, standard 30).</summary>
    public int? CadenceDays { get; set; }

    /// <summary>When tracking began (account added or imported): the reference until a first contact is known.</summary>
    public DateTime StartedUtc { get; set; }

    /// <summary>The last touch with the client: a call, a promise kept, a meeting. A date-only contact is stored at the owner's local noon.</summary>
    public DateTime? LastContactUtc { get; set; }

    /// <summary>A Slack channel the account's call nudges go to (a shared address); null = the owner's own chat.</summary>
    public int? ChannelAddressId { get; set; }

    /// <summary>When the owner was told the channel can't take nudges (and how to fix it); told once, not every time.</summary>
    public DateTime? ChannelWarnedUtc { get; set; }

    /// <summary>Bumped by Snooze, Skip and an ignored nudge: each cycle is one nudge, with its own dedupe key.</summary>
    public int Cycle { get; set; }

    /// <summary>Snooze or Skip: the current cycle's nudge waits until then.</summary>
    public DateTime? DeferredUntilUtc { get; set; }

    /// <summary>The cycle the owner was last nudged about, and the outbox row (dedupe key) that carries it.</summary>
    public string? AnnouncedCycleKey { get; set; }
    public string? AnnouncedByKey { get; set; }
    public DateTime? AnnouncedUtc { get; set; }

    /// <summary>When the planner should look at this account again (approximate; the planner recomputes exactly).</summary>
    public DateTime NextCheckUtc { get; set; }

    public int EffectiveDays => CadenceDays ?? CallCadence.DefaultDays(Tier);

    /// <summary>Forget the nudge state: a new contact (or new cadence) starts a new cycle.</summary>
    public void ResetCycle()
    {
        Cycle = 0;
        DeferredUntilUtc = null;
        AnnouncedCycleKey = null;
        AnnouncedByKey = null;
        AnnouncedUtc = null;
    }
}

internal sealed class AccountCadenceConfiguration : IEntityTypeConfiguration<AccountCadence>
{
    public void Configure(EntityTypeBuilder<AccountCadence> e)
    {
        e.ToTable("AccountCadences");
        e.HasKey(c => c.AccountId);
        e.HasOne(c => c.Account).WithOne().HasForeignKey<AccountCadence>(c => c.AccountId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<ConversationAddress>().WithMany().HasForeignKey(c => c.ChannelAddressId).OnDelete(DeleteBehavior.SetNull);
        e.Property(c => c.AnnouncedCycleKey).HasMaxLength(300);
        e.Property(c => c.AnnouncedByKey).HasMaxLength(300);
        e.HasIndex(c => c.NextCheckUtc);
    }
}
