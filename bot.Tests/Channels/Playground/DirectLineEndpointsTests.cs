using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AccountCoachBot.Features.Promises;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Channels.Playground;

/// <summary>The playground's Direct Line endpoints on real Kestrel, local mode (no app id), as Web Chat polls them.</summary>
public sealed class DirectLineEndpointsTests : IAsyncLifetime
{
    // Wed 2026-03-04 09:00 UTC: inside working hours.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly TestDatabase _db = new();
    private readonly HttpClient _http = new();
    private BotHost _bot = null!;
    private DirectLineClient _client = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHost.StartAsync(_db.Path, _time);
        _client = new DirectLineClient(_http, _bot.BaseUrl);
        await _client.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        _http.Dispose();
        _db.Dispose();
    }

    [Fact]
    public async Task Post_EchoesTheActivityAndRepliesWithAdaptiveCard_WhenPromiseIsTyped()
    {
        var id = await _client.SayAsync("promise Acme: send the revised quote tomorrow", clientActivityId: "client-1");

        var activities = await _client.PollAsync();
        var echo = activities[0];
        Assert.Equal(id, echo["id"]!.GetValue<string>());
        Assert.Equal("client-1", echo["channelData"]!["clientActivityID"]!.GetValue<string>());
        Assert.Equal("pg-user-1", echo["from"]!["id"]!.GetValue<string>());
        Assert.True(DateTimeOffset.TryParse(echo["timestamp"]!.GetValue<string>(), out _)); // a server timestamp, as an ISO string
        var replies = activities.Skip(1).ToList();
        Assert.Equal(2, replies.Count); // the first-contact welcome, then the confirmation
        Assert.All(replies, r => Assert.Equal(id, r["replyToId"]!.GetValue<string>()));
        Assert.All(replies, r => Assert.Equal("bot", r["from"]!["role"]!.GetValue<string>()));
        var card = DirectLineClient.CardOf(replies[^1])!;
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.Equal("Promise saved", card["body"]![0]!["text"]!.GetValue<string>());
        Assert.Equal(3, _client.Watermark);
        Assert.Empty(await _client.PollAsync());
    }

    [Fact]
    public async Task Post_RepliesInRussian_WhenThePersonWritesRussian()
    {
        await _client.SayAsync("обещание Acme: отправить КП завтра", locale: "ru-RU");

        var card = DirectLineClient.CardOf((await _client.PollAsync())[^1])!;
        Assert.Equal("Обещание сохранено", card["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Submit_RunsTheCardsAction_WhenWebChatSendsItsValue()
    {
        await _client.SayAsync("promise Acme: send the revised quote tomorrow");
        var confirmation = (await _client.PollAsync())[^1];
        var card = DirectLineClient.CardOf(confirmation)!;
        // "Cancel…" opens its inputs in a ShowCard; its Action.Submit's data plus the typed input come back as the value.
        var cancel = card["actions"]!.AsArray().Select(a => a!["card"]).Single(c => c?["actions"]![0]!["data"]!["action"]!.GetValue<string>() == PromiseActions.Cancel)!;
        var value = cancel["actions"]![0]!["data"]!.DeepClone().AsObject();
        value[cancel["body"]![0]!["id"]!.GetValue<string>()] = "the client dropped the deal";

        await _client.SubmitAsync(value);

        // The answer takes the card's place: the same id and first timestamp, appended again for the polling page.
        var reply = (await _client.PollAsync()).Last();
        Assert.Equal(confirmation["id"]!.GetValue<string>(), reply["id"]!.GetValue<string>());
        Assert.Equal(confirmation["timestamp"]!.GetValue<string>(), reply["timestamp"]!.GetValue<string>());
        Assert.StartsWith("Cancelled: ", DirectLineClient.TextOf(reply)); // a card now (it carries Undo): its words are the summary
        Assert.False(reply["value"] is JsonObject v && v.ContainsKey("playground.card"));
        var promise = await _bot.WithDbAsync(db => db.Promises.SingleAsync());
        Assert.Equal(PromiseStatus.Cancelled, promise.Status);
    }

    [Fact]
    public async Task ExportAndForgetMe_WorkInThePage_WhenThePersonAsks()
    {
        await _client.SayAsync("promise Acme: send the revised quote tomorrow");
        await _client.PollAsync();

        await _client.SayAsync("export");
        var export = DirectLineClient.TextOf((await _client.PollAsync())[^1]);
        Assert.Contains("send the revised quote", export);

        await _client.SayAsync("forget me");
        var question = DirectLineClient.CardOf((await _client.PollAsync())[^1])!;
        var yes = question["actions"]!.AsArray().First(a => a!["data"]!["confirm"]?.GetValue<string>() == "yes")!;
        await _client.SubmitAsync(yes["data"]!.DeepClone().AsObject());
        await _client.PollAsync();

        Assert.Equal(0, await _bot.WithDbAsync(db => db.People.CountAsync()));
        Assert.Equal(0, await _bot.WithDbAsync(db => db.Promises.CountAsync()));
    }

    [Fact]
    public async Task Dispatcher_AppendsTheReminderToThePagesConversation_WhenThePromiseFallsDue()
    {
        await _client.SayAsync("promise Acme: call Olga back in 5 minutes");
        await _client.PollAsync();

        _time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(0, await _bot.RunDispatcherAsync());
        Assert.Empty(await _client.PollAsync());
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await _bot.RunDispatcherAsync());

        var reminder = Assert.Single(await _client.PollAsync());
        Assert.Equal("bot", reminder["from"]!["role"]!.GetValue<string>());
        var done = DirectLineClient.CardOf(reminder)!["actions"]!.AsArray().First()!;
        Assert.Equal(PromiseActions.Done, done["data"]!["action"]!.GetValue<string>());

        await _client.SubmitAsync(done["data"]!.DeepClone().AsObject());
        var answer = (await _client.PollAsync()).Last();
        Assert.StartsWith("Done — on time", DirectLineClient.TextOf(answer));
        Assert.Equal(reminder["id"]!.GetValue<string>(), answer["id"]!.GetValue<string>()); // the reminder becomes the answer
        Assert.Equal(PromiseStatus.Done, (await _bot.WithDbAsync(db => db.Promises.SingleAsync())).Status);
    }

    [Fact]
    public async Task Post_RunsOneTurn_WhenWebChatResendsTheSameClientActivity()
    {
        var first = await _client.SayAsync("promise Acme: send the quote tomorrow", clientActivityId: "same");
        var second = await _client.SayAsync("promise Acme: send the quote tomorrow", clientActivityId: "same");

        Assert.Equal(first, second);
        Assert.Equal(1, await _bot.WithDbAsync(db => db.Promises.CountAsync()));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"type\":\"message\"}")]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\",\"from\":\"me\"}")]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\",\"attachments\":7}")]
    [InlineData("")]
    public async Task Post_Answers400_WhenTheBodyIsMalformed(string body)
    {
        var response = await _client.SendAsync(HttpMethod.Post, $"/conversations/{_client.ConversationId}/activities",
            new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await _bot.WithDbAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task Post_Answers413_WhenTheBodyIsTooLarge()
    {
        var body = new JsonObject { ["type"] = "message", ["text"] = new string('a', 300 * 1024) }.ToJsonString();
        var response = await _client.SendAsync(HttpMethod.Post, $"/conversations/{_client.ConversationId}/activities",
            new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("/conversations/{id}/activities?watermark=abc")]
    [InlineData("/conversations/{id}/activities?watermark=-1")]
    [InlineData("/conversations/{id}/activities?watermark=١")]
    [InlineData("/conversations/bad%20id/activities")]
    public async Task Get_Answers400_WhenTheRequestIsMalformed(string path)
    {
        var response = await _client.SendAsync(HttpMethod.Get, path.Replace("{id}", _client.ConversationId));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Start_Answers400_WhenTheUserIdIsNotAString()
    {
        var response = await _http.PostAsync(_client.Base + "/conversations", new StringContent("{\"user\":{\"id\":42}}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Calls_Answer403_WhenTheTokenIsAnotherConversations()
    {
        var other = new DirectLineClient(_http, _bot.BaseUrl);
        await other.StartAsync("pg-user-2");

        var poll = await _client.SendAsync(HttpMethod.Get, $"/conversations/{_client.ConversationId}/activities", token: other.Token);
        var post = await _client.SendAsync(HttpMethod.Post, $"/conversations/{_client.ConversationId}/activities",
            new StringContent("{\"type\":\"message\",\"text\":\"help\"}", Encoding.UTF8, "application/json"), token: other.Token);
        var reconnect = await _client.SendAsync(HttpMethod.Get, $"/conversations/{_client.ConversationId}", token: "made-up");

        Assert.Equal(HttpStatusCode.Forbidden, poll.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reconnect.StatusCode);
        Assert.Equal(0, await _bot.WithDbAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task Calls_Answer401_WhenThereIsNoToken()
    {
        var response = await _http.GetAsync($"{_client.Base}/conversations/{_client.ConversationId}/activities");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Reconnect_RecreatesTheConversation_WhenTheBotNoLongerKnowsIt()
    {
        // After a restart the page still holds its conversation id and token: a 404 would end Web Chat's session.
        var response = await _client.SendAsync(HttpMethod.Get, "/conversations/forgotten-conversation", token: "kept-token");
        var stranger = await _client.SendAsync(HttpMethod.Get, "/conversations/forgotten-conversation/activities", token: "another-token");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
    }

    [Fact]
    public async Task Refresh_ReturnsTheConversationsToken_WhenTheTokenIsKnown()
    {
        var known = await _client.SendAsync(HttpMethod.Post, "/tokens/refresh");
        var unknown = await _client.SendAsync(HttpMethod.Post, "/tokens/refresh", token: "made-up");

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Contains(_client.Token, await known.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, unknown.StatusCode);
    }

    [Fact]
    public async Task Page_LoadsWebChatFromTheBot_WhenOpened()
    {
        var page = await _http.GetStringAsync(_bot.BaseUrl);
        var script = await _http.GetAsync(_bot.BaseUrl + "playground/webchat.js");

        Assert.Contains("<script src=\"/playground/webchat.js\"></script>", page);
        Assert.Contains("webSocket: false", page);
        Assert.Contains("песочница", page);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("renderWebChat", await script.Content.ReadAsStringAsync());
    }
}
