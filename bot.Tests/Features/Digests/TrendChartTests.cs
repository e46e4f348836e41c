using AccountCoachBot.Features.Digests;
using AccountCoachBot.Features.People;
using AccountCoachBot.Tests.TestSupport;
using Microsoft.Extensions.Logging;
using NSubstitute;

namespace AccountCoachBot.Tests.Features.Digests;

/// <summary>The trend chart: a real PNG within Teams' and Slack's limits, drawn with the shipped font in both languages.</summary>
public sealed class TrendChartTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Eight weeks from Mon 5 Oct 2026, a team of three with gaps (weeks with nothing due).</summary>
    internal static TrendData EightWeeks(int members = 3)
    {
        var starts = Enumerable.Range(0, 8).Select(i => new DateOnly(2026, 10, 5).AddDays(7 * i)).ToList();
        var names = new[] { "Анна Петрова", "Boris", "Вера", "Dmitri", "Elena", "Fyodor", "Galina", "Igor", "Yana", "Zoya" };
        var lines = Enumerable.Range(0, members).Select(m => new TrendLine(
            m < names.Length ? names[m] : $"Member {m + 1}",
            Enumerable.Range(0, 8).Select(w => (w + m) % 5 == 0 ? (double?)null : 40 + (w * 7 + m * 13) % 60).ToList())).ToList();
        lines.Add(new TrendLine("team", [55, 60, null, 70, 65, 72.5, 80, 75], IsTeam: true));
        return new TrendData(TrendMeasure.OnTimeRate, TrendPeriod.Week, starts, lines);
    }

    [Theory]
    [InlineData(Language.En)]
    [InlineData(Language.Ru)]
    public void Render_ReturnsAPngWithinTheChatLimits_ForEightWeeks(Language language)
    {
        var png = TrendChart.Render(EightWeeks(), language);

        Assert.Equal(PngSignature, png[..8]);
        var image = PngImage.Read(png);
        Assert.Equal((TrendChart.Width, TrendChart.Height), (image.Width, image.Height));
        Assert.InRange(image.Width, 1, 1024);
        Assert.InRange(image.Height, 1, 1024);
        Assert.InRange(png.Length, 1, 300_000); // Teams and Slack take 1 MB; a chart should be a fraction of it
    }

    [Fact]
    public void Render_DrawsRussianLabelsWithTheShippedFont_FromTheOutputFolder()
    {
        Assert.StartsWith(AppContext.BaseDirectory, ChartFont.FilePath);
        Assert.True(File.Exists(ChartFont.FilePath), $"the font is not in the output folder: {ChartFont.FilePath}");

        var png = TrendChart.Render(EightWeeks(), Language.Ru);

        Assert.Equal(PngSignature, png[..8]);
        // The name resolves through the file we registered, not through system fonts (which a container lacks)...
        var resolver = ScottPlot.Fonts.FontResolvers.OfType<ScottPlot.FontResolvers.FileFontResolver>()
            .Select(r => r.CreateTypeface(ChartFont.Name, ScottPlot.FontWeight.Normal, ScottPlot.FontSlant.Upright, ScottPlot.FontSpacing.Normal))
            .FirstOrDefault(t => t is not null);
        Assert.NotNull(resolver);
        // ...and that face has every Cyrillic letter the chart writes: no fallback, no empty boxes.
        using var face = ScottPlot.Fonts.GetTypeface(ChartFont.Name, bold: false, italic: false);
        Assert.Equal(ChartFont.Name, face.FamilyName);
        var data = EightWeeks();
        Assert.True(face.ContainsGlyphs(TrendChart.Title(data, Language.Ru) + "Неделя, начало% от обещаний со срокомКомандаАнна Петрова нояб. окт."));
    }

    [Fact]
    public void Render_StillFitsTheLimits_WhenTheTeamHasFiftyMembers()
    {
        var png = TrendChart.Render(EightWeeks(members: 50), Language.En);

        var image = PngImage.Read(png);
        Assert.True(image.Width <= 1024 && image.Height <= 1024);
        Assert.InRange(png.Length, 1, 300_000);
    }

    [Fact]
    public void Render_Throws_WhenALineHasAValueForEachPeriodMissing()
    {
        var data = EightWeeks() with { Lines = [new TrendLine("short", [50, 60])] };

        Assert.Throws<ArgumentException>(() => TrendChart.Render(data, Language.En));
    }

    [Fact]
    public void TryImage_ReturnsNullAndLogsAWarning_WhenDrawingFails()
    {
        var logger = Substitute.For<ILogger>();
        var data = EightWeeks() with { Lines = [new TrendLine("out of range", [50, 60, 70, 80, 90, 100, 110, 120])] };

        var image = TrendChart.TryImage(data, Language.En, logger);

        Assert.Null(image);
        logger.Received(1).Log(LogLevel.Warning, Arg.Any<EventId>(), Arg.Any<object>(), Arg.Any<ArgumentException>(), Arg.Any<Func<object, Exception?, string>>());
    }

    [Fact]
    public void TryImage_ReturnsNull_WhenNoLineHasAValue()
    {
        var data = EightWeeks() with { Lines = [new TrendLine("team", Enumerable.Repeat<double?>(null, 8).ToList(), IsTeam: true)] };

        Assert.Null(TrendChart.TryImage(data, Language.En, Substitute.For<ILogger>()));
    }

    [Fact]
    public void TryImage_DescribesTheChartInThePersonsLanguage_AndNamesTheFileByItsLastWeek()
    {
        var image = TrendChart.TryImage(EightWeeks(), Language.Ru, Substitute.For<ILogger>());

        Assert.NotNull(image);
        Assert.Equal("График: обещания, выполненные в срок, по неделям, 5 окт. — 23 нояб. Команда за последний период: 75%.", image.AltText);
        Assert.Equal("on-time-2026-11-23.png", image.FileName);
        Assert.Equal(PngSignature, image.Png[..8]);
    }
}
