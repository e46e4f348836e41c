using AccountCoachBot.Tests.Infrastructure;

namespace AccountCoachBot.Tests.Ai;

/// <summary>
/// `ask` and typed questions with a model: the catalog's principles come at once, and the model's short answer, marked
/// as AI-written and citing only retrieved ids, follows; a question is never read as a promise by the model.
/// </summary>
public sealed class AskWithModelTests : IAsyncLifetime
{
    private FakeModelServer _model = null!;
    private CoachTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _model = await FakeModelServer.StartAsync();
        _host = await CoachTestHost.StartAsync(AiFlowKit.Now, settings: _model.Settings(timeout: "00:00:03"));
        await _host.SayAsync("account add Acme key");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _model.DisposeAsync();
    }

    [Fact]
    public async Task Ask_IsFollowedByTheModelsAnswer_CitingOnlyRetrievedPrinciples()
    {
        var sent = _host.Sender.Sent.Count;
        var catalog = Assert.Single(await _host.SayAsync("ask Acme demands 30% off or they walk"));
        var retrieved = catalog.Card!.PrincipleIds!;
        _model.Answer(ModelAnswer.Json(new { answer = $"Hold the price and offer a smaller scope (`{retrieved[0]}`).", principleIds = new[] { retrieved[0], "made-up-principle" } }));

        var followUp = Assert.Single(await _host.FollowUpsAsync(sent));

        Assert.Equal("The coach's answer (AI-written — check it):", followUp.Card!.Title);
        Assert.Equal([retrieved[0]], followUp.Card.PrincipleIds);
        Assert.DoesNotContain("made-up-principle", followUp.Text);
        Assert.Contains("Acme", _model.Requests[^1].Data);
    }

    [Fact]
    public async Task TypedQuestion_IsAnsweredByTheCoach_NotReadAsAPromise()
    {
        _model.Answer(ModelAnswer.ServerError);
        var sent = _host.Sender.Sent.Count;

        var replies = await _host.SayAsync("What do I do when a client goes quiet for a month?");
        await _host.FollowUpsAsync(sent);

        Assert.NotEmpty(Assert.Single(replies).Card!.PrincipleIds!);
        Assert.Equal(0, await _host.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Promises)));
    }

    [Fact]
    public async Task Ask_LeavesTheCatalogsAnswer_WhenTheModelFails()
    {
        _model.Answer(ModelAnswer.Never);
        var sent = _host.Sender.Sent.Count;

        var catalog = Assert.Single(await _host.SayAsync("вопрос клиент требует скидку, иначе уходит"));

        Assert.NotEmpty(catalog.Card!.PrincipleIds!);
        Assert.Empty(await _host.FollowUpsAsync(sent));
    }
}
