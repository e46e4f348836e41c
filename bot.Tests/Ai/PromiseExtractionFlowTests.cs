using AccountCoachBot.Ai;
using AccountCoachBot.Conversation;
using AccountCoachBot.Features.Promises;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Tests.Ai;

/// <summary>Free text through the real pipeline with a model: the fake Azure service reads it, the person confirms.</summary>
public sealed class PromiseExtractionFlowTests : IAsyncLifetime
{
    private const string Missed = "Acme wants the SLA redlines, I said they would have them once legal signs off, probably the 12th";
    private FakeModelServer _model = null!;
    private CoachTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _model = await FakeModelServer.StartAsync();
        _host = await CoachTestHost.StartAsync(AiFlowKit.Now, settings: _model.Settings(timeout: "00:00:03"));
        await _host.SayAsync("promise Acme: send the quote tomorrow"); // Acme is a client now
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _model.DisposeAsync();
    }

    private Task<List<Promise>> PromisesAsync() => _host.WithDbAsync(db => db.Promises.Include(p => p.Account).OrderBy(p => p.Id).ToListAsync());

    [Fact]
    public async Task FreeText_AnswersAtOnce_ThenProposesThePromise_SavedWithOneTap()
    {
        _model.Answer(ModelAnswer.Json(new { isPromise = true, account = "Acme", contact = (string?)null, action = "send the SLA redlines", due = "2026-03-12" }));

        var first = await _host.SayAsync(Missed);
        var proposal = Assert.Single(await _host.FollowUpsAsync());

        Assert.Equal("One moment — reading that…", first[^1].Text);
        Assert.Equal("Did you promise this? (read by AI — check it)", proposal.Card!.Title);
        Assert.Equal("Acme: send the SLA redlines — Thu 12 Mar, 18:00", Assert.Single(proposal.Card.Lines));
        Assert.Equal(["Save", "Not a promise"], proposal.Card.Actions.Select(a => a.Label));
        Assert.Single(await PromisesAsync()); // nothing saved before the tap

        var save = proposal.Card.Actions[0];
        await _host.PressAsync(save.Id, new Dictionary<string, string>(save.Payload));

        var saved = (await PromisesAsync())[^1];
        Assert.Equal("send the SLA redlines", saved.What);
        Assert.Equal("Acme", saved.Account!.Name);
        Assert.Equal(new DateTime(2026, 3, 12, 17, 0, 0, DateTimeKind.Utc), saved.DueUtc);
        Assert.Contains("<<<DATA kind=\"user-message\">>>\n" + Missed + "\n<<<END DATA>>>", _model.Requests[^1].Data);
    }

    [Fact]
    public async Task FreeText_OffersBothReadings_WhenParserAndModelDisagreeOnTheDate()
    {
        // The parser reads Friday; the model reads Monday: neither is guessed.
        _model.Answer(ModelAnswer.Json(new { isPromise = true, account = "Globex", contact = "Olga", action = "send the draft", due = "2026-03-09" }));

        await _host.SayAsync("I'll send Globex the draft by Friday, Olga asked");
        var proposal = Assert.Single(await _host.FollowUpsAsync());

        Assert.Equal("I can read this two ways. Which is right? (read by AI — check it)", proposal.Card!.Title);
        Assert.Equal(2, proposal.Card.Lines.Count);
        Assert.Contains("Fri 6 Mar", proposal.Card.Lines[0]);
        Assert.Contains("Mon 9 Mar", proposal.Card.Lines[1]);
        Assert.StartsWith("2. Globex (new client) (Olga)", proposal.Card.Lines[1]);
        Assert.Equal(["Save 1", "Save 2", "Not a promise"], proposal.Card.Actions.Select(a => a.Label));

        var second = proposal.Card.Actions[1];
        await _host.PressAsync(second.Id, new Dictionary<string, string>(second.Payload));
        var saved = (await PromisesAsync())[^1];
        Assert.Equal("Globex", saved.Account!.Name);
        Assert.Equal("Olga", saved.Contact);
        Assert.Equal(new DateTime(2026, 3, 9, 17, 0, 0, DateTimeKind.Utc), saved.DueUtc);
    }

    [Fact]
    public async Task FreeText_NeverAsksTheModel_WhenTheGrammarReadsItAll()
    {
        var reply = await _host.SayAsync("I'll send Acme the revised quote by Friday");

        Assert.StartsWith("Saved", reply[^1].Text);
        Assert.Empty(_model.Requests);
        Assert.Empty(await _host.FollowUpsAsync());
    }

    [Fact]
    public async Task NotAPromise_SavesNothing()
    {
        _model.Answer(ModelAnswer.Json(new { isPromise = true, account = "Acme", contact = (string?)null, action = "send the SLA redlines", due = "2026-03-12" }));
        await _host.SayAsync(Missed);
        var proposal = Assert.Single(await _host.FollowUpsAsync());

        var no = proposal.Card!.Actions[^1];
        var reply = await _host.PressAsync(no.Id, new Dictionary<string, string>(no.Payload));

        Assert.Equal("OK, nothing saved.", reply[^1].Text);
        Assert.Single(await PromisesAsync());
    }

    public static TheoryData<string> Failures() => new() { "malformed", "429", "500", "timeout", "not-a-promise", "invented-schema" };

    private static ModelAnswer Failure(string kind) => kind switch
    {
        "malformed" => ModelAnswer.Text("{\"isPromise\": true, \"account\": \"Ac"),
        "429" => ModelAnswer.Throttled,
        "500" => ModelAnswer.ServerError,
        "timeout" => ModelAnswer.Never,
        "not-a-promise" => ModelAnswer.Json(new { isPromise = false, account = (string?)null, contact = (string?)null, action = (string?)null, due = (string?)null }),
        _ => ModelAnswer.Json(new { promise = "yes", when = "soon" }),
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task FreeText_FallsBackToTheOfflineAnswer_WhenTheModelFails(string kind)
    {
        _model.Answer(Failure(kind));

        await _host.SayAsync(Missed);
        var followUp = Assert.Single(await _host.FollowUpsAsync());

        Assert.Equal("I didn't catch that. Try: `promise Acme: send the quote by Friday`, or `help`.", followUp.Text);
        Assert.Single(await PromisesAsync());
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task PartlyParsedPromise_GetsTheOfflineQuestion_WhenTheModelFails(string kind)
    {
        _model.Answer(Failure(kind));

        await _host.SayAsync("I'll send Globex the draft by Friday");
        var followUp = Assert.Single(await _host.FollowUpsAsync());

        // Exactly what the chat asks without a model: may it add the new client?
        Assert.Equal("Globex is new to me. Add it as a client and save the promise?", followUp.Card!.Title);
        Assert.StartsWith("Yes, add", followUp.Card.Actions[0].Label);
    }

    [Fact]
    public async Task FreeText_IsAnsweredOfflineAtOnce_WhileTheCircuitIsOpen()
    {
        _model.Answer(ModelAnswer.ServerError);
        for (var i = 0; i < 3; i++) await _host.SayAsync($"{Missed} ({i})");
        await _host.FollowUpsAsync();
        var sent = _host.Sender.Sent.Count;

        var reply = await _host.SayAsync(Missed);

        Assert.Equal("I didn't catch that. Try: `promise Acme: send the quote by Friday`, or `help`.", reply[^1].Text);
        Assert.Equal(3, _model.Requests.Count);
        Assert.Empty(await _host.FollowUpsAsync(sent));
    }

    [Fact]
    public async Task MistypedCommand_IsSuggested_NotSentToTheModel()
    {
        var reply = await _host.SayAsync("promsies");

        Assert.StartsWith("Did you mean", reply[^1].Text);
        Assert.Empty(_model.Requests);
    }
}
