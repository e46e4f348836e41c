using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AccountCoachBot.Features.ProactiveCalls;

/// <summary>A person's choices about call nudges: on or off, and how many single nudges a day before the rest come bundled.</summary>
public sealed class NudgePreferences
{
    public const int DefaultDailyCallBudget = 3;

    public int PersonId { get; set; }

    /// <summary>`mute calls`: no call nudges at all until `unmute calls`.</summary>
    public bool CallsMuted { get; set; }

    /// <summary>Single call nudges a day; the rest of the day's due accounts come in one message.</summary>
    public int DailyCallBudget { get; set; } = DefaultDailyCallBudget;
}

internal sealed class NudgePreferencesConfiguration : IEntityTypeConfiguration<NudgePreferences>
{
    public void Configure(EntityTypeBuilder<NudgePreferences> e)
    {
        e.ToTable("NudgePreferences");
        e.HasKey(p => p.PersonId);
        e.HasOne<Person>().WithOne().HasForeignKey<NudgePreferences>(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
