using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AccountCoachBot.Features.MeetingPrep;

/// <summary>The lead times a person chose for prep nudges: the working afternoon before, and a short lead.</summary>
public sealed class MeetingPreferences
{
    public int PersonId { get; set; }
    public bool DayBefore { get; set; } = true;

    /// <summary>Minutes before the meeting for the second prep nudge; 0 turns it off.</summary>
    public int LeadMinutes { get; set; } = 60;

    public MeetingLeads Leads => new(DayBefore, LeadMinutes > 0 ? TimeSpan.FromMinutes(LeadMinutes) : null);
}

/// <summary>Which prep nudges to plan: the afternoon before, and how long before the start.</summary>
public sealed record MeetingLeads(bool DayBefore, TimeSpan? Short)
{
    public static readonly MeetingLeads Default = new(true, TimeSpan.FromHours(1));
}

internal sealed class MeetingPreferencesConfiguration : IEntityTypeConfiguration<MeetingPreferences>
{
    public void Configure(EntityTypeBuilder<MeetingPreferences> e)
    {
        e.ToTable("MeetingPreferences");
        e.HasKey(p => p.PersonId);
        e.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
        e.Ignore(p => p.Leads);
    }
}
