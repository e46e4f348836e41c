using AccountCoachBot.Conversation;
using AccountCoachBot.Features.Digests;
using Microsoft.Extensions.Logging;

namespace AccountCoachBot.Tests.Features.Digests;

/// <summary>
/// Test-only: answers with a chart before the digest exists, so the channels' image delivery can be exercised through
/// the real pipeline. `test-chart` → text + chart; `test-chart-card` → card + chart; `test-chart-broken` → data the chart
/// cannot draw, so the reply goes without it.
/// </summary>
public sealed class ChartTestHandler(ILogger<ChartTestHandler> logger) : ITurnHandler
{
    public const string Figures = "On time: 6 of 8 (75%)";

    public int Order => -100;

    public Task<IReadOnlyList<Reply>?> TryHandleAsync(Turn turn, CancellationToken ct)
    {
        var data = TrendChartTests.EightWeeks();
        Reply? reply = turn.Text switch
        {
            "test-chart" => new Reply(Figures) { Image = TrendChart.TryImage(data, turn.Language, logger) },
            "test-chart-card" => new Reply(Figures, new Card("Digest", [Figures])) { Image = TrendChart.TryImage(data, turn.Language, logger) },
            "test-chart-broken" => new Reply(Figures) { Image = TrendChart.TryImage(data with { Lines = [new TrendLine("x", [1, 2])] }, turn.Language, logger) },
            _ => null,
        };
        return Task.FromResult<IReadOnlyList<Reply>?>(reply is null ? null : [reply]);
    }
}
