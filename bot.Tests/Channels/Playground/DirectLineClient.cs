using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace AccountCoachBot.Tests.Channels.Playground;

/// <summary>The Direct Line calls Web Chat makes when it polls, against the bot's playground on loopback.</summary>
public sealed class DirectLineClient(HttpClient http, string baseUrl)
{
    public string Base => baseUrl + "v3/directline";
    public string ConversationId { get; private set; } = "";
    public string Token { get; private set; } = "";
    public int Watermark { get; private set; }

    public async Task StartAsync(string userId = "pg-user-1")
    {
        var response = await http.PostAsJsonAsync(Base + "/conversations", new { user = new { id = userId }, locale = "en-US" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        ConversationId = body["conversationId"]!.GetValue<string>();
        Token = body["token"]!.GetValue<string>();
    }

    /// <summary>Posts as Web Chat does (with a clientActivityID) and returns the id the bot gave the activity.</summary>
    public async Task<string> SayAsync(string text, string locale = "en-US", string? clientActivityId = null)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["locale"] = locale,
            ["from"] = new JsonObject { ["id"] = "pg-user-1", ["role"] = "user" },
            ["channelData"] = new JsonObject { ["clientActivityID"] = clientActivityId ?? Guid.NewGuid().ToString("N") },
        };
        return await PostActivityAsync(activity);
    }

    /// <summary>An Adaptive Card's Action.Submit as Web Chat sends it: a message with the data (and inputs) as value.</summary>
    public Task<string> SubmitAsync(JsonObject value) => PostActivityAsync(new JsonObject
    {
        ["type"] = "message",
        ["value"] = value,
        ["from"] = new JsonObject { ["id"] = "pg-user-1", ["role"] = "user" },
        ["channelData"] = new JsonObject { ["clientActivityID"] = Guid.NewGuid().ToString("N"), ["postBack"] = true },
    });

    public async Task<string> PostActivityAsync(JsonObject activity)
    {
        var response = await SendAsync(HttpMethod.Post, $"/conversations/{ConversationId}/activities",
            new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    /// <summary>One poll: the activities since the last poll's watermark.</summary>
    public async Task<List<JsonObject>> PollAsync()
    {
        var response = await SendAsync(HttpMethod.Get, $"/conversations/{ConversationId}/activities?watermark={(Watermark == 0 ? "" : Watermark)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Watermark = int.Parse(body["watermark"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        return body["activities"]!.AsArray().Select(a => a!.AsObject()).ToList();
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null, string? token = null)
    {
        var request = new HttpRequestMessage(method, Base + path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token);
        return http.SendAsync(request);
    }

    public static JsonObject? CardOf(JsonObject activity) =>
        activity["attachments"]?.AsArray().FirstOrDefault(a => a!["contentType"]!.GetValue<string>() == "application/vnd.microsoft.card.adaptive")?["content"]?.AsObject();
}
