using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.Digests;

/// <summary>
/// A digest's trend as a chart beside its card: the on-time rate over the periods the digest carries, a line per
/// member and one for the team (a person's own digest: their line alone). If it can't be drawn, the digest goes
/// without it.
/// </summary>
public static class DigestChart
{
    public static TrendData Data(Digest digest)
    {
        var starts = digest.Total.Trend.Select(t => t.First).ToList();
        var period = digest.Period.Kind == PeriodKind.Month ? TrendPeriod.Month : TrendPeriod.Week;
        var lines = new List<TrendLine>();
        foreach (var member in digest.Members)
            lines.Add(new TrendLine(member.Name, Percents(member, starts.Count)));
        if (digest.Team is not null || digest.Members.Count != 1)
            lines.Add(new TrendLine(digest.Team ?? "", Percents(digest.Total, starts.Count), IsTeam: true));
        return new TrendData(TrendMeasure.OnTimeRate, period, starts, lines);
    }

    /// <summary>The reply with the chart attached, when there is anything to draw.</summary>
    public static Reply With(Reply reply, Digest digest, Language language, ILogger logger) =>
        digest.Total.Trend.Count == 0 ? reply : reply with { Image = TrendChart.TryImage(Data(digest), language, logger) };

    private static double?[] Percents(DigestFigures figures, int count) =>
        Enumerable.Range(0, count)
            .Select(i => i < figures.Trend.Count && figures.Trend[i].OnTimeRate is { } rate ? rate * 100 : (double?)null)
            .ToArray();
}
