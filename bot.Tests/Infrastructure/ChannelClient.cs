using System.Text.Json.Nodes;

namespace AccountCoachBot.Tests.Infrastructure;

/// <summary>
/// Posts an Activity to a bot endpoint as a channel would, via <c>Peers/channel-client.js</c>.
/// <c>mode = "channel"</c> (default) posts the activity unchanged with the connector's User-Agent and an
/// optional <c>Authorization</c> value; <c>mode = "skill"</c> uses botframework-connector's own
/// BotFrameworkClient (anonymous; it adds <c>recipient.role = "skill"</c> and <c>relatesTo</c>).
/// </summary>
public static class ChannelClient
{
    public static async Task<ChannelPostResult> PostAsync(
        string botUrl,
        JsonNode activity,
        string? authorization = null,
        string mode = "channel",
        IDictionary<string, string>? headers = null,
        TimeSpan? timeout = null)
    {
        var input = new JsonObject
        {
            ["botUrl"] = botUrl,
            ["activity"] = activity.DeepClone(),
            ["mode"] = mode,
            ["timeoutMs"] = (int)(timeout ?? TimeSpan.FromSeconds(15)).TotalMilliseconds,
        };
        if (authorization is not null)
        {
            input["authorization"] = authorization;
        }

        if (headers is not null)
        {
            var h = new JsonObject();
            foreach (var (name, value) in headers)
            {
                h[name] = value;
            }

            input["headers"] = h;
        }

        var result = await NodePeer.RunAsync("channel-client.js", input.ToJsonString(), (timeout ?? TimeSpan.FromSeconds(15)) + TimeSpan.FromSeconds(15));
        JsonNode? output = null;
        try
        {
            output = JsonNode.Parse(result.StandardOutput.Trim());
        }
        catch (System.Text.Json.JsonException)
        {
        }

        if (output is null || result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"channel-client.js failed (exit {result.ExitCode}). stdout: '{result.StandardOutput.Trim()}' stderr: {result.StandardError}");
        }

        var status = output["status"]!.GetValue<int>();
        if (status == 0)
        {
            throw new HttpRequestException($"channel-client.js could not reach {botUrl}: {output["error"]}");
        }

        var responseHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (output["headers"] is JsonObject hs)
        {
            foreach (var (name, value) in hs)
            {
                responseHeaders[name] = value?.ToString() ?? string.Empty;
            }
        }

        return new ChannelPostResult(status, output["body"]?.DeepClone(), responseHeaders);
    }
}

/// <summary>What the bot answered: HTTP status, parsed JSON body (a string node for non-JSON text; null when empty).</summary>
public sealed record ChannelPostResult(int Status, JsonNode? Body, IReadOnlyDictionary<string, string> Headers);
