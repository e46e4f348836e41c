namespace AccountCoachBot.Features.Coaching;

/// <summary>The tags a principle may carry. The catalog loader rejects any other.</summary>
public static class PrincipleTags
{
    public const string Promise = "promise";
    public const string Meeting = "meeting";
    public const string Call = "call";
    public const string Mindset = "mindset";
    public const string Team = "team";
    public const string Communication = "communication";
    public const string KeyAccount = "key-account";
    public const string Kpi = "kpi";
    public const string ClientView = "client-view";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Promise, Meeting, Call, Mindset, Team, Communication, KeyAccount, Kpi, ClientView,
    };
}
