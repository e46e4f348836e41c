using System.Text.Json.Nodes;
using AccountCoachBot.Features.ProactiveCalls;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Features.ProactiveCalls;

/// <summary>Call nudges in a Teams chat: the bot on real Kestrel, a loopback fake Bot Connector, restarts on the same database.</summary>
public sealed class ProactiveCallsTeamsTests : IAsyncLifetime
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

    private void At(int month, int day, int hour, int minute = 0) => _time.SetUtcNow(new DateTimeOffset(2026, month, day, hour, minute, 0, TimeSpan.Zero));

    private async Task SayAsync(string text)
    {
        var count = _connector.Delivered.Count;
        await _http.PostAsync(_bot.MessagesUrl, Activities.Message(_connector.ServiceUrl, text, channelId: "msteams"));
        await _connector.WaitForDeliveredAsync(count + 1);
    }

    /// <summary>Proactive messages (not replies) carrying a call nudge card.</summary>
    private IReadOnlyList<JsonObject> Nudges() => _connector.Delivered
        .Where(c => c.ActivityId is null && c.Activity.ToJsonString().Contains(CallActions.CallFirst))
        .Select(c => c.Activity).ToList();

    private static JsonNode Card(JsonObject activity) => activity["attachments"]![0]!["content"]!;

    [Fact]
    public async Task TeamsChat_GetsTheNudgeOnce_CalledStopsIt_AndARestartDoublesNothing()
    {
        await SayAsync("account add Acme key");
        await SayAsync("called Acme: kickoff");

        At(3, 18, 8);
        Assert.Equal(1, await _bot.RunDispatcherAsync());
        Assert.Equal(0, await _bot.RunDispatcherAsync());
        await _bot.DisposeAsync();
        _bot = await BotHost.StartAsync(_db.Path, _time);
        At(3, 18, 8, 5);
        Assert.Equal(0, await _bot.RunDispatcherAsync());

        var nudge = Assert.Single(Nudges());
        Assert.Equal("a:conv-1", _connector.Delivered.Single(c => c.Activity == nudge).ConversationId);
        var card = Card(nudge);
        Assert.Equal("Acme hasn't heard from you for 14 days (key account, every 14).", card["body"]![0]!["text"]!.GetValue<string>());
        var actions = card["actions"]!.AsArray();
        Assert.Equal(["Called", "Snooze 3 days", "Snooze 1 day", "Snooze 7 days", "Skip…", "Why?"], actions.Select(a => a!["title"]!.GetValue<string>()));
        Assert.Equal("Action.ShowCard", actions[4]!["type"]!.GetValue<string>()); // Skip asks for the reason in the card

        var called = actions[0]!["data"]!.AsObject().DeepClone().AsObject();
        var count = _connector.Delivered.Count;
        var submit = Activities.Submit(_connector.ServiceUrl, called);
        submit["channelId"] = "msteams"; // the same person, in the same Teams chat
        await _http.PostAsync(_bot.MessagesUrl, submit);
        var reply = (await _connector.WaitForDeliveredAsync(count + 1))[^1];

        var replyCard = Card(reply.Activity);
        Assert.StartsWith("Logged: call with Acme, 14 days after the last contact.", replyCard["body"]![0]!["text"]!.GetValue<string>());
        var cadence = await _bot.WithDbAsync(db => db.Set<AccountCadence>().SingleAsync());
        Assert.Equal(new DateTime(2026, 3, 18, 8, 5, 0, DateTimeKind.Utc), cadence.LastContactUtc);
        foreach (var day in new[] { 19, 25, 31 })
        {
            At(3, day, 9);
            Assert.Equal(0, await _bot.RunDispatcherAsync());
        }
        Assert.Single(Nudges());
    }

    [Fact]
    public async Task TeamsChannel_TakesTheAccountsNudges_WhenSetHere()
    {
        const string channel = "19:sales@thread.tacv2";
        await SayAsync("account add Acme key");
        await SayAsync("called Acme: kickoff");
        await SayAsync("account Acme channel here");
        Assert.StartsWith("`here` works in a Teams channel", _connector.Delivered[^1].Activity["text"]!.GetValue<string>());

        var inChannel = Activities.Message(_connector.ServiceUrl, "account Acme channel here", channelId: "msteams", conversationId: channel);
        inChannel["conversation"]!["conversationType"] = "channel";
        inChannel["conversation"]!["isGroup"] = true;
        var count = _connector.Delivered.Count;
        await _http.PostAsync(_bot.MessagesUrl, inChannel);
        Assert.Equal("Call nudges for Acme will come to this conversation.", (await _connector.WaitForDeliveredAsync(count + 1))[^1].Activity["text"]!.GetValue<string>());

        At(3, 18, 8);
        Assert.Equal(1, await _bot.RunDispatcherAsync());

        var nudge = Assert.Single(Nudges());
        Assert.Equal(channel, _connector.Delivered.Single(c => c.Activity == nudge).ConversationId);
        Assert.DoesNotContain("kickoff", nudge.ToJsonString()); // a channel sees counts, not notes or promises

        // Someone else in the channel presses Called: refused, and the nudge stays for the owner.
        var called = Card(nudge)["actions"]![0]!["data"]!.AsObject().DeepClone().AsObject();
        var click = Activities.Submit(_connector.ServiceUrl, called, userId: "29:boris", conversationId: channel);
        click["channelId"] = "msteams";
        click["conversation"]!["conversationType"] = "channel";
        click["replyToId"] = "nudge-activity-id";
        count = _connector.Delivered.Count;
        await _http.PostAsync(_bot.MessagesUrl, click);
        await _connector.WaitForDeliveredAsync(count + 1);
        Assert.DoesNotContain(_connector.Calls, c => c.Method == "PUT");
        Assert.Equal(new DateTime(2026, 3, 4, 9, 0, 0, DateTimeKind.Utc), (await _bot.WithDbAsync(db => db.Set<AccountCadence>().SingleAsync())).LastContactUtc);
    }
}
