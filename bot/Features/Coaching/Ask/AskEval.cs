using System.Text.Json;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Features.Coaching.Ask;

/// <summary>One labelled question: a hit when any of the expected ids is among the answer's principles.</summary>
public sealed record AskCase(string Question, IReadOnlyList<string> Expect);

/// <summary>How a search did on an eval set: top-3 hits, and the misses with what it answered instead.</summary>
public sealed record AskEvalResult(int Cases, int Hits, IReadOnlyList<string> Misses)
{
    public double Accuracy => Cases == 0 ? 0 : (double)Hits / Cases;
}

/// <summary>The question eval sets, <c>prompts/evals/ask.&lt;lang&gt;.jsonl</c>: read and scored the same way by the test and by <c>eval</c>.</summary>
public static class AskEval
{
    public const int Top = 3;

    public static string FileFor(Language language) => language == Language.Ru ? "ask.ru.jsonl" : "ask.en.jsonl";

    /// <summary>Lines <c>{"question": "…", "expect": ["id", …]}</c>; blank lines are skipped.</summary>
    public static IReadOnlyList<AskCase> Read(string path) =>
        File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l =>
        {
            using var doc = JsonDocument.Parse(l);
            var root = doc.RootElement;
            return new AskCase(
                root.GetProperty("question").GetString() ?? "",
                root.GetProperty("expect").EnumerateArray().Select(e => e.GetString() ?? "").ToList());
        }).ToList();

    public static AskEvalResult Run(IPrincipleSearch search, IReadOnlyList<AskCase> cases, Language language)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(cases);
        var misses = new List<string>();
        foreach (var c in cases)
        {
            var found = search.Find(c.Question, language, Top);
            if (!found.Any(m => c.Expect.Contains(m.Id, StringComparer.OrdinalIgnoreCase)))
                misses.Add($"{c.Question}\n  expected one of {string.Join(", ", c.Expect)}\n  got {string.Join(", ", found.Select(m => $"{m.Id} ({m.Score:F2})"))}");
        }
        return new AskEvalResult(cases.Count, cases.Count - misses.Count, misses);
    }
}
