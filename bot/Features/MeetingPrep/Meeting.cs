using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.MeetingPrep;

public enum MeetingStatus
{
    Scheduled = 0,
    Cancelled = 1,
}

/// <summary>
/// A client meeting a manager told the bot about. An ad-hoc one (`prep Acme` with nothing scheduled) has no
/// time: it gets a checklist and a brief, but no nudges.
/// </summary>
public sealed class Meeting : IOwnNumbered
{
    public int Id { get; set; }
    public int OwnerId { get; set; }

    /// <summary>The owner's own number for it (#2, `cancel meeting 2`): 1, 2, 3… per person, never given twice. Buttons carry <see cref="Id"/>.</summary>
    public int Number { get; set; }

    public int AccountId { get; set; }
    public Account? Account { get; set; }

    public DateTime? StartUtc { get; set; }
    public DateTime? EndUtc { get; set; }

    /// <summary>The zone the time was said in.</summary>
    public string TimeZoneId { get; set; } = "UTC";

    /// <summary>Business is won or lost there: never go alone.</summary>
    public bool Important { get; set; }

    public MeetingStatus Status { get; set; }

    /// <summary>Where it was told; its nudges go back there.</summary>
    public int? AddressId { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>When the checklist was completed: the brief exists from then on.</summary>
    public DateTime? PreparedUtc { get; set; }

    public DateTime? DebriefedUtc { get; set; }
    public DateTime? CancelledUtc { get; set; }

    public List<MeetingAnswer> Answers { get; set; } = [];

    public bool IsAdHoc => StartUtc is null;
}

public enum MeetingPhase
{
    Prep = 0,
    Debrief = 1,
}

/// <summary>One answer to a checklist item (prep) or a debrief question; an empty text means skipped.</summary>
public sealed class MeetingAnswer
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public MeetingPhase Phase { get; set; }
    public string ItemId { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTime AnsweredUtc { get; set; }
}

/// <summary>A promise captured in a meeting's debrief: the meeting is its source. Promise.cs stays unaware.</summary>
public sealed class MeetingPromise
{
    public int MeetingId { get; set; }
    public int PromiseId { get; set; }
}

/// <summary>
/// A person on the client's side and what drives them ("play the person, not the game"), filled from
/// checklist answers and debriefs, shown in the next brief.
/// </summary>
public sealed class ClientContact
{
    public int Id { get; set; }
    public int OwnerId { get; set; }
    public int AccountId { get; set; }
    public string Name { get; set; } = "";

    /// <summary>Upper-invariant, single-spaced: one row per person per account.</summary>
    public string NormalizedName { get; set; } = "";

    /// <summary>Role and drivers, newest last ("CFO, wants predictability; worried about budget cuts").</summary>
    public string Notes { get; set; } = "";

    public int? LastMeetingId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
}
