using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace AccountCoachBot.Bench.Scale;

/// <summary>A user of the local playground's Direct Line endpoint (loopback only): one conversation, text turns.</summary>
public sealed class DirectLineClient(HttpClient http, string conversationId, string token)
{
    private int _watermark;

    public static async Task<DirectLineClient> StartAsync(HttpClient http, string userId)
    {
        var response = await http.PostAsJsonAsync("/v3/directline/conversations", new { user = new { id = userId } });
        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return new DirectLineClient(http, body["conversationId"]!.GetValue<string>(), body["token"]!.GetValue<string>());
    }

    /// <summary>Sends <paramref name="text"/> and returns how many activities the bot added since the last call (its answer).</summary>
    public async Task<int> SayAsync(string text, string userId)
    {
        using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities")
        {
            Content = JsonContent.Create(new { type = "message", from = new { id = userId, name = "Bench User" }, text, locale = "en-US" }),
        };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await http.SendAsync(post)).EnsureSuccessStatusCode();
        using var get = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark={_watermark}");
        get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await http.SendAsync(get);
        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        _watermark = int.Parse(body["watermark"]!.GetValue<string>());
        return body["activities"]!.AsArray().Count(a => a?["from"]?["id"]?.GetValue<string>() != userId);
    }
}
