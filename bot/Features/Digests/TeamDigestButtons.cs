using System.Globalization;
using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.Digests;

/// <summary>
/// The team digest's buttons: the period before and last month. The payload names the team and the days; whoever
/// presses is checked again (<see cref="TeamDigestCommands"/>), so a payload naming another team gets nothing.
/// </summary>
public static class TeamDigestButtons
{
    public const string Action = "digest.team";
    public const string TeamKey = "team";
    public const string KindKey = "kind";
    public const string FromKey = "from";
    public const string ToKey = "to";
    private const string DateFormat = "yyyy-MM-dd";

    public static IReadOnlyList<CardAction> For(int teamId, DigestPeriod period, DateTime nowUtc, TimeZoneInfo zone, Language l)
    {
        var previousLabel = period.Kind switch
        {
            PeriodKind.Week => TeamDigestTexts.PreviousWeek,
            PeriodKind.Month => TeamDigestTexts.PreviousMonth,
            _ => TeamDigestTexts.PreviousPeriod,
        };
        var actions = new List<CardAction> { Button(teamId, period.Previous(zone), previousLabel[l]) };
        var lastMonth = DigestPeriod.LastMonth(nowUtc, zone);
        if (lastMonth.First != period.First || lastMonth.Last != period.Last) actions.Add(Button(teamId, lastMonth, TeamDigestTexts.LastMonth[l]));
        return actions;
    }

    public static CardAction Button(int teamId, DigestPeriod period, string label) => new(Action, label, new Dictionary<string, string>
    {
        [TeamKey] = teamId.ToString(CultureInfo.InvariantCulture),
        [KindKey] = period.Kind.ToString().ToLowerInvariant(),
        [FromKey] = period.First.ToString(DateFormat, CultureInfo.InvariantCulture),
        [ToKey] = period.Last.ToString(DateFormat, CultureInfo.InvariantCulture),
    });

    /// <summary>The team id and the period a pressed button names, or null when the payload is not one we made.</summary>
    public static (int TeamId, DigestPeriod Period)? Read(SubmittedAction action, DateTime nowUtc, TimeZoneInfo zone)
    {
        if (!int.TryParse(action.Get(TeamKey), NumberStyles.None, CultureInfo.InvariantCulture, out var teamId)) return null;
        if (!Enum.TryParse<PeriodKind>(action.Get(KindKey), ignoreCase: true, out var kind) || !Enum.IsDefined(kind)) return null;
        if (!DateOnly.TryParseExact(action.Get(FromKey), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)) return null;
        if (!DateOnly.TryParseExact(action.Get(ToKey), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)) return null;
        var today = DateOnly.FromDateTime(TimeZones.ToLocal(nowUtc, zone));
        // The same limits as a typed period: forward, at most a year, not starting in the future.
        if (to < from || to.DayNumber - from.DayNumber + 1 > DigestPeriod.MaxDays || from > today) return null;
        return (teamId, DigestPeriod.Of(kind, from, to, zone));
    }
}
