using AccountCoachBot.Tests.Features.MeetingPrep;
using AccountCoachBot.Tests.Infrastructure;

namespace AccountCoachBot.Tests.Ai;

/// <summary>The brief's three AI-written lines follow the brief, only with a model, and only when they are sound.</summary>
public sealed class BriefSummaryTests : IAsyncLifetime
{
    private FakeModelServer _model = null!;
    private CoachTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _model = await FakeModelServer.StartAsync();
        _host = await CoachTestHost.StartAsync(AiFlowKit.Now, settings: _model.Settings(timeout: "00:00:03"));
        await _host.SayAsync("meeting Acme 2026-03-10 15:00 important");
        await _host.AnswerStepsAsync((await _host.SayAsync("prep Acme"))[^1], _ => "ok");
        await _host.SayAsync("language ru");
        await _host.FollowUpsAsync(); // the summary after the checklist, whatever the fake said
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _model.DisposeAsync();
    }

    [Fact]
    public async Task Brief_IsFollowedByThreeLinesMarkedAiWritten_InThePersonsLanguage()
    {
        _model.Answer(ModelAnswer.Json(new { lines = new[] { "Цель: договориться о продлении.", "Риск: нет.", "Начните с итогов квартала." } }));
        var sent = _host.Sender.Sent.Count;

        var brief = await _host.SayAsync("бриф Acme");
        var summary = Assert.Single(await _host.FollowUpsAsync(sent));

        Assert.StartsWith("Бриф", brief[^1].Card!.Title);
        Assert.Equal("Кратко (написано ИИ — проверьте):", summary.Card!.Title);
        Assert.Equal(["Цель: договориться о продлении.", "Риск: нет.", "Начните с итогов квартала."], summary.Card.Lines);
        Assert.Contains("Write in Russian.", _model.Requests[^1].Data);
    }

    public static TheoryData<string> Unsound() => new() { "two-lines", "500", "timeout", "malformed" };

    [Theory]
    [MemberData(nameof(Unsound))]
    public async Task Brief_StandsAlone_WhenTheSummaryFailsOrIsUnsound(string kind)
    {
        _model.Answer(kind switch
        {
            "two-lines" => ModelAnswer.Json(new { lines = new[] { "one", "two" } }),
            "500" => ModelAnswer.ServerError,
            "timeout" => ModelAnswer.Never,
            _ => ModelAnswer.Text("{\"lines\": [\"a\""),
        });
        var sent = _host.Sender.Sent.Count;

        var brief = await _host.SayAsync("бриф Acme");

        Assert.True(brief[^1].Card?.Title.StartsWith("Бриф") == true, brief[^1].Text);
        Assert.Empty(await _host.FollowUpsAsync(sent));
    }
}

/// <summary>With <c>Ai:Provider=none</c> (the default) nothing of the model exists and nothing changes.</summary>
public sealed class NoModelTests : IAsyncLifetime
{
    private CoachTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(AiFlowKit.Now);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task FreeText_IsAnsweredOffline_WhenNoModelIsConfigured()
    {
        await _host.SayAsync("promise Acme: send the quote tomorrow");

        var reply = await _host.SayAsync("Acme wants the SLA redlines, I said they would have them once legal signs off");

        Assert.Equal("I didn't catch that. Try: `promise Acme: send the quote by Friday`, or `help`.", reply[^1].Text);
        Assert.Null(_host.Services.GetService(typeof(AccountCoachBot.Ai.AiFollowUps)));
        Assert.Empty(_host.Sender.Sent);
    }

    [Fact]
    public async Task Brief_HasNoSummary_WhenNoModelIsConfigured()
    {
        await _host.SayAsync("meeting Acme 2026-03-10 15:00 important");
        await _host.AnswerStepsAsync((await _host.SayAsync("prep Acme"))[^1], _ => "ok");

        var brief = await _host.SayAsync("brief Acme");

        Assert.Single(brief);
        Assert.Empty(_host.Sender.Sent);
    }
}
