using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace AccountCoachBot.Tests.Infrastructure;

/// <summary>Activities as a Bot Framework channel (Emulator, Teams) would post them.</summary>
public static class Activities
{
    public static JsonObject Message(string serviceUrl, string text, string userId = "29:user-1", string conversationId = "a:conv-1",
        string? id = null, string channelId = "emulator", string? timezone = "Europe/Berlin", string locale = "en-US") => new()
    {
        ["type"] = "message",
        ["id"] = id ?? Guid.NewGuid().ToString("N"),
        ["channelId"] = channelId,
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = userId, ["name"] = "Olga" },
        ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "AccountCoachBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId },
        ["text"] = text,
        ["locale"] = locale,
        ["localTimezone"] = timezone,
    };

    public static JsonObject Submit(string serviceUrl, JsonObject data, string userId = "29:user-1", string conversationId = "a:conv-1")
    {
        var activity = Message(serviceUrl, "", userId, conversationId);
        activity.Remove("text");
        activity["value"] = data;
        return activity;
    }

    public static async Task<HttpResponseMessage> PostAsync(this HttpClient http, string url, JsonNode activity, string? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(activity) };
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await http.SendAsync(request);
    }
}
