using System.Globalization;
using AccountCoachBot.Conversation;
using AccountCoachBot.Features.People;
using ScottPlot;

namespace AccountCoachBot.Features.Digests;

/// <summary>What a trend shows: the rate, and whether a period is a week or a month.</summary>
public enum TrendMeasure
{
    /// <summary>Kept on time ÷ due, in percent.</summary>
    OnTimeRate = 0,

    /// <summary>Moved before the due time ÷ all moved, in percent.</summary>
    ToldInTimeRate = 1,
}

public enum TrendPeriod
{
    Week = 0,
    Month = 1,
}

/// <summary>One line of the chart: a member, or the team. A null is a period with nothing to measure (no promise due).</summary>
public sealed record TrendLine(string Name, IReadOnlyList<double?> Percent, bool IsTeam = false);

/// <summary>The series to draw: the periods' first days, oldest first, and one value per period in each line.</summary>
public sealed record TrendData(TrendMeasure Measure, TrendPeriod Period, IReadOnlyList<DateOnly> PeriodStarts, IReadOnlyList<TrendLine> Lines);

/// <summary>
/// The digest's trend chart: a PNG drawn in the process with ScottPlot, in the person's language. Members get a thin
/// line each and the team a thick dark one; past <see cref="MaxMemberLines"/> members only the team line is drawn, since
/// a legend of fifty names helps no one.
/// </summary>
public static class TrendChart
{
    public const int Width = 800;
    public const int Height = 450;
    public const int MaxMemberLines = 8;

    /// <summary>Draws the chart. Throws on data that does not make a chart (no periods, a line of another length).</summary>
    public static byte[] Render(TrendData data, Language language)
    {
        Validate(data);
        var font = ChartFont.Ensure();
        var plot = new Plot();
        try
        {
            var xs = Enumerable.Range(0, data.PeriodStarts.Count).Select(i => (double)i).ToArray();
            var members = data.Lines.Where(l => !l.IsTeam).ToList();
            var palette = new ScottPlot.Palettes.Category10();
            if (members.Count <= MaxMemberLines)
                for (var i = 0; i < members.Count; i++)
                    AddLine(plot, xs, members[i], palette.GetColor(i), width: 1.5f, marker: 5);
            foreach (var team in data.Lines.Where(l => l.IsTeam))
                AddLine(plot, xs, team with { Name = ChartTexts.Team[language] }, Colors.Black, width: 3.5f, marker: 8);

            plot.Title(Title(data, language));
            plot.XLabel(data.Period == TrendPeriod.Week ? ChartTexts.WeekAxis[language] : ChartTexts.MonthAxis[language]);
            plot.YLabel(data.Measure == TrendMeasure.OnTimeRate ? ChartTexts.OnTimeAxis[language] : ChartTexts.ToldInTimeAxis[language]);
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(xs, data.PeriodStarts.Select(d => PeriodLabel(d, data.Period, language)).ToArray());
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"]);
            plot.Axes.SetLimits(-0.4, xs.Length - 0.6, -3, 103);
            plot.ShowLegend(Edge.Right);
            // After every label is set: the font applies to what exists.
            plot.Font.Set(font);
            plot.Legend.FontName = font;
            return plot.GetImageBytes(Width, Height, ImageFormat.Png);
        }
        finally
        {
            plot.Dispose();
        }
    }

    /// <summary>
    /// The chart as a reply image, or null when there is nothing to draw or drawing failed: the digest goes out
    /// without it, and the failure is logged.
    /// </summary>
    public static ReplyImage? TryImage(TrendData data, Language language, ILogger logger)
    {
        if (!data.Lines.Any(l => l.Percent.Any(p => p is not null))) return null;
        try
        {
            var png = Render(data, language);
            return new ReplyImage(png, AltText(data, language), FileName(data), Title(data, language));
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "The trend chart could not be drawn; the digest goes out without it");
            return null;
        }
    }

    public static string Title(TrendData data, Language language) => (data.Measure, data.Period) switch
    {
        (TrendMeasure.OnTimeRate, TrendPeriod.Week) => ChartTexts.OnTimeByWeek[language],
        (TrendMeasure.OnTimeRate, _) => ChartTexts.OnTimeByMonth[language],
        (_, TrendPeriod.Week) => ChartTexts.ToldInTimeByWeek[language],
        _ => ChartTexts.ToldInTimeByMonth[language],
    };

    public static string AltText(TrendData data, Language language)
    {
        var team = data.Lines.FirstOrDefault(l => l.IsTeam)?.Percent.LastOrDefault();
        var latest = team is { } value ? string.Format(CultureInfo.InvariantCulture, "{0:0}%", value) : ChartTexts.NoData[language];
        var title = Title(data, language);
        return ChartTexts.AltText.Format(language, char.ToLower(title[0], Formats.Culture(language)) + title[1..],
            PeriodLabel(data.PeriodStarts[0], data.Period, language), PeriodLabel(data.PeriodStarts[^1], data.Period, language), latest);
    }

    public static string FileName(TrendData data) =>
        $"{(data.Measure == TrendMeasure.OnTimeRate ? "on-time" : "told-in-time")}-{data.PeriodStarts[^1]:yyyy-MM-dd}.png";

    private static string PeriodLabel(DateOnly start, TrendPeriod period, Language language) =>
        start.ToString(period == TrendPeriod.Week ? "d MMM" : "MMM yyyy", Formats.Culture(language));

    private static void Validate(TrendData data)
    {
        if (data.PeriodStarts.Count == 0) throw new ArgumentException("A trend needs at least one period.", nameof(data));
        foreach (var line in data.Lines)
        {
            if (line.Percent.Count != data.PeriodStarts.Count)
                throw new ArgumentException($"Line '{line.Name}' has {line.Percent.Count} values for {data.PeriodStarts.Count} periods.", nameof(data));
            if (line.Percent.Any(p => p is < 0 or > 100 || (p is { } v && double.IsNaN(v))))
                throw new ArgumentException($"Line '{line.Name}' has a value outside 0–100 %.", nameof(data));
        }
    }

    /// <summary>
    /// A period without data breaks the line rather than bridging it, so a gap never reads as a trend: each run of
    /// values is its own scatter, and only the first carries the legend entry.
    /// </summary>
    private static void AddLine(Plot plot, double[] xs, TrendLine line, Color color, float width, float marker)
    {
        var legend = true;
        var start = 0;
        while (start < xs.Length)
        {
            while (start < xs.Length && line.Percent[start] is null) start++;
            var end = start;
            while (end < xs.Length && line.Percent[end] is not null) end++;
            if (end > start)
            {
                var scatter = plot.Add.Scatter(xs[start..end], line.Percent.Skip(start).Take(end - start).Select(p => p!.Value).ToArray(), color);
                scatter.LineWidth = width;
                scatter.MarkerSize = marker;
                if (legend) scatter.LegendText = line.Name;
                legend = false;
            }
            start = end;
        }
    }
}
