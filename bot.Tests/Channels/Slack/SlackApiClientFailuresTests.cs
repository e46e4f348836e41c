using System.Net;
using System.Text.Json.Nodes;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Tests.Infrastructure;

namespace AccountCoachBot.Tests.Channels.Slack;

/// <summary>
/// When Slack says no or never answers: rate limits, 5xx, refused channels and tokens, answers that are not Slack's JSON,
/// timeouts, transport errors, cancellation, the loopback guard, logs free of token and email, and how
/// <see cref="SlackApiResult"/> classifies each error for its callers.
/// </summary>
public sealed class SlackApiClientFailuresTests : SlackApiClientTestBase
{
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
}
