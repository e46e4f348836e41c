using System.Text.Json.Nodes;
using AccountCoachBot.Features.Promises;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Features.Promises;

/// <summary>The Undo button as Teams shows it (an Adaptive Card on the Bot Framework endpoint) and submits it.</summary>
public sealed class UndoTeamsTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero)); // Wed 10:00 Berlin
    private readonly TestDatabase _db = new();
    private readonly HttpClient _http = new();
    private FakeConnector _connector = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _bot = await BotHost.StartAsync(_db.Path, _time);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        _http.Dispose();
        _db.Dispose();
    }

    private async Task<JsonObject> SendAsync(JsonObject activity)
    {
        activity["channelId"] = "msteams";
        var count = _connector.Delivered.Count;
        (await _http.PostAsync(_bot.MessagesUrl, activity)).EnsureSuccessStatusCode();
        return (await _connector.WaitForDeliveredAsync(count + 1))[^1].Activity;
    }

    [Fact]
    public async Task UndoButton_OnTheDoneCard_ReopensThePromise_OnlyForItsOwner()
    {
        await SendAsync(Activities.Message(_connector.ServiceUrl, "promise Acme: send the quote tomorrow"));
        var done = await SendAsync(Activities.Message(_connector.ServiceUrl, "done 1"));
        var undo = done["attachments"]![0]!["content"]!["actions"]!.AsArray().Single(a => a!["title"]!.GetValue<string>() == "Undo")!;
        var data = undo["data"]!.AsObject();

        var stranger = await SendAsync(Activities.Submit(_connector.ServiceUrl, (JsonObject)data.DeepClone(), userId: "29:someone-else", conversationId: "a:conv-2"));
        Assert.Equal("That change isn't yours to undo; nothing changed.", stranger["text"]!.GetValue<string>());
        Assert.Equal(PromiseStatus.Done, await _bot.WithDbAsync(db => db.Promises.Select(p => p.Status).SingleAsync()));

        var owner = await SendAsync(Activities.Submit(_connector.ServiceUrl, (JsonObject)data.DeepClone()));
        Assert.StartsWith("Promise #1 is open again: send the quote (Acme), due Thu 5 Mar", owner["text"]!.GetValue<string>());
        Assert.Equal(PromiseStatus.Open, await _bot.WithDbAsync(db => db.Promises.Select(p => p.Status).SingleAsync()));
    }
}
