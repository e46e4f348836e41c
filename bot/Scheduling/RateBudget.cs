using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AccountCoachBot.Scheduling;

/// <summary>
/// One shared rate limit's state (<see cref="SharedBudget"/>): the instant, in UTC ticks, from which the budget is
/// whole again. Ticks rather than a date so one UPDATE can do the arithmetic alike on SQLite and PostgreSQL.
/// </summary>
public sealed class RateBudget
{
    public string Key { get; set; } = "";

    public long NextTicks { get; set; }

    /// <summary>
    /// The budget's interval and tolerance as last taken (<see cref="SharedRateLimit"/>), so that a claim can tell in SQL
    /// how many sends the budget has room for (<see cref="OutboxClaims"/>). Zero: not known yet.
    /// </summary>
    public long StepTicks { get; set; }

    public long ToleranceTicks { get; set; }
}

internal sealed class RateBudgetConfiguration : IEntityTypeConfiguration<RateBudget>
{
    public void Configure(EntityTypeBuilder<RateBudget> e)
    {
        e.ToTable("RateBudgets");
        e.HasKey(b => b.Key);
        e.Property(b => b.Key).HasMaxLength(200);
    }
}
