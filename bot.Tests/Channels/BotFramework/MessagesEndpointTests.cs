using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AccountCoachBot.Features.Promises;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Channels.BotFramework;

/// <summary>The bot on real Kestrel, a fake Bot Connector on loopback, anonymous local mode.</summary>
public sealed class MessagesEndpointTests : IAsyncLifetime
{
    // Wed 2026-03-04 10:00 in Berlin (09:00 UTC): inside working hours.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
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

    [Fact]
    public async Task Post_RepliesThroughConnector_WhenMessageArrives()
    {
        var inbound = Activities.Message(_connector.ServiceUrl, "help", id: "in-1");
        var response = await _http.PostAsync(_bot.MessagesUrl, inbound);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = await _connector.WaitForDeliveredAsync(2);
        Assert.Equal(2, calls.Count); // the first-contact welcome, then the help
        Assert.All(calls, c => Assert.Equal("in-1", c.ActivityId));
        Assert.All(calls, c => Assert.Equal("a:conv-1", c.ConversationId));
        Assert.Contains("Europe/Berlin", calls[0].Activity["text"]!.GetValue<string>());
        Assert.Equal("29:user-1", calls[1].Activity["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal("28:bot", calls[1].Activity["from"]!["id"]!.GetValue<string>());
        Assert.Null(calls[1].Authorization); // anonymous local mode sends no token
    }

    [Fact]
    public async Task Post_SendsRepliesWithContentLength_NotChunked()
    {
        await _http.PostAsync(_bot.MessagesUrl, Activities.Message(_connector.ServiceUrl, "help", id: "in-1"));

        var calls = await _connector.WaitForDeliveredAsync(2);
        // Strict proxies in front of a connector refuse chunked bodies.
        Assert.All(calls, c => Assert.True(c.ContentLength > 0, $"no Content-Length (Transfer-Encoding: {c.TransferEncoding})"));
        Assert.All(calls, c => Assert.Null(c.TransferEncoding));
    }

    [Fact]
    public async Task Post_ConfirmsWithAdaptiveCard_WhenPromiseIsCaptured()
    {
        await _http.PostAsync(_bot.MessagesUrl, Activities.Message(_connector.ServiceUrl, "promise Acme: send the revised quote tomorrow"));

        var calls = await _connector.WaitForDeliveredAsync(2);
        var card = calls[^1].Activity["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", card["contentType"]!.GetValue<string>());
        Assert.Equal("1.5", card["content"]!["version"]!.GetValue<string>());
        var facts = card["content"]!["body"]!.AsArray().First(e => e!["type"]!.GetValue<string>() == "FactSet")!["facts"]!.AsArray();
        Assert.Contains(facts, f => f!["value"]!.GetValue<string>() == "Acme");
        Assert.Contains(facts, f => f!["value"]!.GetValue<string>() == "Thu 5 Mar, 18:00");
        var promise = await _bot.WithDbAsync(db => db.Promises.Include(p => p.Account).SingleAsync());
        Assert.Equal("send the revised quote", promise.What);
        Assert.Equal(new DateTime(2026, 3, 5, 17, 0, 0, DateTimeKind.Utc), promise.DueUtc);
    }

    [Fact]
    public async Task Dispatcher_SendsAtDueReminderOnce_WhenDueTimeComes()
    {
        await _http.PostAsync(_bot.MessagesUrl, Activities.Message(_connector.ServiceUrl, "promise Acme: call Olga back in 5 minutes"));
        await _connector.WaitForDeliveredAsync(2);

        _time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(0, await _bot.RunDispatcherAsync());
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await _bot.RunDispatcherAsync());
        Assert.Equal(0, await _bot.RunDispatcherAsync());

        var calls = _connector.Delivered;
        Assert.Equal(3, calls.Count);
        var reminder = calls[^1];
        Assert.Null(reminder.ActivityId); // proactive: sent to the conversation, not as a reply
        var content = reminder.Activity["attachments"]![0]!["content"]!;
        Assert.Contains("Due now", content["body"]![0]!["text"]!.GetValue<string>());
        Assert.Contains(PromiseActions.KeepYourWord, content.ToJsonString());
        var actions = content["actions"]!.AsArray().Select(a => a!["title"]!.GetValue<string>()).ToList();
        Assert.Contains("Done", actions);
        Assert.Contains("New date…", actions);
    }

    [Fact]
    public async Task Dispatcher_SendsExactlyOnce_WhenBotRestartsBetweenSchedulingAndDue()
    {
        await _http.PostAsync(_bot.MessagesUrl, Activities.Message(_connector.ServiceUrl, "promise Acme: call Olga back in 5 minutes"));
        await _connector.WaitForDeliveredAsync(2);
        await _bot.DisposeAsync();

        _time.Advance(TimeSpan.FromMinutes(6));
        _bot = await BotHost.StartAsync(_db.Path, _time);
        await _bot.RunDispatcherAsync();
        await _bot.RunDispatcherAsync();

        Assert.Equal(3, _connector.Delivered.Count);
        Assert.Single(_connector.Delivered, c => c.ActivityId is null);
    }

    [Fact]
    public async Task Submit_MarksPromiseDone_WhenDoneButtonPressed()
    {
        await _http.PostAsync(_bot.MessagesUrl, Activities.Message(_connector.ServiceUrl, "promise Acme: send the quote tomorrow"));
        var id = await _bot.WithDbAsync(db => db.Promises.Select(p => p.Id).SingleAsync());

        var click = Activities.Submit(_connector.ServiceUrl, new JsonObject { ["action"] = PromiseActions.Done, [PromiseActions.IdKey] = id.ToString() });
        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync(_bot.MessagesUrl, click)).StatusCode);

        var calls = await _connector.WaitForDeliveredAsync(3);
        // The confirmation is a card (it carries Undo): its text is the notification summary.
        Assert.StartsWith("Done — on time", calls[^1].Activity["summary"]!.GetValue<string>());
        Assert.Equal(PromiseStatus.Done, await _bot.WithDbAsync(db => db.Promises.Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task Submit_IsRefused_WhenPromiseBelongsToSomeoneElse()
    {
        await _http.PostAsync(_bot.MessagesUrl, Activities.Message(_connector.ServiceUrl, "promise Acme: send the quote tomorrow"));
        var id = await _bot.WithDbAsync(db => db.Promises.Select(p => p.Id).SingleAsync());

        var click = Activities.Submit(_connector.ServiceUrl, new JsonObject { ["action"] = PromiseActions.Done, [PromiseActions.IdKey] = id.ToString() },
            userId: "29:someone-else", conversationId: "a:conv-2");
        await _http.PostAsync(_bot.MessagesUrl, click);

        var calls = await _connector.WaitForDeliveredAsync(4);
        Assert.Contains("can't find that promise among yours", calls[^1].Activity["text"]!.GetValue<string>());
        Assert.Equal(PromiseStatus.Open, await _bot.WithDbAsync(db => db.Promises.Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task Post_AnswersOnce_WhenSameActivityIsDeliveredTwice()
    {
        var inbound = Activities.Message(_connector.ServiceUrl, "promises", id: "dup-1");

        // A turn's replies go out before its POST is answered: the first delivery's are all recorded by now...
        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync(_bot.MessagesUrl, inbound)).StatusCode);
        Assert.Equal(2, _connector.Delivered.Count); // welcome + list
        // ...so once the second POST is answered, any second answer would be recorded too.
        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync(_bot.MessagesUrl, inbound)).StatusCode);
        var delivered = _connector.Delivered;
        Assert.Equal(2, delivered.Count); // still welcome + list, once
        Assert.All(delivered, c => Assert.Equal("dup-1", c.ActivityId));
    }

    [Theory]
    [InlineData("{not json", HttpStatusCode.BadRequest)]
    [InlineData("{\"text\":\"no type\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\":\"\"}", HttpStatusCode.BadRequest)]
    public async Task Post_ReturnsBadRequest_WhenBodyIsNotAnActivity(string body, HttpStatusCode expected)
    {
        var response = await _http.PostAsync(_bot.MessagesUrl, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(0, await _bot.WithDbAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task Post_Returns413_WhenBodyIsTooLarge()
    {
        var inbound = Activities.Message(_connector.ServiceUrl, new string('x', 300_000));
        var response = await _http.PostAsync(_bot.MessagesUrl, inbound);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_connector.Calls);
    }

    [Fact]
    public async Task Get_Returns405()
    {
        var response = await _http.GetAsync(_bot.MessagesUrl);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Invoke_AnswersInBody_WhenAdaptiveCardActionExecutes()
    {
        await _http.PostAsync(_bot.MessagesUrl, Activities.Message(_connector.ServiceUrl, "promise Acme: send the quote tomorrow"));
        var id = await _bot.WithDbAsync(db => db.Promises.Select(p => p.Id).SingleAsync());
        var invoke = Activities.Message(_connector.ServiceUrl, "");
        invoke["type"] = "invoke";
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = PromiseActions.OnTrack, ["data"] = new JsonObject { [PromiseActions.IdKey] = id.ToString() } },
            ["trigger"] = "manual",
        };

        var response = await _http.PostAsync(_bot.MessagesUrl, invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        Assert.True(await _bot.WithDbAsync(db => db.Promises.Select(p => p.OnTrack).SingleAsync()));
    }

    [Fact]
    public async Task Invoke_Returns501_WhenInvokeIsUnknown()
    {
        var invoke = Activities.Message(_connector.ServiceUrl, "");
        invoke["type"] = "invoke";
        invoke["name"] = "composeExtension/query";

        var response = await _http.PostAsync(_bot.MessagesUrl, invoke);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task ConversationUpdate_Welcomes_WhenBotIsAdded()
    {
        var update = Activities.Message(_connector.ServiceUrl, "");
        update["type"] = "conversationUpdate";
        update.Remove("text");
        update["membersAdded"] = new JsonArray { new JsonObject { ["id"] = "28:bot" } };

        await _http.PostAsync(_bot.MessagesUrl, update);

        var calls = await _connector.WaitForDeliveredAsync(1);
        Assert.Contains("promise Acme:", calls[0].Activity["text"]!.GetValue<string>());
        Assert.Equal(1, await _bot.WithDbAsync(db => db.Addresses.CountAsync()));
    }

    [Fact]
    public async Task ChecklistForm_SubmittedFromTeams_StoresEveryAnswer()
    {
        await _http.PostAsync(_bot.MessagesUrl, Activities.Message(_connector.ServiceUrl, "meeting Acme 2026-03-10 15:00 important"));
        await _http.PostAsync(_bot.MessagesUrl, Activities.Message(_connector.ServiceUrl, "prep Acme"));
        var form = (await _connector.WaitForDeliveredAsync(3))[^1].Activity["attachments"]![0]!["content"]!;
        var inputs = form["body"]!.AsArray().Where(e => e!["type"]!.GetValue<string>().StartsWith("Input.")).ToList();
        Assert.True(inputs.Count >= 9);
        var save = form["actions"]!.AsArray().Single(a => a!["data"]?["action"]?.GetValue<string>() == "meeting.save")!;

        var data = save["data"]!.DeepClone().AsObject();
        foreach (var input in inputs) data[input!["id"]!.GetValue<string>()] = "answer to " + input["id"]!.GetValue<string>();
        await _http.PostAsync(_bot.MessagesUrl, Activities.Submit(_connector.ServiceUrl, data));

        await _connector.WaitForDeliveredAsync(4);
        Assert.Equal(inputs.Count, await _bot.WithDbAsync(db => db.Set<AccountCoachBot.Features.MeetingPrep.MeetingAnswer>().CountAsync(a => a.Text.StartsWith("answer to "))));
    }
}
