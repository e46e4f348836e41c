using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace AccountCoachBot.Tests.Infrastructure;

/// <summary>The fake Slack Web API answers the wire shapes other clients send too (forms, missing tokens), not only ours.</summary>
public sealed class FakeSlackApiTests : IAsyncLifetime
{
    private const string Token = "xoxb-fake-token";
    private readonly HttpClient _http = new(new LoopbackOnlyHandler { InnerHandler = new HttpClientHandler() });
    private FakeSlackApi _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlackApi.StartAsync(expectedToken: Token);

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _slack.DisposeAsync();
    }

    private async Task<JsonObject> PostAsync(string method, HttpContent content, string? token = Token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _slack.BaseUrl + method) { Content = content };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static FormUrlEncodedContent Form(params (string, string)[] fields) => new(fields.Select(f => KeyValuePair.Create(f.Item1, f.Item2)));

    [Fact]
    public async Task CompleteUploadExternal_RefusesAFile_WhoseBytesNeverArrived_AndSharesItOnceTheyDid()
    {
        var ticket = await PostAsync("files.getUploadURLExternal", Form(("filename", "chart.png"), ("length", "3")));
        var id = ticket["file_id"]!.GetValue<string>();
        var files = new JsonArray(new JsonObject { ["id"] = id, ["title"] = "Chart" }).ToJsonString();

        var early = await PostAsync("files.completeUploadExternal", Form(("files", files), ("channel_id", "C1")));
        using var upload = await _http.PostAsync(ticket["upload_url"]!.GetValue<string>(), new ByteArrayContent([1, 2, 3]));
        var done = await PostAsync("files.completeUploadExternal", Form(("files", files), ("channel_id", "C1"), ("initial_comment", "Trend")));

        Assert.Equal("file_not_found", early["error"]!.GetValue<string>());
        Assert.Equal("OK - 3", await upload.Content.ReadAsStringAsync());
        Assert.Equal("Chart", done["files"]![0]!["title"]!.GetValue<string>());
        var file = _slack.Files.Single();
        Assert.Equal(("C1", "Trend", (long?)3), (file.SharedTo, file.InitialComment, file.ContentLength));
    }

    [Fact]
    public async Task GetUploadUrlExternal_IgnoresJson_LikeSlacksOtherFormOnlyMethods()
    {
        var json = new StringContent("{\"filename\":\"chart.png\",\"length\":3}", Encoding.UTF8, "application/json");

        var answer = await PostAsync("files.getUploadURLExternal", json);

        Assert.Equal("invalid_arguments", answer["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostMessage_AcceptsFormWithStringifiedBlocks_WhenSentLikeOfficialNodeClient()
    {
        var answer = await PostAsync("chat.postMessage", Form(("channel", "C1"), ("text", "fallback"),
            ("blocks", """[{"type":"section","text":{"type":"mrkdwn","text":"hi"}}]"""), ("unfurl_links", "false")));

        Assert.True(answer["ok"]!.GetValue<bool>());
        Assert.Equal("C1", answer["channel"]!.GetValue<string>());
        Assert.Equal("section", answer["message"]!["blocks"]![0]!["type"]!.GetValue<string>());
        Assert.True(Assert.Single(_slack.Calls).IsForm);
    }

    [Fact]
    public async Task AnyMethod_AnswersNotAuthedOrInvalidAuth_WhenTokenMissingOrWrong()
    {
        Assert.Equal("not_authed", (await PostAsync("auth.test", Form(), token: null))["error"]!.GetValue<string>());
        Assert.Equal("invalid_auth", (await PostAsync("auth.test", Form(), token: "xoxb-other"))["error"]!.GetValue<string>());
        Assert.True((await PostAsync("auth.test", Form(("token", Token)), token: null))["ok"]!.GetValue<bool>());
    }

    [Fact]
    public async Task UsersInfo_IgnoresJsonBody_WhenArgumentsAreSentAsJson()
    {
        _slack.AddUser(new SlackUserSeed("U1", "alice"));

        var answer = await PostAsync("users.info", new StringContent("""{"user":"U1"}""", Encoding.UTF8, "application/json"));

        Assert.False(answer["ok"]!.GetValue<bool>());
        Assert.Equal("invalid_arguments", answer["error"]!.GetValue<string>());
        Assert.Equal("U1", Assert.Single(_slack.Calls).Arg("user")); // recorded as sent
    }

    [Fact]
    public async Task PostMessage_WarnsMissingCharset_WhenJsonBodyHasNoCharset()
    {
        var content = new StringContent("""{"channel":"C1","text":"hi"}""");
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var answer = await PostAsync("chat.postMessage", content);

        Assert.True(answer["ok"]!.GetValue<bool>());
        Assert.Equal("missing_charset", answer["warning"]!.GetValue<string>());
    }

    [Fact]
    public async Task Script_AnswersScriptedResponsesInOrderThenNormally_WhenSeveralAreQueued()
    {
        _slack.ScriptError("chat.postMessage", "not_in_channel");
        _slack.ScriptError("chat.postMessage", "is_archived");
        var post = () => PostAsync("chat.postMessage", Form(("channel", "C1"), ("text", "hi")));

        Assert.Equal("not_in_channel", (await post())["error"]!.GetValue<string>());
        Assert.True((await PostAsync("auth.test", Form()))["ok"]!.GetValue<bool>()); // scripts are per method
        Assert.Equal("is_archived", (await post())["error"]!.GetValue<string>());
        Assert.True((await post())["ok"]!.GetValue<bool>());
    }

    [Fact]
    public async Task WaitForCallsAsync_ThrowsWithCallsSeen_WhenTooFewArrive()
    {
        await PostAsync("auth.test", Form());

        var error = await Assert.ThrowsAsync<TimeoutException>(() => _slack.WaitForCallsAsync("chat.postMessage", 1, TimeSpan.FromMilliseconds(200)));

        Assert.Contains("auth.test", error.Message);
    }

    [Fact]
    public async Task WaitForCallsAsync_Returns_WhenCallArrivesWhileWaiting()
    {
        var waiting = _slack.WaitForCallsAsync("auth.test", 2);
        await PostAsync("auth.test", Form());
        await PostAsync("auth.test", Form());

        Assert.Equal(2, (await waiting).Count);
    }

    [Fact]
    public async Task ConversationsOpen_AnswersUserNotFound_WhenUserIsNotSeeded()
    {
        var answer = await PostAsync("conversations.open", new StringContent("""{"users":"U404"}""", Encoding.UTF8, "application/json"));

        Assert.Equal("user_not_found", answer["error"]!.GetValue<string>());
    }
}
