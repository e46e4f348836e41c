using AccountCoachBot.Features.MeetingPrep;
using AccountCoachBot.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AccountCoachBot.Features.Calendar;

/// <summary>
/// A meeting that came from the person's calendar, tied to its event so a later read moves or withdraws it. Of the
/// event only a hash of its id and the client attendees' names are kept (for "who attends"); nothing else.
/// </summary>
public sealed class CalendarMeeting
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }

    /// <summary>SHA-256 of the event's UID and, for one occurrence of a series, its original start.</summary>
    public string EventKey { get; set; } = "";

    /// <summary>The client's people on the invite, by name: "Olga Petrova, Ivan Sidorov".</summary>
    public string Attendees { get; set; } = "";

    /// <summary>`not a client meeting`: stays off, whatever the calendar says later.</summary>
    public bool Dismissed { get; set; }

    /// <summary>When the event left the calendar (cancelled, deleted, moved beyond the window); it may come back.</summary>
    public DateTime? RemovedUtc { get; set; }
}

internal sealed class CalendarMeetingConfiguration : IEntityTypeConfiguration<CalendarMeeting>
{
    public void Configure(EntityTypeBuilder<CalendarMeeting> e)
    {
        e.ToTable("CalendarMeetings");
        e.Property(m => m.EventKey).HasMaxLength(64);
        e.Property(m => m.Attendees).HasMaxLength(1000);
        e.HasIndex(m => new { m.PersonId, m.EventKey }).IsUnique();
        e.HasIndex(m => m.MeetingId).IsUnique();
        e.HasOne(m => m.Meeting).WithMany().HasForeignKey(m => m.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
