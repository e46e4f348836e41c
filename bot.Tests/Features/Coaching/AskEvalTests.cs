using AccountCoachBot.Features.Coaching;
using AccountCoachBot.Features.Coaching.Ask;
using AccountCoachBot.Features.People;
using Xunit.Abstractions;

namespace AccountCoachBot.Tests.Features.Coaching;

/// <summary>The offline search on the question eval sets, with a top-3 accuracy floor per language.</summary>
public class AskEvalTests(ITestOutputHelper output)
{
    private const int MinimumCases = 40;

    private static readonly Lazy<LucenePrincipleSearch> Search = new(() => new LucenePrincipleSearch(PrincipleCatalog.Load()));

    private static string EvalPath(string file) => Path.Combine(AppContext.BaseDirectory, "prompts", "evals", file);

    [Theory]
    [InlineData(Language.En, 0.95)] // measured 46/46 (100%)
    [InlineData(Language.Ru, 0.93)] // measured 44/46 (95.7%)
    public void Find_ReachesTheTop3Floor_OnTheEvalSet(Language language, double floor)
    {
        var cases = AskEval.Read(EvalPath(AskEval.FileFor(language)));

        var result = AskEval.Run(Search.Value, cases, language);

        output.WriteLine($"{language}: {result.Hits}/{result.Cases} top-3 ({100 * result.Accuracy:F1}%)");
        foreach (var miss in result.Misses) output.WriteLine(miss);
        Assert.True(result.Cases >= MinimumCases, $"{result.Cases} cases, expected at least {MinimumCases}");
        Assert.True(result.Accuracy >= floor, $"top-3 accuracy {result.Accuracy:P1} is below the floor {floor:P0}");
    }
}
