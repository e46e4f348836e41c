using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.Promises;

public enum PromiseStatus
{
    Open = 0,
    Done = 1,
    Cancelled = 2,
}

/// <summary>What a manager promised a client, and by when.</summary>
public sealed class Promise : IOwnNumbered
{
    public int Id { get; set; }
    public int OwnerId { get; set; }

    /// <summary>The owner's own number for it (#3, `done 3`): 1, 2, 3… per person, never given twice. Buttons carry <see cref="Id"/>.</summary>
    public int Number { get; set; }

    public int AccountId { get; set; }
    public Account? Account { get; set; }
    public string What { get; set; } = "";
    public string? Contact { get; set; }
    public DateTime DueUtc { get; set; }

    /// <summary>The zone the due time was said in, so "Friday 18:00" stays Friday 18:00 for the person.</summary>
    public string TimeZoneId { get; set; } = "UTC";

    public PromiseStatus Status { get; set; }

    /// <summary>"On track": no more reminders before the due time.</summary>
    public bool OnTrack { get; set; }

    /// <summary>Where it was captured; its reminders go back there.</summary>
    public int? AddressId { get; set; }

    public DateTime CreatedUtc { get; set; }
    public DateTime? ClosedUtc { get; set; }
    public List<PromiseEvent> History { get; set; } = [];
}
