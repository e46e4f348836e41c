namespace AccountCoachBot.Features.Teams;

/// <summary><c>Coach:Admins</c>: the emails of the people who create teams and name their leads.</summary>
public sealed class TeamsOptions
{
    public const string Section = "Coach";

    public List<string> Admins { get; set; } = [];

    public IReadOnlyList<string> AdminEmails =>
        Admins.Select(a => a.Trim().ToLowerInvariant()).Where(a => a.Length > 0).Distinct().ToList();
}
