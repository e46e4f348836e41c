namespace AccountCoachBot.Features.People;

/// <summary>Where a person's time zone came from; the bot says which one it assumed.</summary>
public enum TimeZoneSource
{
    Default = 0,
    Activity = 1,
    Command = 2,
}

/// <summary>An account manager: created on first contact, from any channel.</summary>
public sealed class Person
{
    public int Id { get; set; }
    public string DisplayName { get; set; } = "";
    public string TimeZoneId { get; set; } = "UTC";
    public TimeZoneSource TimeZoneSource { get; set; }
    public Language Language { get; set; }
    public bool LanguageChosen { get; set; }
    public TimeOnly WorkStart { get; set; } = WorkingHours.Default.Start;
    public TimeOnly WorkEnd { get; set; } = WorkingHours.Default.End;
    public int WorkDaysMask { get; set; } = WorkingHours.Default.DaysMask;
    public bool Paused { get; set; }

    /// <summary>For notes in Russian («я обещал» / «я обещала»); <see cref="GenderAsked"/>: the one kind question was asked.</summary>
    public GrammaticalGender Gender { get; set; }
    public bool GenderAsked { get; set; }

    /// <summary>Work email when a channel tells it: the same person in Teams and Slack is linked by it.</summary>
    public string? Email { get; set; }

    /// <summary>A one-time code for `link`, joining this person's identities on another channel.</summary>
    public string? LinkCode { get; set; }
    public DateTime? LinkCodeExpiresUtc { get; set; }
    public bool Welcomed { get; set; }
    public DateTime CreatedUtc { get; set; }

    /// <summary>The last own number given to one of this person's promises, meetings, accounts (<see cref="IOwnNumbered"/>): never given again.</summary>
    public int LastPromiseNumber { get; set; }
    public int LastMeetingNumber { get; set; }
    public int LastAccountNumber { get; set; }

    /// <summary>A question the bot asked and waits an answer for (e.g. the reason for a new date), as JSON.</summary>
    public string? PendingPromptJson { get; set; }

    public List<ChannelIdentity> Identities { get; set; } = [];

    public WorkingHours Hours => new(WorkStart, WorkEnd, WorkingHours.DaysFromMask(WorkDaysMask));

    public TimeZoneInfo Zone => TimeZones.FindOrUtc(TimeZoneId);
}
