using AccountCoachBot.Ai.Answers;
using AccountCoachBot.Features.Coaching;
using AccountCoachBot.Features.People;
using Microsoft.Extensions.DependencyInjection;

namespace AccountCoachBot.Tests.Ai;

/// <summary>The seam the `ask` command calls: grounded answers that cite only what the search retrieved, or null.</summary>
public sealed class CoachAnswererTests : IAsyncLifetime
{
    private FakeModelServer _model = null!;
    private ServiceProvider _services = null!;
    private readonly PrincipleCatalog _catalog = PrincipleCatalog.Load();

    public async Task InitializeAsync()
    {
        _model = await FakeModelServer.StartAsync();
        _services = AiTestServices.Build(_model.Settings(timeout: "00:00:03"));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _model.DisposeAsync();
    }

    private ICoachAnswerer Answerer => _services.GetRequiredService<ICoachAnswerer>();

    private IReadOnlyList<Principle> Retrieved => _catalog.All.Take(3).ToList();

    [Fact]
    public async Task Answer_KeepsOnlyRetrievedIds_AndDropsOthersFromTheText()
    {
        var notRetrieved = _catalog.All[^1].Id;
        var ids = Retrieved.Select(p => p.Id).ToList();
        _model.Answer(ModelAnswer.Json(new
        {
            answer = $"Say no to the discount and offer value instead (`{ids[0]}`, `{notRetrieved}`, `made-up-principle`).",
            principleIds = new[] { ids[0].ToUpperInvariant(), notRetrieved, "made-up-principle", ids[0] },
        }));

        var answer = await Answerer.AnswerAsync("the client demands 30% off or they walk", Retrieved, PersonContext.Empty(Language.En), CancellationToken.None);

        Assert.Equal([ids[0]], answer!.PrincipleIds);
        Assert.Contains($"`{ids[0]}`", answer.Text);
        Assert.DoesNotContain(notRetrieved, answer.Text);
        Assert.DoesNotContain("made-up-principle", answer.Text);
        var data = Assert.Single(_model.Requests).Data;
        Assert.All(Retrieved, p => Assert.Contains(p.Id, data));
        Assert.DoesNotContain(notRetrieved, data); // the model sees the retrieved principles only
    }

    [Fact]
    public async Task Answer_AsksForThePersonsLanguage()
    {
        _model.Answer(ModelAnswer.Json(new { answer = "Не давайте скидку сразу.", principleIds = Array.Empty<string>() }));

        var answer = await Answerer.AnswerAsync("клиент требует скидку, иначе уходит", Retrieved, PersonContext.Empty(Language.Ru), CancellationToken.None);

        Assert.Equal("Не давайте скидку сразу.", answer!.Text);
        Assert.Empty(answer.PrincipleIds);
        Assert.StartsWith("Answer in Russian.", _model.Requests[^1].Data);
        Assert.Contains(Retrieved[0].Statement(Language.Ru), _model.Requests[^1].Data);
    }

    public static TheoryData<string> Failures() => new() { "500", "429", "timeout", "malformed", "empty", "off-schema" };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Answer_IsNull_WhenTheModelFails(string kind)
    {
        _model.Answer(kind switch
        {
            "500" => ModelAnswer.ServerError,
            "429" => ModelAnswer.Throttled,
            "timeout" => ModelAnswer.Never,
            "malformed" => ModelAnswer.Text("{\"answer\": \"Do"),
            "empty" => ModelAnswer.Json(new { answer = "  ", principleIds = Array.Empty<string>() }),
            _ => ModelAnswer.Json(new { reply = "hello" }),
        });

        Assert.Null(await Answerer.AnswerAsync("what do I do when a client goes quiet?", Retrieved, PersonContext.Empty(Language.En), CancellationToken.None));
    }

    [Fact]
    public async Task IsAvailable_TurnsFalse_WhenTheCircuitOpens()
    {
        _model.Answer(ModelAnswer.ServerError);
        Assert.True(Answerer.IsAvailable);

        for (var i = 0; i < 3; i++) await Answerer.AnswerAsync("q", Retrieved, PersonContext.Empty(Language.En), CancellationToken.None);

        Assert.False(Answerer.IsAvailable);
    }
}
