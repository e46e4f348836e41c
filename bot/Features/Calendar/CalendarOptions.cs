namespace AccountCoachBot.Features.Calendar;

/// <summary>`Calendar:*` settings.</summary>
public sealed class CalendarOptions
{
    public const string Section = "Calendar";

    /// <summary>How often each person's calendar is read (each at their own minute, spread over the interval).</summary>
    public TimeSpan ReadEvery { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How far ahead meetings are read. More than 14 days is refused: nudges come at most a day before.</summary>
    public int DaysAhead { get; set; } = 14;

    /// <summary>A feed larger than this is not read (a published calendar of one person is well under a megabyte).</summary>
    public int MaxFeedMegabytes { get; set; } = 5;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A client meeting with more than this many of the client's people is important (see <see cref="ClientMeetingRule"/>).</summary>
    public int ImportantAttendees { get; set; } = 3;

    /// <summary>
    /// Lets feeds live on loopback and private networks, over plain http: for local testing only. Off, the bot
    /// refuses them, so a feed address can't make it probe the network it runs in.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Where the Data Protection keys that encrypt feed addresses are kept; relative to the content root.</summary>
    public string KeysDirectory { get; set; } = "data/keys";

    public int DaysAheadClamped => Math.Clamp(DaysAhead, 1, 14);
}
