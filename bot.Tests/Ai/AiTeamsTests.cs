using System.Text.Json.Nodes;
using AccountCoachBot.Ai;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Ai;

/// <summary>
/// The whole way as Teams sees it: the real bot on Kestrel, the fake connector, the fake Azure OpenAI service. The
/// message is answered at once; the model's proposal follows as a message of its own; its button saves.
/// </summary>
public sealed class AiTeamsTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(AiFlowKit.Now);
    private readonly TestDatabase _db = new();
    private readonly HttpClient _http = new();
    private FakeConnector _connector = null!;
    private FakeModelServer _model = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _model = await FakeModelServer.StartAsync();
        _bot = await BotHost.StartAsync(_db.Path, _time, _model.Settings(timeout: "00:00:03"));
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _model.DisposeAsync();
        await _connector.DisposeAsync();
        _http.Dispose();
        _db.Dispose();
    }

    private async Task<IReadOnlyList<JsonObject>> SendAsync(JsonObject activity, int expected = 1)
    {
        activity["channelId"] = "msteams";
        var count = _connector.Delivered.Count;
        (await _http.PostAsync(_bot.MessagesUrl, activity)).EnsureSuccessStatusCode();
        return (await _connector.WaitForDeliveredAsync(count + expected)).Skip(count).Select(d => d.Activity).ToList();
    }

    [Fact]
    public async Task FreeText_IsAnsweredAtOnce_ThenTheProposalFollows_AndItsButtonSaves()
    {
        await SendAsync(Activities.Message(_connector.ServiceUrl, "promise Acme: send the quote tomorrow"));
        _model.Answer(ModelAnswer.Json(new { isPromise = true, account = "Acme", contact = (string?)null, action = "send the SLA redlines", due = "2026-03-12" }));

        var sent = await SendAsync(Activities.Message(_connector.ServiceUrl, "Acme wants the SLA redlines, I said they would have them by the 12th, once legal signs off"), expected: 2);

        Assert.Equal("typing", sent[0]["type"]!.GetValue<string>()); // the holding line is Teams' typing indicator
        Assert.Null(sent[0]["text"]);
        var card = sent[1]["attachments"]![0]!["content"]!;
        var save = card["actions"]!.AsArray().Single(a => a!["title"]!.GetValue<string>() == "Save")!;
        await SendAsync(Activities.Submit(_connector.ServiceUrl, (JsonObject)save["data"]!.DeepClone()));
        Assert.Contains("send the SLA redlines", await _bot.WithDbAsync(db => db.Promises.Select(p => p.What).ToListAsync()));
    }

    [Fact]
    public async Task FirstMessage_StillGetsAnAnswer_WhenTheModelIsUnplugged()
    {
        await _model.DisposeAsync(); // nothing listens on its port any more

        // A new person's very first message: the follow-up must see the person this turn created.
        var sent = await SendAsync(Activities.Message(_connector.ServiceUrl, "Acme wants the SLA redlines, I said they would have them once legal signs off"), expected: 3);
        await _bot.Services.GetRequiredService<AiFollowUps>().WhenIdleAsync();

        // The follow-up can overtake the turn's own replies when the model fails at once (see AfterTurn).
        var texts = sent.Where(a => a["type"]!.GetValue<string>() == "message").Select(a => a["text"]!.GetValue<string>()).ToList();
        Assert.Contains(texts, t => t.StartsWith("Hi!"));
        Assert.Contains(sent, a => a["type"]!.GetValue<string>() == "typing");
        Assert.Contains("I didn't catch that. Try: `promise Acme: send the quote by Friday`, or `help`.", texts);
    }
}
