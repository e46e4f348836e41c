using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AccountCoachBot.Tests.Channels.Slack;

/// <summary>
/// <see cref="SlackApiClient"/> as the app registers it (<see cref="SlackApiServiceCollectionExtensions.AddSlackApi"/>),
/// over real HTTP against <see cref="FakeSlackApi"/>, with the loopback-only guard in its handler chain.
/// </summary>
public sealed class SlackApiClientTests : IAsyncLifetime
{
    private const string Token = "xoxb-1111-2222-SeCrEtToKeNvAlUe";
    private readonly CapturingLoggerProvider _logs = new();
    private readonly List<ServiceProvider> _providers = [];
    private FakeSlackApi _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlackApi.StartAsync(expectedToken: Token);

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers) await provider.DisposeAsync();
        await _slack.DisposeAsync();
    }

    private ServiceProvider Services(string? baseUrl = null, string? token = Token, TimeSpan? timeout = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = token,
            ["Slack:SigningSecret"] = "8f742231b10e8888abcd99yyyzzz85a5",
            ["Slack:ApiBaseUrl"] = baseUrl ?? _slack.BaseUrl,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs));
        services.AddSlackApi(configuration);
        var http = services.AddHttpClient(SlackApiClient.HttpClientName).AddHttpMessageHandler(() => new LoopbackOnlyHandler());
        if (timeout is not null) http.ConfigureHttpClient(c => c.Timeout = timeout.Value);
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider;
    }

    private SlackApiClient Client(string? baseUrl = null, string? token = Token, TimeSpan? timeout = null) =>
        Services(baseUrl, token, timeout).GetRequiredService<SlackApiClient>();

    private static JsonObject Message(string text = "Reminder: call Acme") => new()
    {
        ["text"] = text,
        ["blocks"] = new JsonArray(new JsonObject
        {
            ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "*" + text + "*" },
        }),
        ["unfurl_links"] = false,
    };

    private static void AssertJsonCall(FakeSlackApi.RecordedCall call, string method)
    {
        Assert.Equal(method, call.Method);
        Assert.Equal("POST", call.HttpMethod);
        Assert.Equal("Bearer " + Token, call.Authorization);
        Assert.Equal("application/json; charset=utf-8", call.ContentType);
    }

    private static void AssertFormCall(FakeSlackApi.RecordedCall call, string method)
    {
        Assert.Equal(method, call.Method);
        Assert.Equal("POST", call.HttpMethod);
        Assert.Equal("Bearer " + Token, call.Authorization);
        Assert.True(call.IsForm, $"{method} should be form-encoded, was {call.ContentType}");
        Assert.Null(call.Arg("token")); // the token travels in the header only
    }

    [Fact]
    public async Task AuthTestAsync_ReturnsBotUserAndTeam_WhenTokenIsAccepted()
    {
        var result = await Client().AuthTestAsync();

        Assert.True(result.Ok, result.Error);
        Assert.Equal(new SlackAuthInfo(FakeSlackApi.BotUserId, FakeSlackApi.BotId, FakeSlackApi.TeamId, FakeSlackApi.TeamName,
            "https://fake-workspace.slack.com/"), result.Value);
        AssertFormCall(Assert.Single(_slack.Calls), "auth.test");
    }

    [Fact]
    public async Task PostMessageAsync_SendsJsonWithChannelTextBlocksAndThread_WhenThreadTsGiven()
    {
        var message = Message();
        var before = message.ToJsonString();

        var result = await Client().PostMessageAsync("C0SALES", message, threadTs: "1699999999.000100");

        Assert.True(result.Ok, result.Error);
        Assert.Null(result.Warning); // no missing_charset: the JSON body declares utf-8
        Assert.Equal(new SlackMessageRef("C0SALES", "1700000000.000100"), result.Value);
        Assert.Equal("1700000000.000100", result.Response!["message"]!["ts"]!.GetValue<string>());
        var call = Assert.Single(_slack.Calls);
        AssertJsonCall(call, "chat.postMessage");
        Assert.Equal("C0SALES", call.Arg("channel"));
        Assert.Equal("Reminder: call Acme", call.Arg("text"));
        Assert.Equal("1699999999.000100", call.Arg("thread_ts"));
        Assert.Equal("section", call.Body["blocks"]![0]!["type"]!.GetValue<string>());
        Assert.False(call.Body["unfurl_links"]!.GetValue<bool>());
        Assert.Equal(before, message.ToJsonString()); // the caller's message is not changed
    }

    [Fact]
    public async Task PostMessageAsync_OmitsThreadTsAndReturnsIncreasingTs_WhenPostingTwice()
    {
        var client = Client();

        var first = await client.PostMessageAsync("C0SALES", Message("one"));
        var second = await client.PostMessageAsync("C0SALES", Message("two"));

        Assert.Equal("1700000000.000100", first.Value!.Ts);
        Assert.Equal("1700000000.000200", second.Value!.Ts);
        Assert.All(_slack.CallsTo("chat.postMessage"), c => Assert.False(c.Body.ContainsKey("thread_ts")));
    }

    [Fact]
    public async Task PostMessageAsync_ReturnsDmChannel_WhenPostingToUserId()
    {
        _slack.AddUser(new SlackUserSeed("U0ALICE", "alice"));

        var result = await Client().PostMessageAsync("U0ALICE", Message());

        Assert.True(result.Ok, result.Error);
        Assert.Equal(_slack.DmChannelOf("U0ALICE"), result.Value!.Channel);
        Assert.StartsWith("D", result.Value.Channel);
    }

    [Fact]
    public async Task PostEphemeralAsync_SendsChannelUserAndMessage_WhenUserIsKnown()
    {
        _slack.AddUser(new SlackUserSeed("U0ALICE", "alice"));

        var result = await Client().PostEphemeralAsync("C0SALES", "U0ALICE", Message("only you"));

        Assert.True(result.Ok, result.Error);
        Assert.Equal("1700000000.000100", result.Value);
        var call = Assert.Single(_slack.Calls);
        AssertJsonCall(call, "chat.postEphemeral");
        Assert.Equal("C0SALES", call.Arg("channel"));
        Assert.Equal("U0ALICE", call.Arg("user"));
        Assert.Equal("only you", call.Arg("text"));
        Assert.Equal("mrkdwn", call.Body["blocks"]![0]!["text"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateMessageAsync_SendsChannelTsAndNewContent_WhenUpdatingPostedMessage()
    {
        var client = Client();
        var posted = await client.PostMessageAsync("D0ALICE", Message("due today"));

        var result = await client.UpdateMessageAsync("D0ALICE", posted.Value!.Ts, Message("✅ Done"));

        Assert.True(result.Ok, result.Error);
        Assert.Equal(new SlackMessageRef("D0ALICE", posted.Value.Ts), result.Value);
        var call = Assert.Single(_slack.CallsTo("chat.update"));
        AssertJsonCall(call, "chat.update");
        Assert.Equal("D0ALICE", call.Arg("channel"));
        Assert.Equal(posted.Value.Ts, call.Arg("ts"));
        Assert.Equal("✅ Done", call.Arg("text"));
        Assert.Equal("*✅ Done*", call.Body["blocks"]![0]!["text"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task OpenViewAsync_SendsTriggerIdAndView_WhenOpeningModal()
    {
        var view = new JsonObject
        {
            ["type"] = "modal", ["callback_id"] = "nudge_reschedule",
            ["title"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Reschedule nudge" },
            ["private_metadata"] = "{\"nudge\":42}",
            ["blocks"] = new JsonArray(),
        };

        var result = await Client().OpenViewAsync("398738663015.47445629121.803a0bc8", view);

        Assert.True(result.Ok, result.Error);
        Assert.StartsWith("V", result.Value);
        Assert.Equal(result.Value, result.Response!["view"]!["id"]!.GetValue<string>());
        var call = Assert.Single(_slack.Calls);
        AssertJsonCall(call, "views.open");
        Assert.Equal("398738663015.47445629121.803a0bc8", call.Arg("trigger_id"));
        Assert.Equal("nudge_reschedule", call.Body["view"]!["callback_id"]!.GetValue<string>());
        Assert.Equal("{\"nudge\":42}", call.Body["view"]!["private_metadata"]!.GetValue<string>());
    }

    [Fact]
    public async Task PublishHomeAsync_SendsUserIdViewAndHash_WhenHashGiven()
    {
        _slack.AddUser(new SlackUserSeed("U0ALICE", "alice"));
        var home = new JsonObject { ["type"] = "home", ["blocks"] = new JsonArray() };

        var result = await Client().PublishHomeAsync("U0ALICE", home, hash: "1526245001.ab12");

        Assert.True(result.Ok, result.Error);
        Assert.StartsWith("V", result.Value);
        var call = Assert.Single(_slack.Calls);
        AssertJsonCall(call, "views.publish");
        Assert.Equal("U0ALICE", call.Arg("user_id"));
        Assert.Equal("home", call.Body["view"]!["type"]!.GetValue<string>());
        Assert.Equal("1526245001.ab12", call.Arg("hash"));
    }

    [Fact]
    public async Task UsersInfoAsync_ReturnsTimeZoneLocaleAndEmail_WhenUserIsSeeded()
    {
        _slack.AddUser(new SlackUserSeed("U0OLGA", "olga", Tz: "Europe/Moscow", Email: "olga@example.com", Locale: "ru-RU",
            RealName: "Olga Petrova", TzOffset: 10800));

        var result = await Client().UsersInfoAsync("U0OLGA");

        Assert.True(result.Ok, result.Error);
        Assert.Equal(new SlackUser("U0OLGA", "olga", "Olga Petrova", "Europe/Moscow", 10800, "ru-RU", "olga@example.com", IsBot: false, IsDeleted: false, TeamId: FakeSlackApi.TeamId),
            result.Value);
        var call = Assert.Single(_slack.Calls);
        AssertFormCall(call, "users.info");
        Assert.Equal("U0OLGA", call.Arg("user"));
        Assert.Equal("true", call.Arg("include_locale"));
    }

    [Fact]
    public async Task UsersInfoAsync_ReturnsBotFlagWithoutOptionalFields_WhenUserIsTheBot()
    {
        var result = await Client().UsersInfoAsync(FakeSlackApi.BotUserId);

        Assert.True(result.Ok, result.Error);
        Assert.True(result.Value!.IsBot);
        Assert.Null(result.Value.TimeZone);
        Assert.Null(result.Value.TimeZoneOffsetSeconds);
        Assert.Null(result.Value.Locale);
        Assert.Null(result.Value.Email);
    }

    [Fact]
    public async Task UsersInfoAsync_ReportsUserNotFound_WhenUserIsUnknown()
    {
        var result = await Client().UsersInfoAsync("U0NOBODY");

        Assert.False(result.Ok);
        Assert.Equal("user_not_found", result.Error);
        Assert.Null(result.Value);
        Assert.True(result.IsChannelGone);
        Assert.False(result.IsTransient);
    }

    [Fact]
    public async Task LookupByEmailAsync_ReturnsUser_WhenEmailMatches()
    {
        _slack.AddUser(new SlackUserSeed("U0OLGA", "olga", Tz: "Europe/Moscow", Email: "Olga@Example.com"));

        var result = await Client().LookupByEmailAsync("olga@example.com");

        Assert.True(result.Ok, result.Error);
        Assert.Equal("U0OLGA", result.Value!.Id);
        Assert.Equal("Europe/Moscow", result.Value.TimeZone);
        Assert.Equal("Olga@Example.com", result.Value.Email);
        var call = Assert.Single(_slack.Calls);
        AssertFormCall(call, "users.lookupByEmail");
        Assert.Equal("olga@example.com", call.Arg("email"));
    }

    [Fact]
    public async Task LookupByEmailAsync_ReturnsNoUser_WhenNoUserHasTheEmail()
    {
        var result = await Client().LookupByEmailAsync("nobody@example.com");

        Assert.False(result.Ok);
        Assert.Equal("users_not_found", result.Error);
        Assert.Null(result.Value);
        Assert.False(result.IsTransient);
    }

    [Fact]
    public async Task OpenConversationAsync_ReturnsDmChannelId_WhenUserExists()
    {
        _slack.AddUser(new SlackUserSeed("U0ALICE", "alice"));

        var result = await Client().OpenConversationAsync("U0ALICE");

        Assert.True(result.Ok, result.Error);
        Assert.StartsWith("D", result.Value);
        Assert.Equal(_slack.DmChannelOf("U0ALICE"), result.Value);
        var call = Assert.Single(_slack.Calls);
        AssertJsonCall(call, "conversations.open");
        Assert.Equal("U0ALICE", call.Arg("users"));
    }

    [Fact]
    public async Task PostMessageAsync_ReturnsRetryAfterWithoutRetrying_WhenRateLimited()
    {
        _slack.ScriptRateLimited("chat.postMessage", retryAfterSeconds: 30);

        var result = await Client().PostMessageAsync("C0SALES", Message());

        Assert.False(result.Ok);
        Assert.Equal(429, result.HttpStatus);
        Assert.Equal("ratelimited", result.Error);
        Assert.Equal(TimeSpan.FromSeconds(30), result.RetryAfter);
        Assert.True(result.IsTransient);
        Assert.False(result.IsChannelGone);
        Assert.False(result.IsAuthProblem);
        Assert.Null(result.Value);
        Assert.Single(_slack.Calls); // no internal retry
    }

    [Fact]
    public async Task PostMessageAsync_ReportsHttpStatus_WhenServerAnswersHtml503()
    {
        _slack.ScriptRaw("chat.postMessage", HttpStatusCode.ServiceUnavailable, "<html><body>Service Unavailable</body></html>", retryAfterSeconds: 5);

        var result = await Client().PostMessageAsync("C0SALES", Message());

        Assert.Equal("http_503", result.Error);
        Assert.Equal(TimeSpan.FromSeconds(5), result.RetryAfter);
        Assert.Null(result.Response);
        Assert.True(result.IsTransient);
    }

    [Fact]
    public async Task PostMessageAsync_IsChannelGone_WhenBotIsNotInChannel()
    {
        _slack.ScriptError("chat.postMessage", "not_in_channel");

        var result = await Client().PostMessageAsync("C0SALES", Message());

        Assert.False(result.Ok);
        Assert.Equal(200, result.HttpStatus);
        Assert.Equal("not_in_channel", result.Error);
        Assert.True(result.IsChannelGone);
        Assert.False(result.IsTransient);
        Assert.False(result.IsAuthProblem);
    }

    [Fact]
    public async Task AuthTestAsync_IsAuthProblem_WhenTokenIsWrong()
    {
        var result = await Client(token: "xoxb-someone-elses-token").AuthTestAsync();

        Assert.False(result.Ok);
        Assert.Equal("invalid_auth", result.Error);
        Assert.True(result.IsAuthProblem);
        Assert.False(result.IsTransient);
        Assert.False(result.IsChannelGone);
        Assert.Null(result.Value);
    }

    [Fact]
    public async Task PostMessageAsync_SendsNothing_WhenNoBotTokenConfigured()
    {
        var result = await Client(token: null).PostMessageAsync("C0SALES", Message());

        Assert.Equal("not_authed", result.Error);
        Assert.True(result.IsAuthProblem);
        Assert.Empty(_slack.Calls);
    }

    [Fact]
    public async Task PostMessageAsync_ReturnsWarning_WhenSlackAnswersWithWarnings()
    {
        _slack.Script("chat.postMessage", HttpStatusCode.OK, JsonNode.Parse("""
            {"ok":true,"channel":"C0SALES","ts":"1700000001.000100",
             "response_metadata":{"warnings":["missing_text_or_fallback_or_attachments"],"messages":["[WARN] A top-level text argument is recommended"]}}
            """));

        var result = await Client().PostMessageAsync("C0SALES", Message());

        Assert.True(result.Ok, result.Error);
        Assert.Equal("missing_text_or_fallback_or_attachments", result.Warning);
        Assert.Equal(new SlackMessageRef("C0SALES", "1700000001.000100"), result.Value);
    }

    [Theory]
    [InlineData("""{"ok":false}""", "invalid_response")]
    [InlineData("""not json""", "invalid_response")]
    [InlineData("""{"ok":"yes","ts":"1.2"}""", "invalid_response")]
    public async Task PostMessageAsync_IsNotOk_WhenAnswerIsNotASlackObject(string body, string expectedError)
    {
        _slack.ScriptRaw("chat.postMessage", HttpStatusCode.OK, body, "application/json");

        var result = await Client().PostMessageAsync("C0SALES", Message());

        Assert.False(result.Ok);
        Assert.Equal(expectedError, result.Error);
        Assert.Null(result.Value);
        Assert.False(result.IsTransient);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AuthTestAsync_CallsApiBaseUrlMethod_WhetherOrNotBaseEndsWithSlash(bool trailingSlash)
    {
        var baseUrl = trailingSlash ? _slack.BaseUrl : _slack.BaseUrl.TrimEnd('/');
        Assert.Equal(trailingSlash, baseUrl.EndsWith('/'));

        var result = await Client(baseUrl).AuthTestAsync();

        Assert.True(result.Ok, result.Error);
        Assert.Equal("auth.test", Assert.Single(_slack.Calls).Method);
    }

    [Theory]
    [InlineData("https://slack.com/api/", "https://slack.com/api/chat.postMessage")]
    [InlineData("https://slack.com/api", "https://slack.com/api/chat.postMessage")]
    [InlineData("http://127.0.0.1:5000/fake/api//", "http://127.0.0.1:5000/fake/api/chat.postMessage")]
    public void MethodUrl_JoinsBaseAndMethod_WithOrWithoutTrailingSlash(string baseUrl, string expected) =>
        Assert.Equal(expected, SlackApiClient.MethodUrl(baseUrl, "chat.postMessage").AbsoluteUri);

    [Fact]
    public async Task PostMessageAsync_ReturnsTransientTimeout_WhenSlackAnswersTooLate()
    {
        var held = _slack.HoldNext("chat.postMessage"); // Slack has the post but answers only when released

        var result = await HangGuard.WaitAsync(Client(timeout: TimeSpan.FromSeconds(1)).PostMessageAsync("C0SALES", Message()), "the client giving up");

        Assert.Equal(SlackApiResult.TransportTimeout, result.Error);
        Assert.Equal(0, result.HttpStatus);
        Assert.True(result.IsTransient);
        // The post reached Slack and still takes effect: why callers must treat a timeout as "maybe delivered".
        await HangGuard.WaitAsync(held.Arrived, "the post reaching Slack");
        held.Release();
        await _slack.WaitForCallsAsync("chat.postMessage", 1);
    }

    [Fact]
    public async Task PostMessageAsync_ReturnsTransientTransportError_WhenNothingListens()
    {
        var result = await Client(baseUrl: "http://127.0.0.1:1/api/").PostMessageAsync("C0SALES", Message());

        Assert.Equal(SlackApiResult.TransportError, result.Error);
        Assert.True(result.IsTransient);
    }

    [Fact]
    public async Task PostMessageAsync_Throws_WhenCallerCancels()
    {
        var held = _slack.HoldNext("chat.postMessage");
        using var cts = new CancellationTokenSource();

        var posting = Client().PostMessageAsync("C0SALES", Message(), ct: cts.Token);
        await HangGuard.WaitAsync(held.Arrived, "the post reaching Slack");
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => HangGuard.WaitAsync(posting, "the post after cancelling"));
    }

    [Fact]
    public async Task PostMessageAsync_IsRefusedByTestGuard_WhenBaseUrlIsNotLoopback()
    {
        var client = Client(baseUrl: SlackOptions.DefaultApiBaseUrl);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.PostMessageAsync("C0SALES", Message()));

        Assert.Contains("non-loopback", error.Message);
        Assert.Contains("slack.com", error.Message);
    }

    [Fact]
    public async Task Logs_NeverContainTokenOrEmail_WhenCallsSucceedAndFail()
    {
        var client = Client();
        _slack.AddUser(new SlackUserSeed("U0OLGA", "olga", Email: "olga.private@example.com"));
        _slack.ScriptRateLimited("chat.postMessage", 3);
        _slack.ScriptError("chat.update", "not_in_channel");

        await client.AuthTestAsync();
        await client.PostMessageAsync("C0SALES", Message());
        await client.UpdateMessageAsync("C0SALES", "1700000000.000100", Message());
        await client.LookupByEmailAsync("olga.private@example.com");
        await Client(token: Token + "-wrong").AuthTestAsync(); // invalid_auth: logged as an error

        var lines = _logs.Lines.ToList();
        // The capture saw the client's own lines and HttpClient's request logging, headers included.
        Assert.Contains(lines, l => l.Contains("ratelimited"));
        Assert.Contains(lines, l => l.Contains("invalid_auth"));
        Assert.Contains(lines, l => l.Contains("Authorization"));
        Assert.DoesNotContain(lines, l => l.Contains("SeCrEtToKeN"));
        Assert.DoesNotContain(lines, l => l.Contains("olga.private"));
    }

    [Theory]
    [InlineData(200, "ratelimited", true, false, false)]
    [InlineData(200, "rate_limited", true, false, false)]
    [InlineData(200, "service_unavailable", true, false, false)]
    [InlineData(200, "fatal_error", true, false, false)]
    [InlineData(200, "request_timeout", true, false, false)]
    [InlineData(200, "internal_error", true, false, false)]
    [InlineData(429, "http_429", true, false, false)]
    [InlineData(502, "http_502", true, false, false)]
    [InlineData(0, SlackApiResult.TransportError, true, false, false)]
    [InlineData(0, SlackApiResult.TransportTimeout, true, false, false)]
    [InlineData(200, "channel_not_found", false, true, false)]
    [InlineData(200, "not_in_channel", false, true, false)]
    [InlineData(200, "is_archived", false, true, false)]
    [InlineData(200, "user_not_found", false, true, false)]
    [InlineData(200, "user_not_in_channel", false, true, false)]
    [InlineData(200, "user_disabled", false, true, false)]
    [InlineData(200, "invalid_auth", false, false, true)]
    [InlineData(200, "not_authed", false, false, true)]
    [InlineData(200, "token_revoked", false, false, true)]
    [InlineData(200, "token_expired", false, false, true)]
    [InlineData(200, "account_inactive", false, false, true)]
    [InlineData(200, "missing_scope", false, false, true)]
    [InlineData(200, "msg_too_long", false, false, false)]
    [InlineData(200, "invalid_blocks", false, false, false)]
    [InlineData(200, "users_not_found", false, false, false)]
    [InlineData(400, "http_400", false, false, false)]
    public void SlackApiResult_Classifies_ForEachErrorCode(int status, string error, bool transient, bool channelGone, bool authProblem)
    {
        var result = new SlackApiResult("chat.postMessage", status, false, error, null, null, null);

        Assert.Equal(transient, result.IsTransient);
        Assert.Equal(channelGone, result.IsChannelGone);
        Assert.Equal(authProblem, result.IsAuthProblem);
    }

    [Fact]
    public void SlackApiResult_ClassifiesNothing_WhenOk()
    {
        var result = new SlackApiResult("chat.postMessage", 200, true, null, null, "missing_charset", new JsonObject { ["ok"] = true });

        Assert.False(result.IsTransient || result.IsChannelGone || result.IsAuthProblem);
    }

    [Fact]
    public void AddSlackApi_RegistersSlackApiClientWithTenSecondTimeout_WhenCalled()
    {
        var services = Services();

        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(SlackApiClient.HttpClientName);
        var options = services.GetRequiredService<IOptions<SlackOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(10), http.Timeout);
        Assert.Equal(Token, options.BotToken);
        Assert.Equal(_slack.BaseUrl, options.ApiBaseUrl);
        Assert.True(options.IsEnabled);
        Assert.NotNull(services.GetRequiredService<SlackApiClient>());
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull
            {
                owner.Lines.Enqueue($"scope {category}: {state} {Pairs(state)}");
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {Pairs(state)} {exception}");

            /// <summary>Structured values too, not only the rendered message.</summary>
            private static string Pairs<TState>(TState state) =>
                state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
        }
    }
}
