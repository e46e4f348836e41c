using AccountCoachBot.Cli;
using AccountCoachBot.Features.People;

namespace AccountCoachBot.Tests.Cli;

/// <summary>`eval`: the eval sets through the parser, the search and (when given) a model, as one table.</summary>
public class EvalCommandTests
{
    [Fact]
    public async Task Run_PrintsAccuracyPerSetLanguageAndField_AndSaysTheModelIsNotConfigured()
    {
        var output = new StringWriter();

        var exit = await CliCommands.RunAsync(["eval"], TextReader.Null, output, new StringWriter(), _ => Task.FromResult(99));

        Assert.Equal(0, exit);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.StartsWith("set", lines[0]);
        Assert.Contains("parser", lines[0]);
        Assert.Contains("search", lines[0]);
        Assert.Contains("model", lines[0]);
        foreach (var lang in new[] { "en", "ru" })
        {
            foreach (var field in new[] { "isPromise", "account", "action", "due", "all fields" })
                Assert.Contains(lines, l => l.StartsWith("promises", StringComparison.Ordinal) && l.Contains($" {lang} ") && l.Contains(field) && l.Contains('%'));
            Assert.Contains(lines, l => l.StartsWith("ask", StringComparison.Ordinal) && l.Contains($" {lang} ") && l.Contains("top-3") && l.Contains('%'));
        }
        Assert.All(lines.Skip(1).SkipLast(1), l => Assert.EndsWith("not configured", l));
        Assert.Equal("model: not configured", lines[^1]);
    }

    [Fact]
    public async Task Run_FillsTheModelColumn_WhenAModelIsGiven()
    {
        var output = new StringWriter();

        var exit = await EvalCommand.RunAsync([], output, new StringWriter(), new NeverRight());

        Assert.Equal(0, exit);
        var text = output.ToString();
        Assert.Contains("model (never-right)", text);
        Assert.Contains("model: never-right", text);
        Assert.DoesNotContain("not configured", text);
        // A model that never answers right scores 0 on every ask row, beside the search's own figure.
        Assert.Contains(text.Split('\n'), l => l.StartsWith("ask", StringComparison.Ordinal) && l.TrimEnd().EndsWith("0.0%", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_ListsTheMisses_WhenAsked()
    {
        var output = new StringWriter();
        var dir = Directory.CreateTempSubdirectory("evals-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir, "ask.en.jsonl"), """{"question": "What's the weather in Paris?", "expect": ["proactive-call"]}""" + "\n");

            var exit = await EvalCommand.RunAsync(["--misses", "--dir", dir], output, new StringWriter());

            Assert.Equal(0, exit);
            Assert.Contains("0.0%", output.ToString());
            Assert.Contains("search en: What's the weather in Paris?", output.ToString());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Run_Fails_WhenTheFolderIsMissing()
    {
        var error = new StringWriter();

        var exit = await EvalCommand.RunAsync(["--dir", "/no/such/folder"], new StringWriter(), error);

        Assert.Equal(1, exit);
        Assert.Contains("No eval folder", error.ToString());
    }

    [Theory]
    [InlineData("eval", "--bogus")]
    [InlineData("eval", "--dir")]
    public void Decide_RefusesEval_WithUnknownArguments(params string[] args)
    {
        var misuse = Assert.IsType<CliDecision.Misuse>(CommandLine.Decide(args));

        Assert.Equal("eval", misuse.Verb);
    }

    private sealed class NeverRight : IEvalModel
    {
        public string Name => "never-right";

        public Task<string> ParseAsync(string requestLine, CancellationToken ct) => Task.FromResult("""{"isPromise":false,"account":"x","action":"x","due":"x"}""");

        public Task<IReadOnlyList<string>> AskAsync(string question, Language language, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<string>>(["no-such-principle"]);
    }
}
