using System.Text.Json;
using System.Text.Json.Nodes;

namespace AccountCoachBot.Tests.Infrastructure;

/// <summary>
/// Canned responses for <see cref="NodePeer.ScriptAsync"/> on <c>connector-peer.js</c>: each is
/// <c>{"status":n,"headers":{...},"body":...,"delayMs":n}</c> and answers exactly one connector call.
/// </summary>
public static class ConnectorResponses
{
    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>Any status, optional JSON (or string) body, headers and a delay before answering.</summary>
    public static JsonObject Status(int status, object? body = null, IDictionary<string, string>? headers = null, int delayMs = 0)
    {
        var response = new JsonObject { ["status"] = status };
        if (headers is { Count: > 0 })
        {
            var h = new JsonObject();
            foreach (var (name, value) in headers)
            {
                h[name] = value;
            }

            response["headers"] = h;
        }

        if (body is not null)
        {
            response["body"] = body as JsonNode ?? JsonSerializer.SerializeToNode(body, body.GetType(), JsonOptions);
        }

        if (delayMs > 0)
        {
            response["delayMs"] = delayMs;
        }

        return response;
    }

    /// <summary>Bot Connector <c>ErrorResponse</c>: <c>{"error":{"code","message"}}</c> with the given status.</summary>
    public static JsonObject Error(int status, string code, string? message = null, IDictionary<string, string>? headers = null) =>
        Status(status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message ?? code } }, headers);

    /// <summary>429 with <c>Retry-After: seconds</c> (Teams throttling).</summary>
    public static JsonObject TooManyRequests(int retryAfterSeconds = 1) =>
        Error(429, "TooManyRequests", "Too many requests", new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    /// <summary>403 <c>BotNotInConversationRoster</c> (app uninstalled / user left).</summary>
    public static JsonObject BotNotInConversationRoster() =>
        Error(403, "BotNotInConversationRoster", "The bot is not part of the conversation roster.");

    /// <summary>403 whose body carries <c>MessageWritesBlocked</c> (user blocked the bot).</summary>
    public static JsonObject MessageWritesBlocked() =>
        Status(403, new JsonObject
        {
            ["error"] = new JsonObject { ["code"] = "Forbidden", ["message"] = "Message writes blocked.", ["subCode"] = "MessageWritesBlocked" },
        });

    /// <summary>404 <c>ConversationNotFound</c>.</summary>
    public static JsonObject ConversationNotFound() =>
        Error(404, "ConversationNotFound", "Conversation not found.");
}
