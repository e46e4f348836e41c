using AccountCoachBot.Cli;

namespace AccountCoachBot.Tests.Ai;

/// <summary><c>eval --Ai:…</c>: the configured model's column beside the parser's and the search's, from real calls.</summary>
public sealed class EvalWithModelTests
{
    [Fact]
    public async Task Eval_FillsTheModelColumn_WhenAModelIsConfigured()
    {
        await using var model = await FakeModelServer.StartAsync();
        var dir = Directory.CreateTempSubdirectory("evals-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir, "ask.en.jsonl"),
                """{"question": "The client demands 30% off or they walk", "expect": ["fear-of-losing-the-client", "defend-your-position", "pick-battles-you-can-win"]}""" + "\n");
            model.Answer(ModelAnswer.Json(new { answer = "Hold your price.", principleIds = new[] { "fear-of-losing-the-client" } }));
            var args = new List<string> { "eval", "--dir", dir };
            args.AddRange(model.Settings().Select(s => $"--{s.Key}={s.Value}"));
            var output = new StringWriter();

            var exit = await CliCommands.RunAsync([.. args], TextReader.Null, output, new StringWriter(), _ => Task.FromResult(99));

            Assert.Equal(0, exit);
            var table = output.ToString();
            Assert.Contains($"model (azure-openai {FakeModelServer.Deployment})", table);
            Assert.DoesNotContain("not configured", table);
            Assert.Contains("100.0%  100.0%", table); // search and model both found an expected id
            Assert.Single(model.Requests);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
