using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Tests.Infrastructure;

namespace AccountCoachBot.Tests.Operations;

/// <summary>
/// One pass of malformed and oversized requests through every public endpoint of a running bot at <c>bot</c>, its base
/// address (Bot Framework, the three Slack endpoints, the playground's Direct Line). Answers of 500 and above, and requests left
/// unanswered, are collected in <see cref="Failures"/>. The same <see cref="Random"/> gives the same requests.
/// </summary>
public sealed class FuzzRound(HttpClient http, string bot, string secret, TimeProvider clock, string connectorServiceUrl, FakeSlackApi slack, string user)
{
    public List<string> Failures { get; } = [];

    public async Task RunAsync(Random random, int mutations)
    {
        // Bot Framework: without a token and with garbage ones (anonymous local mode must not trip on them).
        var activity = Activities.Message(connectorServiceUrl, "help");
        activity["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["timezone"] = "Europe/Berlin" });
        activity["value"] = new JsonObject { ["action"] = "promise.done", ["promiseId"] = "1" };
        foreach (var c in FuzzCases.ForJson(random, activity, mutations))
            await PostAsync("api/messages", c);
        foreach (var c in FuzzCases.ForJson(random, activity, mutations))
            await PostAsync("api/messages", c, ("Authorization", random.Next(2) == 0 ? "Bearer not.a.jwt" : "Bearer " + Convert.ToBase64String(Encoding.UTF8.GetBytes(c.Name))));

        // Slack: signed garbage (it passes the signature check and reaches the parsers), and unsigned or badly signed.
        var dm = new JsonObject
        {
            ["type"] = "event_callback", ["team_id"] = FakeSlackApi.TeamId, ["event_id"] = "Ev00001", ["event_time"] = 1700000001,
            ["event"] = new JsonObject { ["type"] = "message", ["channel_type"] = "im", ["channel"] = slack.DmChannelOf(user), ["user"] = user, ["text"] = "help", ["ts"] = "1700000001.000100" },
        };
        foreach (var c in FuzzCases.ForJson(random, dm, mutations))
            await PostSlackAsync("slack/events", c, signed: true);
        foreach (var c in FuzzCases.ForJson(random, new JsonObject { ["type"] = "url_verification", ["challenge"] = "abc", ["token"] = "t" }, mutations / 4))
            await PostSlackAsync("slack/events", c, signed: true);
        var command = new Dictionary<string, string>
        {
            ["token"] = "t", ["team_id"] = FakeSlackApi.TeamId, ["channel_id"] = slack.DmChannelOf(user), ["user_id"] = user, ["command"] = "/coach",
            ["text"] = "help", ["response_url"] = slack.ResponseUrl("fuzz"), ["trigger_id"] = "trigger-1",
        };
        foreach (var c in FuzzCases.ForForm(random, command, mutations))
            await PostSlackAsync("slack/commands", c, signed: true);
        var action = new JsonObject
        {
            ["type"] = "block_actions", ["user"] = new JsonObject { ["id"] = user, ["team_id"] = FakeSlackApi.TeamId }, ["team"] = new JsonObject { ["id"] = FakeSlackApi.TeamId },
            ["trigger_id"] = "trigger-1", ["response_url"] = slack.ResponseUrl("fuzz"),
            ["container"] = new JsonObject { ["type"] = "message", ["channel_id"] = slack.DmChannelOf(user), ["message_ts"] = "1700000001.000100" },
            ["actions"] = new JsonArray(new JsonObject { ["type"] = "button", ["action_id"] = "promise.done", ["value"] = "{\"promiseId\":\"1\"}", ["action_ts"] = "1700000100.1" }),
            ["view"] = new JsonObject { ["id"] = "V1", ["callback_id"] = "promise.move", ["private_metadata"] = "{}", ["state"] = new JsonObject { ["values"] = new JsonObject() } },
        };
        foreach (var c in FuzzCases.ForForm(random, new Dictionary<string, string> { ["payload"] = action.ToJsonString() }, mutations * 2, jsonField: "payload"))
            await PostSlackAsync("slack/interactivity", c, signed: true);
        foreach (var path in new[] { "slack/events", "slack/commands", "slack/interactivity" })
            foreach (var c in FuzzCases.ForForm(random, command, mutations / 4))
                await PostSlackAsync(path, c, signed: false, badSignature: random.Next(2) == 0);

        // The playground's Direct Line: starting a conversation, posting to it with its token, refreshing the token.
        var (conversation, token) = await StartDirectLineAsync();
        var typed = new JsonObject { ["type"] = "message", ["from"] = new JsonObject { ["id"] = "dl_user", ["name"] = "user" }, ["text"] = "help", ["locale"] = "en-US", ["localTimezone"] = "Europe/Berlin" };
        foreach (var c in FuzzCases.ForJson(random, new JsonObject { ["user"] = new JsonObject { ["id"] = "dl_user" } }, mutations / 2))
            await PostAsync("v3/directline/conversations", c);
        foreach (var c in FuzzCases.ForJson(random, typed, mutations))
            await PostAsync($"v3/directline/conversations/{conversation}/activities", c, ("Authorization", "Bearer " + token));
        foreach (var c in FuzzCases.ForJson(random, typed, mutations / 4))
            await PostAsync($"v3/directline/conversations/{conversation}/activities", c, ("Authorization", "Bearer x" + c.Name.Length));
        foreach (var c in FuzzCases.ForJson(random, new JsonObject(), mutations / 4))
            await PostAsync("v3/directline/tokens/refresh", c, ("Authorization", "Bearer " + token));
    }

    private async Task PostAsync(string path, FuzzCase c, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, bot + path) { Content = Content(c) };
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        await SendAsync(path, c, request);
    }

    public async Task PostSlackAsync(string path, FuzzCase c, bool signed, bool badSignature = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, bot + path) { Content = Content(c) };
        var ts = clock.GetUtcNow().ToUnixTimeSeconds().ToString();
        if (signed || badSignature)
        {
            request.Headers.Add(SlackSignatureVerifier.TimestampHeader, badSignature ? "17e8" : ts);
            request.Headers.Add(SlackSignatureVerifier.SignatureHeader, signed ? SlackSignatureVerifier.Sign(secret, ts, c.Body) : "v0=" + new string('0', 64));
        }
        await SendAsync(path, c, request);
    }

    private static ByteArrayContent Content(FuzzCase c)
    {
        var content = new ByteArrayContent(c.Body);
        if (c.ContentType is not null) content.Headers.ContentType = MediaTypeHeaderValue.Parse(c.ContentType);
        return content;
    }

    private async Task SendAsync(string path, FuzzCase c, HttpRequestMessage request)
    {
        try
        {
            using var response = await http.SendAsync(request);
            if ((int)response.StatusCode >= 500) Failures.Add($"{path} {c.Name} → {(int)response.StatusCode}");
        }
        catch (HttpRequestException e)
        {
            Failures.Add($"{path} {c.Name} → no answer ({e.Message})");
        }
    }

    private async Task<(string Conversation, string Token)> StartDirectLineAsync()
    {
        using var response = await http.PostAsync(bot + "v3/directline/conversations", null);
        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (body["conversationId"]!.GetValue<string>(), body["token"]!.GetValue<string>());
    }
}
