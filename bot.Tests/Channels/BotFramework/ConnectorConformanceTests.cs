using System.Net;
using System.Text.Json.Nodes;
using AccountCoachBot.Features.Promises;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Channels.BotFramework;

/// <summary>
/// The bot against a Bot Connector built from Microsoft's own botbuilder JS package (ChannelServiceRoutes),
/// on loopback: replies, proactive reminders, throttling and a removed bot, as that SDK parses them.
/// </summary>
public sealed class ConnectorConformanceTests : IAsyncLifetime
{
    private const string TeamsConversation = "a:1Xk9;messageid=1700000000@thread.v2";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly TestDatabase _db = new();
    private readonly HttpClient _http = new();
    private NodePeer _peer = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _peer = await NodePeer.StartAsync("connector-peer.js");
        _bot = await BotHost.StartAsync(_db.Path, _time);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _peer.DisposeAsync();
        _http.Dispose();
        _db.Dispose();
    }

    private JsonObject Message(string text, string? id = null) =>
        Activities.Message(_peer.BaseUrl, text, conversationId: TeamsConversation, channelId: "msteams", id: id);

    [Fact]
    public async Task Reply_ReachesBotbuilderConnector_WithEscapedTeamsConversationId()
    {
        await _http.PostAsync(_bot.MessagesUrl, Message("promises", id: "1700000000"));

        var recorded = await _peer.WaitForRecordedAsync(2);
        Assert.All(recorded, r =>
        {
            Assert.Equal("replyToActivity", r!["op"]!.GetValue<string>());
            Assert.Equal(TeamsConversation, r["conversationId"]!.GetValue<string>());
            Assert.Equal("1700000000", r["activityId"]!.GetValue<string>());
            Assert.Equal("message", r["activity"]!["type"]!.GetValue<string>());
        });
    }

    [Fact]
    public async Task Reminder_ReachesBotbuilderConnector_AsSendToConversation()
    {
        await _http.PostAsync(_bot.MessagesUrl, Message("promise Acme: call Olga back in 5 minutes"));
        await _peer.WaitForRecordedAsync(2);

        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await _bot.RunDispatcherAsync());

        var recorded = await _peer.WaitForRecordedAsync(3);
        var reminder = recorded[^1]!;
        Assert.Equal("sendToConversation", reminder["op"]!.GetValue<string>());
        Assert.Equal(TeamsConversation, reminder["conversationId"]!.GetValue<string>());
        Assert.Equal("29:user-1", reminder["activity"]!["recipient"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reminder_IsRescheduledAndDeliveredOnce_WhenConnectorThrottles()
    {
        await _http.PostAsync(_bot.MessagesUrl, Message("promise Acme: call Olga back in 5 minutes"));
        await _peer.WaitForRecordedAsync(2);
        await _peer.ScriptAsync(new[] { ConnectorResponses.TooManyRequests(retryAfterSeconds: 30) });

        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await _bot.RunDispatcherAsync()); // throttled: rescheduled, not blocked
        var row = await _bot.WithDbAsync(db => db.Outbox.SingleAsync(o => o.Kind == ReminderPolicy.DueKind));
        Assert.Equal(OutboxStatus.Pending, row.Status);
        Assert.Equal(_time.GetUtcNow().UtcDateTime.AddSeconds(30), row.DueUtc);

        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, await _bot.RunDispatcherAsync()); // Retry-After is honoured
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await _bot.RunDispatcherAsync());
        Assert.Equal(0, await _bot.RunDispatcherAsync());

        var sends = (await _peer.RecordedAsync()).Where(r => r!["op"]!.GetValue<string>() == "sendToConversation").ToList();
        Assert.Equal(2, sends.Count);
        Assert.Equal(429, sends[0]!["status"]!.GetValue<int>());
        Assert.Equal(200, sends[1]!["status"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("roster")]
    [InlineData("blocked")]
    [InlineData("notfound")]
    public async Task Reminder_MarksAddressStale_WhenBotIsGoneFromConversation(string failure)
    {
        await _http.PostAsync(_bot.MessagesUrl, Message("promise Acme: call Olga back in 5 minutes"));
        await _peer.WaitForRecordedAsync(2);
        var scripted = failure switch
        {
            "roster" => ConnectorResponses.BotNotInConversationRoster(),
            "blocked" => ConnectorResponses.MessageWritesBlocked(),
            _ => ConnectorResponses.ConversationNotFound(),
        };
        await _peer.ScriptAsync(new[] { scripted });

        _time.Advance(TimeSpan.FromMinutes(5));
        await _bot.RunDispatcherAsync();
        _time.Advance(TimeSpan.FromHours(1));
        await _bot.RunDispatcherAsync();

        Assert.Single(await _peer.RecordedAsync(), r => r!["op"]!.GetValue<string>() == "sendToConversation");
        Assert.True(await _bot.WithDbAsync(db => db.Addresses.Select(a => a.IsStale).SingleAsync()));
        Assert.Equal(OutboxStatus.Stale, (await _bot.WithDbAsync(db => db.Outbox.SingleAsync(o => o.Kind == ReminderPolicy.DueKind))).Status);
    }

    [Fact]
    public async Task EveryCardSent_ValidatesAsAdaptiveCard15_WithMicrosoftsParser()
    {
        string[] conversation =
        [
            "help", "settings", "promise Acme: send the revised quote tomorrow", "promises",
            "язык ru", "обещания", "settings", "language en",
        ];
        foreach (var text in conversation) await _http.PostAsync(_bot.MessagesUrl, Message(text));
        _time.Advance(TimeSpan.FromDays(1));
        await _bot.RunDispatcherAsync(); // the reminder card
        _time.Advance(TimeSpan.FromDays(1));
        await _bot.RunDispatcherAsync(); // the overdue list card

        var cards = (await _peer.RecordedAsync())
            .SelectMany(r => r!["activity"]!["attachments"]?.AsArray() ?? [])
            .Select(a => a!["content"]!.DeepClone())
            .ToList();
        Assert.True(cards.Count >= 6, $"expected at least 6 cards, got {cards.Count}");
        var errors = await AdaptiveCardValidator.ValidateAsync(cards);
        Assert.Empty(errors);
        Assert.All(cards, c => Assert.True(c.ToJsonString().Length < 28_000));
    }

    [Fact]
    public async Task ButtonAnswer_ReplacesTheCardInPlace_WhenPressedOnAReminder()
    {
        await _http.PostAsync(_bot.MessagesUrl, Message("promise Acme: call Olga back in 5 minutes"));
        await _peer.WaitForRecordedAsync(2);
        _time.Advance(TimeSpan.FromMinutes(5));
        await _bot.RunDispatcherAsync();
        var reminder = (await _peer.WaitForRecordedAsync(3))[^1]!;
        var cardId = reminder["response"]!["id"]!.GetValue<string>();
        var id = await _bot.WithDbAsync(db => db.Promises.Select(p => p.Id).SingleAsync());

        var click = Activities.Submit(_peer.BaseUrl, new JsonObject { ["action"] = "promise.done", ["promiseId"] = id.ToString() }, conversationId: TeamsConversation);
        click["channelId"] = "msteams";
        click["replyToId"] = cardId;
        await _http.PostAsync(_bot.MessagesUrl, click);

        var update = (await _peer.WaitForRecordedAsync(4))[^1]!;
        Assert.Equal("updateActivity", update["op"]!.GetValue<string>());
        Assert.Equal(cardId, update["activityId"]!.GetValue<string>());
        Assert.StartsWith("Done — on time", update["activity"]!["summary"]!.GetValue<string>()); // a card now: it carries Undo
    }

    [Fact]
    public async Task Install_AsksTeamsForTheEmail_SoSlackAndTeamsAreOnePerson()
    {
        await _peer.SetMembersAsync(TeamsConversation, new[] { new { id = "29:user-1", name = "Olga", email = "Olga@Example.com", userPrincipalName = "olga@example.com" } });
        var update = Message("");
        update["type"] = "conversationUpdate";
        update.Remove("text");
        update["membersAdded"] = new JsonArray { new JsonObject { ["id"] = "28:bot" } };

        await _http.PostAsync(_bot.MessagesUrl, update);

        await _peer.WaitForRecordedAsync(2);
        Assert.Contains(await _peer.RecordedAsync(), r => r!["op"]!.GetValue<string>() == "getConversationMember");
        Assert.Equal("olga@example.com", await _bot.WithDbAsync(db => db.People.Select(p => p.Email).SingleAsync()));
    }
}
