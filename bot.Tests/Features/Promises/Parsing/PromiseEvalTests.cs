using System.Text.Json;
using AccountCoachBot.Cli;
using Xunit.Abstractions;

namespace AccountCoachBot.Tests.Features.Promises.Parsing;

/// <summary>
/// Runs every labelled case in prompts/evals/promises.*.jsonl through the same runner as <c>parse --batch</c>
/// and requires an exact match of isPromise, account, action and due on every case.
/// </summary>
public class PromiseEvalTests(ITestOutputHelper output)
{
    private const int MinimumCases = 60;
    private static readonly string[] Fields = ["isPromise", "account", "action", "due"];

    // The bot project copies prompts/** next to the binaries, so this works from any working directory.
    private static string EvalPath(string file) => Path.Combine(AppContext.BaseDirectory, "prompts", "evals", file);

    [Theory]
    [InlineData("promises.en.jsonl")]
    [InlineData("promises.ru.jsonl")]
    public async Task EvalSet_MatchesEveryLabelledCase_WhenRunThroughTheBatchRunner(string file)
    {
        var lines = (await File.ReadAllLinesAsync(EvalPath(file))).Where(l => !string.IsNullOrWhiteSpace(l)).ToArray();
        var results = new StringWriter();

        var exitCode = await ParseBatchCommand.RunAsync(new StringReader(string.Join('\n', lines)), results);

        Assert.Equal(0, exitCode);
        var outputs = results.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(lines.Length, outputs.Length);

        var failures = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            using var input = JsonDocument.Parse(lines[i]);
            using var actual = JsonDocument.Parse(outputs[i]);
            var expect = input.RootElement.GetProperty("expect");
            var wrong = Fields.Where(f => !SameValue(expect.GetProperty(f), actual.RootElement.TryGetProperty(f, out var v) ? v : default)).ToList();
            if (wrong.Count > 0)
                failures.Add($"#{i + 1} {input.RootElement.GetProperty("text").GetString()}\n  expected {expect.GetRawText()}\n  actual   {outputs[i]}");
        }

        var passed = lines.Length - failures.Count;
        output.WriteLine($"{file}: {passed}/{lines.Length} exact ({100.0 * passed / lines.Length:F1}%)");
        failures.ForEach(output.WriteLine);

        Assert.True(lines.Length >= MinimumCases, $"{file} has {lines.Length} cases, expected at least {MinimumCases}");
        Assert.True(failures.Count == 0, $"{failures.Count} of {lines.Length} cases failed:\n" + string.Join('\n', failures));
    }

    [Theory]
    [InlineData("promises.en.jsonl")]
    [InlineData("promises.ru.jsonl")]
    public void EvalSet_CoversPromisesAndNonPromises_SoAccuracyMeansSomething(string file)
    {
        var expects = File.ReadLines(EvalPath(file)).Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("expect")).ToList();

        Assert.True(expects.Count(e => e.GetProperty("isPromise").GetBoolean()) >= 40);
        Assert.True(expects.Count(e => !e.GetProperty("isPromise").GetBoolean()) >= 15);
        Assert.Contains(expects, e => e.GetProperty("isPromise").GetBoolean() && e.GetProperty("due").ValueKind == JsonValueKind.Null);
        Assert.Contains(expects, e => e.GetProperty("isPromise").GetBoolean() && e.GetProperty("account").ValueKind == JsonValueKind.Null);
    }

    private static bool SameValue(JsonElement expected, JsonElement actual) =>
        expected.ValueKind switch
        {
            JsonValueKind.Null => actual.ValueKind == JsonValueKind.Null,
            JsonValueKind.True or JsonValueKind.False => actual.ValueKind == expected.ValueKind,
            JsonValueKind.String => actual.ValueKind == JsonValueKind.String && actual.GetString() == expected.GetString(),
            _ => false,
        };
}
