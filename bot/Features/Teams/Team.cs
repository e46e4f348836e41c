namespace AccountCoachBot.Features.Teams;

/// <summary>
/// A team: a name (unique, case aside), one lead and members. The lead sees the members' figures in the digest;
/// a person can be in several teams. A lead who leaves the bot leaves the team without a lead until an admin names one.
/// </summary>
public sealed class Team
{
    public int Id { get; set; }
    public string Name { get; set; } = "";

    /// <summary>The name folded for comparison: "sales  east" and "Sales East" are one team.</summary>
    public string NormalizedName { get; set; } = "";

    public int? LeadId { get; set; }
    public DateTime CreatedUtc { get; set; }

    public static string Normalize(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    public static string Clean(string name) => string.Join(' ', name.Trim().Trim('"', '«', '»', '`', ':').Split(' ', StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>A person in a team. <see cref="ToldUtc"/>: when the notice about the lead was queued (once).</summary>
public sealed class TeamMember
{
    public int TeamId { get; set; }
    public int PersonId { get; set; }
    public DateTime AddedUtc { get; set; }
    public DateTime? ToldUtc { get; set; }
}
