using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace AccountCoachBot.Tests.Infrastructure;

/// <summary>Proves the Node peers and their C# harness work for real, over loopback HTTP.</summary>
public sealed class PeerHarnessTests
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(15) };

    private static StringContent Json(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");

    private static JsonObject Message(string text, string conversationId = "a:conv") => new()
    {
        ["type"] = "message",
        ["from"] = new JsonObject { ["id"] = "28:bot-app-id", ["name"] = "AccountCoach" },
        ["recipient"] = new JsonObject { ["id"] = "29:user", ["name"] = "User" },
        ["conversation"] = new JsonObject { ["id"] = conversationId },
        ["text"] = text,
    };

    private static string ActivitiesUrl(NodePeer peer, string conversationId) =>
        $"{peer.BaseUrl}v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";

    [Fact]
    public async Task ConnectorPeer_Returns200WithIdAndRecordsTheCall_WhenBotSendsToConversation()
    {
        await using var peer = await NodePeer.StartAsync("connector-peer.js");

        using var response = await Http.PostAsync(ActivitiesUrl(peer, "a:conv-42"), Json(Message("hello from the bot", "a:conv-42")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("act-1", body["id"]!.GetValue<string>());

        var recorded = await peer.RecordedAsync();
        var entry = Assert.Single(recorded)!;
        Assert.Equal("sendToConversation", entry["op"]!.GetValue<string>());
        Assert.Equal("a:conv-42", entry["conversationId"]!.GetValue<string>());
        Assert.Null(entry["activityId"]);
        Assert.Equal("hello from the bot", entry["activity"]!["text"]!.GetValue<string>());
        Assert.Equal("28:bot-app-id", entry["activity"]!["from"]!["id"]!.GetValue<string>());
        Assert.Null(entry["authorization"]);
        Assert.Equal(200, entry["status"]!.GetValue<int>());
        Assert.Equal("act-1", entry["response"]!["id"]!.GetValue<string>());
        Assert.False(entry["scripted"]!.GetValue<bool>());
        Assert.True(DateTimeOffset.TryParse(entry["at"]!.GetValue<string>(), out _));
    }

    [Fact]
    public async Task ConnectorPeer_RecordsConversationIdUnescaped_WhenIdContainsColonSemicolonAt()
    {
        const string teamsId = "19:abcDEF123@thread.tacv2;messageid=1700000000000";
        await using var peer = await NodePeer.StartAsync("connector-peer.js");

        using var send = await Http.PostAsync(ActivitiesUrl(peer, teamsId), Json(Message("to a channel thread", teamsId)));
        using var reply = await Http.PostAsync(
            $"{ActivitiesUrl(peer, teamsId)}/{Uri.EscapeDataString("1700000000000:x;y")}", Json(Message("threaded reply", teamsId)));

        Assert.Equal(HttpStatusCode.OK, send.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        var recorded = await peer.RecordedAsync();
        Assert.Equal(2, recorded.Count);
        Assert.Equal("%3A", recorded[0]!["path"]!.GetValue<string>().Substring("/v3/conversations/19".Length, 3)); // really sent escaped
        Assert.All(recorded, e => Assert.Equal(teamsId, e!["conversationId"]!.GetValue<string>()));
        Assert.Equal("replyToActivity", recorded[1]!["op"]!.GetValue<string>());
        Assert.Equal("1700000000000:x;y", recorded[1]!["activityId"]!.GetValue<string>());
    }

    [Fact]
    public async Task ConnectorPeer_Returns429WithRetryAfterOnceThenNormal_WhenThrottleScripted()
    {
        await using var peer = await NodePeer.StartAsync("connector-peer.js");
        await peer.ScriptAsync(new[] { ConnectorResponses.TooManyRequests(retryAfterSeconds: 1) });

        using var first = await Http.PostAsync(ActivitiesUrl(peer, "a:conv"), Json(Message("attempt 1")));
        using var second = await Http.PostAsync(ActivitiesUrl(peer, "a:conv"), Json(Message("attempt 2")));

        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), first.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var recorded = await peer.RecordedAsync();
        Assert.Equal([429, 200], recorded.Select(e => e!["status"]!.GetValue<int>()));
        Assert.Equal([true, false], recorded.Select(e => e!["scripted"]!.GetValue<bool>()));
        Assert.Equal("attempt 1", recorded[0]!["activity"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task ConnectorPeer_ReturnsScriptedErrorBodiesInOrder_WhenStaleAddressesScripted()
    {
        await using var peer = await NodePeer.StartAsync("connector-peer.js");
        await peer.ScriptAsync(new
        {
            responses = new object[]
            {
                new { status = 403, body = new { error = new { code = "BotNotInConversationRoster", message = "gone" } } },
                ConnectorResponses.ConversationNotFound(),
            },
        });

        using var first = await Http.PostAsync(ActivitiesUrl(peer, "a:1"), Json(Message("x")));
        using var second = await Http.PutAsync($"{ActivitiesUrl(peer, "a:2")}/act-9", Json(Message("y")));
        using var third = await Http.DeleteAsync($"{ActivitiesUrl(peer, "a:2")}/act-9");

        Assert.Equal(HttpStatusCode.Forbidden, first.StatusCode);
        Assert.Equal("BotNotInConversationRoster", JsonNode.Parse(await first.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.Equal("ConversationNotFound", JsonNode.Parse(await second.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        var recorded = await peer.RecordedAsync();
        Assert.Equal(["sendToConversation", "updateActivity", "deleteActivity"], recorded.Select(e => e!["op"]!.GetValue<string>()));
        Assert.Equal([403, 404, 200], recorded.Select(e => e!["status"]!.GetValue<int>()));
    }

    [Fact]
    public async Task ConnectorPeer_AnswersCreateConversationUpdateAndDelete_WhenCalledLikeTeams()
    {
        await using var peer = await NodePeer.StartAsync("connector-peer.js");
        var parameters = new JsonObject
        {
            ["isGroup"] = false,
            ["bot"] = new JsonObject { ["id"] = "28:bot-app-id" },
            ["members"] = new JsonArray(new JsonObject { ["id"] = "29:user" }),
            ["tenantId"] = "tenant-1",
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
        };

        using var created = await Http.PostAsync($"{peer.BaseUrl}v3/conversations", Json(parameters));
        var conversation = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        var conversationId = conversation["id"]!.GetValue<string>();
        using var update = await Http.PutAsync($"{ActivitiesUrl(peer, conversationId)}/act-7", Json(Message("edited", conversationId)));
        using var delete = await Http.DeleteAsync($"{ActivitiesUrl(peer, conversationId)}/act-7");
        using var members = await Http.GetAsync($"{peer.BaseUrl}v3/conversations/{Uri.EscapeDataString(conversationId)}/pagedmembers");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("a:conv-1", conversationId);
        Assert.Equal(peer.BaseUrl, conversation["serviceUrl"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal("act-7", JsonNode.Parse(await update.Content.ReadAsStringAsync())!["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        Assert.Equal("29:user", JsonNode.Parse(await members.Content.ReadAsStringAsync())!["members"]![0]!["id"]!.GetValue<string>());
        var recorded = await peer.RecordedAsync();
        Assert.Equal(
            ["createConversation", "updateActivity", "deleteActivity", "getConversationPagedMembers"],
            recorded.Select(e => e!["op"]!.GetValue<string>()));
        Assert.Equal("tenant-1", recorded[0]!["parameters"]!["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        Assert.Equal(201, recorded[0]!["status"]!.GetValue<int>());
        Assert.Equal(["a:conv-1", "act-7"], [recorded[1]!["conversationId"]!.GetValue<string>(), recorded[1]!["activityId"]!.GetValue<string>()]);
    }

    [Fact]
    public async Task ConnectorPeer_Rejects401AndRecordsAuthorization_WhenExpectedTokenMissingOrWrong()
    {
        await using var peer = await NodePeer.StartAsync("connector-peer.js", "--expect-token", "test-token-123");

        using var none = await Http.PostAsync(ActivitiesUrl(peer, "a:c"), Json(Message("no token")));
        using var wrongRequest = new HttpRequestMessage(HttpMethod.Post, ActivitiesUrl(peer, "a:c")) { Content = Json(Message("wrong")) };
        wrongRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "other");
        using var wrong = await Http.SendAsync(wrongRequest);
        using var rightRequest = new HttpRequestMessage(HttpMethod.Post, ActivitiesUrl(peer, "a:c")) { Content = Json(Message("right")) };
        rightRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "test-token-123");
        using var right = await Http.SendAsync(rightRequest);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var recorded = await peer.RecordedAsync();
        Assert.Equal([401, 401, 200], recorded.Select(e => e!["status"]!.GetValue<int>()));
        Assert.Equal([null, "Bearer other", "Bearer test-token-123"], recorded.Select(e => e!["authorization"]?.GetValue<string>()));
    }

    [Fact]
    public async Task ConnectorPeer_ForgetsCallsAndScript_WhenReset()
    {
        await using var peer = await NodePeer.StartAsync("connector-peer.js");
        await peer.ScriptAsync(new[] { ConnectorResponses.Status(502), ConnectorResponses.Status(504) });
        using var failed = await Http.PostAsync(ActivitiesUrl(peer, "a:c"), Json(Message("one")));

        await peer.ResetAsync();
        using var ok = await Http.PostAsync(ActivitiesUrl(peer, "a:c"), Json(Message("two")));

        Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode); // the queued 504 was dropped
        var entry = Assert.Single(await peer.RecordedAsync())!;
        Assert.Equal("two", entry["activity"]!["text"]!.GetValue<string>());
        Assert.Equal("act-1", entry["response"]!["id"]!.GetValue<string>()); // counters restart
    }

    [Fact]
    public async Task ConnectorPeer_Rejects400AndRecordsIt_WhenActivityHasNoType()
    {
        await using var peer = await NodePeer.StartAsync("connector-peer.js");

        using var response = await Http.PostAsync(ActivitiesUrl(peer, "a:c"), Json(new JsonObject { ["text"] = "typeless" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, Assert.Single(await peer.RecordedAsync())!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task NodePeer_StopsTheProcessAndFreesThePort_WhenDisposed()
    {
        var peer = await NodePeer.StartAsync("connector-peer.js");
        var port = peer.Port;
        var pid = peer.ProcessId;

        await HangGuard.WaitAsync(peer.DisposeAsync().AsTask(), "disposing the peer");

        Assert.Throws<ArgumentException>(() => Process.GetProcessById(pid));
        using var client = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, port));
    }

    [Fact]
    public async Task ConnectorPeer_ExitsOnItsOwn_WhenItsStdinCloses()
    {
        await using var peer = await NodePeer.StartAsync("connector-peer.js");

        peer.CloseStandardInput(); // what happens when the test host dies without disposing it

        await HangGuard.WaitAsync(peer.WaitForExitAsync(), "the peer's exit after its stdin closed");
        Assert.Equal(0, peer.ExitCode); // its own orderly shutdown, not a kill
    }

    [Fact]
    public async Task WaitForRecordedAsync_Returns_WhenCallArrivesWhileWaiting()
    {
        await using var peer = await NodePeer.StartAsync("connector-peer.js");
        using var first = await Http.PostAsync(ActivitiesUrl(peer, "a:c"), Json(Message("one")));

        var waiting = peer.WaitForRecordedAsync(2);
        using var second = await Http.PostAsync(ActivitiesUrl(peer, "a:c"), Json(Message("two")));

        var recorded = await HangGuard.WaitAsync(waiting, "the held GET /_recorded?atLeast=2");
        Assert.Equal(["one", "two"], recorded.Select(e => e!["activity"]!["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task WaitForRecordedAsync_ThrowsWithCallsSeen_WhenTooFewArrive()
    {
        await using var peer = await NodePeer.StartAsync("connector-peer.js");
        using var only = await Http.PostAsync(ActivitiesUrl(peer, "a:c"), Json(Message("lonely")));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => peer.WaitForRecordedAsync(2, TimeSpan.FromMilliseconds(200)));

        Assert.Contains("got 1", error.Message);
        Assert.Contains("lonely", error.Message);
    }

    [Fact]
    public async Task NodePeer_ThrowsWithTheScriptsStderr_WhenScriptCrashesBeforePortLine()
    {
        var script = Path.Combine(Path.GetTempPath(), $"crashing-peer-{Guid.NewGuid():N}.js");
        await File.WriteAllTextAsync(script, "console.error('peer-boom-marker'); process.exit(3);");
        try
        {
            var ex = await Assert.ThrowsAsync<NodePeerStartException>(() => NodePeer.StartAsync(script));

            Assert.Contains("peer-boom-marker", ex.Message);
            Assert.Contains("Exit code 3", ex.Message);
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact]
    public async Task ChannelClient_PostsActivityVerbatimWithAuthorization_WhenPostingToABotEndpoint()
    {
        // The connector peer doubles as a recording HTTP endpoint for the channel client.
        await using var peer = await NodePeer.StartAsync("connector-peer.js");
        var activity = Message("hi bot", "a:conv-9");
        activity["id"] = "inbound-1";
        activity["serviceUrl"] = peer.BaseUrl;
        activity["channelId"] = "msteams";

        var result = await ChannelClient.PostAsync(ActivitiesUrl(peer, "a:conv-9"), activity, authorization: "Bearer channel-jwt");

        Assert.Equal(200, result.Status);
        Assert.Equal("act-1", result.Body!["id"]!.GetValue<string>());
        var entry = Assert.Single(await peer.RecordedAsync())!;
        Assert.Equal("Bearer channel-jwt", entry["authorization"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(activity, entry["activity"]), entry["activity"]!.ToJsonString());
    }
}
