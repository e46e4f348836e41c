using System.Text;
using System.Text.Json.Nodes;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Conversation;
using AccountCoachBot.Features.Digests;
using AccountCoachBot.Features.People;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Features.Digests;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace AccountCoachBot.Tests.Channels.Slack;

/// <summary>
/// A reply's chart in Slack: the figures in the message, then the PNG through the external upload
/// (<c>files.getUploadURLExternal</c> → bytes to <c>upload_url</c> → <c>files.completeUploadExternal</c>), against the loopback fake.
/// </summary>
public sealed class SlackImageTests : IAsyncLifetime
{
    private const string Token = "xoxb-test-token";
    private const string Secret = "test-signing-secret";
    private const string User = "U0LEAD";
    private static readonly string[] ThreeSteps = ["files.getUploadURLExternal", FakeSlackApi.UploadMethod, "files.completeUploadExternal"];
    private readonly List<ServiceProvider> _providers = [];
    private readonly TestDatabase _db = new();
    private FakeSlackApi _slack = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync(Token);
        _slack.AddUser(new SlackUserSeed(User, "anna", Tz: "Europe/Berlin", Email: "anna@example.com", RealName: "Anna Petrova"));
    }

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers) await provider.DisposeAsync();
        await _slack.DisposeAsync();
        _db.Dispose();
    }

    private ServiceProvider Services()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = Token, ["Slack:SigningSecret"] = Secret, ["Slack:ApiBaseUrl"] = _slack.BaseUrl,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSlackApi(configuration);
        services.AddHttpClient(SlackApiClient.HttpClientName).AddHttpMessageHandler(() => new LoopbackOnlyHandler());
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider;
    }

    private static ReplyImage Chart() =>
        TrendChart.TryImage(TrendChartTests.EightWeeks(), Language.En, Substitute.For<ILogger>()) ?? throw new InvalidOperationException("no chart");

    private IReadOnlyList<string> Methods() => _slack.Calls.Select(c => c.Method).Where(m => m != "auth.test" && m != "users.info").ToList();

    [Fact]
    public async Task ShareImageAsync_TakesTheThreeStepsInOrder_WithTheBytesTheirLengthTheChannelAndTheComment()
    {
        var api = Services().GetRequiredService<SlackApiClient>();
        var image = Chart();

        var result = await api.ShareImageAsync("D0LEAD", image);

        Assert.True(result.Ok, result.Error);
        Assert.Equal(ThreeSteps, Methods());
        var ask = _slack.CallsTo("files.getUploadURLExternal").Single();
        Assert.True(ask.IsForm);
        Assert.Equal(("on-time-2026-11-23.png", image.Png.Length.ToString()), (ask.Arg("filename"), ask.Arg("length")));
        Assert.Equal(image.AltText, ask.Arg("alt_txt"));
        var file = Assert.Single(_slack.Files);
        Assert.Equal(image.Png, file.Bytes);
        Assert.Equal(image.Png.Length, file.ContentLength);
        Assert.Null(_slack.CallsTo(FakeSlackApi.UploadMethod).Single().Authorization); // the upload URL is the permission
        Assert.Equal(("D0LEAD", image.AltText, "Promises kept on time, by week", true), (file.SharedTo, file.InitialComment, file.Title, file.Completed));
        Assert.Equal(file.Id, result.Value);
        var files = JsonNode.Parse(_slack.CallsTo("files.completeUploadExternal").Single().Arg("files")!)!.AsArray();
        Assert.Equal(file.Id, files.Single()!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task ShareImageAsync_UploadsNothing_WhenSlackRefusesTheUploadUrl()
    {
        var api = Services().GetRequiredService<SlackApiClient>();
        _slack.ScriptError("files.getUploadURLExternal", "missing_scope");

        var result = await api.ShareImageAsync("D0LEAD", Chart());

        Assert.False(result.Ok);
        Assert.Equal("missing_scope", result.Error);
        Assert.Equal(["files.getUploadURLExternal"], Methods());
    }

    [Fact]
    public async Task ShareImageAsync_SendsNoBytes_ToAnUploadUrlOffSlack()
    {
        var api = Services().GetRequiredService<SlackApiClient>();
        _slack.Script("files.getUploadURLExternal", System.Net.HttpStatusCode.OK,
            new JsonObject { ["ok"] = true, ["upload_url"] = "https://files.example.com/upload/v1/F1", ["file_id"] = "F1" });

        var result = await api.ShareImageAsync("D0LEAD", Chart());

        Assert.False(result.Ok);
        Assert.Equal(["files.getUploadURLExternal"], Methods());
    }

    [Fact]
    public async Task NudgeSender_PostsTheFiguresThenSharesTheChart_InTheSameChannel()
    {
        var provider = Services();
        var sender = ActivatorUtilities.CreateInstance<SlackNudgeSender>(provider);
        var address = new ConversationAddress { Transport = SlackReference.Transport, ReferenceJson = new SlackReference(FakeSlackApi.TeamId, "C0SALES", User).ToJson() };

        var result = await sender.SendAsync(address, new Reply(ChartTestHandler.Figures) { Image = Chart() }, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal(["chat.postMessage", .. ThreeSteps], Methods());
        Assert.Contains(ChartTestHandler.Figures, _slack.CallsTo("chat.postMessage").Single().Arg("text"));
        Assert.Equal("C0SALES", _slack.Files.Single().SharedTo);
    }

    [Fact]
    public async Task NudgeSender_ReportsTheMessageSentAndLogs_WhenTheChartCannotBeShared()
    {
        var logger = Substitute.For<ILogger<SlackNudgeSender>>();
        var services = Services();
        var sender = new SlackNudgeSender(services.GetRequiredService<SlackApiClient>(), logger, services.GetRequiredService<SlackRateLimits>());
        var address = new ConversationAddress { Transport = SlackReference.Transport, ReferenceJson = new SlackReference(FakeSlackApi.TeamId, "C0SALES", User).ToJson() };
        _slack.ScriptError("files.completeUploadExternal", "internal_error");

        var result = await sender.SendAsync(address, new Reply(ChartTestHandler.Figures) { Image = Chart() }, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome); // a retry would post the figures twice
        Assert.Single(_slack.CallsTo("chat.postMessage"));
        Assert.False(_slack.Files.Single().Completed);
        logger.Received(1).Log(LogLevel.Warning, Arg.Any<EventId>(), Arg.Any<object>(), Arg.Any<Exception?>(), Arg.Any<Func<object, Exception?, string>>());
    }

    [Fact]
    public async Task DirectMessage_GetsTheFiguresThenTheChart_InTheDm()
    {
        await using var bot = await StartBotAsync();

        await DirectMessageAsync(bot, "test-chart", "Ev1");

        await _slack.WaitForCallsAsync("files.completeUploadExternal", 1);
        var methods = Methods().Where(m => m != "conversations.open").ToList();
        Assert.Equal(ThreeSteps, methods.TakeLast(3));
        Assert.Equal("chat.postMessage", methods[^4]);
        Assert.Equal(_slack.DmChannelOf(User), _slack.Files.Single().SharedTo);
    }

    [Fact]
    public async Task Dispatcher_DeliversAQueuedDigestWithItsChart_ThroughTheOutbox()
    {
        await using var bot = await StartBotAsync();
        await DirectMessageAsync(bot, "test-chart", "Ev1");
        await _slack.WaitForCallsAsync("files.completeUploadExternal", 1);
        await ChartTestRenderer.QueueAsync(bot);

        var sent = await bot.RunDispatcherAsync();

        Assert.Equal(1, sent);
        Assert.Equal(2, _slack.Files.Count(f => f.Completed && f.SharedTo == _slack.DmChannelOf(User)));
        Assert.Equal(["chat.postMessage", .. ThreeSteps], Methods().TakeLast(4));
    }

    [Fact]
    public async Task SlashCommand_WithAChart_AnswersInTheDm_SinceAFileCannotBeEphemeral()
    {
        await using var bot = await StartBotAsync();

        await PostSignedAsync(bot, "/slack/commands", string.Join('&', new Dictionary<string, string>
        {
            ["team_id"] = FakeSlackApi.TeamId, ["channel_id"] = "C0SALES", ["user_id"] = User, ["command"] = "/coach", ["text"] = "test-chart",
            ["trigger_id"] = "t1", ["response_url"] = _slack.ResponseUrl("t1"),
        }.Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value)}")), "application/x-www-form-urlencoded");

        await _slack.WaitForCallsAsync("files.completeUploadExternal", 1);
        var dm = _slack.DmChannelOf(User);
        Assert.Contains(_slack.CallsTo("chat.postMessage"), c => c.Arg("channel") == dm && c.Arg("text")!.Contains(ChartTestHandler.Figures));
        Assert.DoesNotContain(_slack.CallsTo(FakeSlackApi.ResponseUrlMethod), c => c.Body.ToJsonString().Contains("On time"));
        Assert.Equal(dm, _slack.Files.Single().SharedTo);
    }

    private Task<BotHost> StartBotAsync() => BotHost.StartAsync(_db.Path, new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero)),
        new Dictionary<string, string?> { ["Slack:BotToken"] = Token, ["Slack:SigningSecret"] = Secret, ["Slack:ApiBaseUrl"] = _slack.BaseUrl },
        services: s =>
        {
            s.AddTurnHandler<ChartTestHandler>(verbs: [ChartTestHandler.Verb]);
            s.AddScoped<INudgeRenderer, ChartTestRenderer>();
        });

    private Task DirectMessageAsync(BotHost bot, string text, string eventId) =>
        PostSignedAsync(bot, "/slack/events", new JsonObject
        {
            ["type"] = "event_callback", ["team_id"] = FakeSlackApi.TeamId, ["event_id"] = eventId,
            ["event"] = new JsonObject
            {
                ["type"] = "message", ["channel_type"] = "im", ["channel"] = _slack.DmChannelOf(User), ["user"] = User, ["text"] = text, ["ts"] = "1700000001.000100",
            },
        }.ToJsonString(), "application/json");

    private static async Task PostSignedAsync(BotHost bot, string path, string body, string contentType)
    {
        using var http = new HttpClient();
        var ts = bot.Time.GetUtcNow().ToUnixTimeSeconds().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, bot.BaseUrl + path.TrimStart('/')) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Content.Headers.ContentType!.CharSet = null;
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, ts);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Sign(Secret, ts, Encoding.UTF8.GetBytes(body)));
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}");
    }
}
