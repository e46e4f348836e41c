using System.Text.Json;
using System.Text.Json.Nodes;
using AccountCoachBot.Channels.BotFramework;

namespace AccountCoachBot.Channels.Playground;

/// <summary>
/// The Direct Line 3.0 calls Web Chat makes when it polls (<c>webSocket: false</c>), served in-process. Every call on a
/// conversation carries its token (<c>Authorization: Bearer</c>): none is 401, another conversation's is 403. A
/// conversation this process does not know (it restarted) is recreated, never 404, which would end Web Chat's session.
/// </summary>
public static class DirectLineEndpoints
{
    public const string BasePath = "/v3/directline";
    public const int MaxBodyBytes = 256 * 1024;

    // Invalid UTF-8 is refused here (400), not left to throw when a string in it is read.
    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Tokens do not expire while the bot runs; Web Chat refreshes them every 15 minutes anyway.</summary>
    private const int ExpiresInSeconds = 3600;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(BasePath).AddEndpointFilter(PlaygroundAccess.LoopbackFilter);
        group.MapPost("/conversations", StartAsync);
        group.MapGet("/conversations/{id}", Reconnect);
        group.MapPost("/conversations/{id}/activities", PostActivityAsync);
        group.MapGet("/conversations/{id}/activities", GetActivities);
        group.MapPost("/tokens/refresh", Refresh);
    }

    private static async Task<IResult> StartAsync(HttpContext http, DirectLineStore store, CancellationToken ct)
    {
        string? userId = null;
        if (http.Request.ContentLength is not 0)
        {
            var (body, error) = await ReadJsonAsync(http.Request, ct, allowEmpty: true);
            if (error is not null) return error;
            if (body is not null and not JsonObject) return Problem(400, "The body must be a JSON object.");
            if (body is JsonObject { } start && start["user"] is not null)
            {
                if ((start["user"] as JsonObject)?["id"] is not { } idNode) return Problem(400, "user must be an object with an id.");
                userId = idNode.GetValueKind() == JsonValueKind.String ? idNode.GetValue<string>() : null;
                if (!IsValidUserId(userId)) return Problem(400, "user.id must be a string of 1 to 128 printable characters.");
            }
        }
        var conversation = store.Start(userId);
        return conversation is null
            ? Problem(429, "Too many playground conversations.")
            : Results.Json(Describe(conversation), BotFrameworkJson.Options, statusCode: 201);
    }

    private static IResult Reconnect(string id, HttpContext http, DirectLineStore store) =>
        Refuse(id, http, store, out var conversation) ?? Results.Json(Describe(conversation!), BotFrameworkJson.Options);

    private static IResult GetActivities(string id, HttpContext http, DirectLineStore store)
    {
        var raw = http.Request.Query["watermark"].ToString();
        var watermark = 0;
        if (raw.Length > 0 && (raw.Length > 9 || !raw.All(char.IsAsciiDigit) || !int.TryParse(raw, out watermark)))
            return Problem(400, "watermark must be a number.");
        if (Refuse(id, http, store, out var conversation) is { } refused) return refused;
        var (activities, next) = conversation!.Since(watermark);
        return Results.Json(new JsonObject
        {
            ["activities"] = activities,
            ["watermark"] = next.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    private static async Task<IResult> PostActivityAsync(string id, HttpContext http, DirectLineStore store, PlaygroundTurns turns, CancellationToken ct)
    {
        if (Refuse(id, http, store, out var conversation) is { } refused) return refused;

        var (body, error) = await ReadJsonAsync(http.Request, ct);
        if (error is not null) return error;
        Activity? activity;
        try
        {
            activity = body is JsonObject ? body.Deserialize<Activity>(BotFrameworkJson.Options) : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return Problem(400, "The body is not an activity.");
        }
        if (activity is null || string.IsNullOrWhiteSpace(activity.Type)) return Problem(400, "The activity needs a type.");
        if (activity.Type == ActivityTypes.Message && string.IsNullOrWhiteSpace(activity.Text) && activity.Value is not JsonObject)
            return Problem(400, "A message needs text or a card's value.");
        if (activity.From?.Id is { } from && !IsValidUserId(from)) return Problem(400, "from.id must be 1 to 128 printable characters.");

        var activityId = await turns.PostAsync(conversation!, activity, ct);
        return Results.Json(new JsonObject { ["id"] = activityId });
    }

    private static IResult Refresh(HttpContext http, DirectLineStore store)
    {
        if (BearerToken(http) is not { } token) return Problem(401, "Authorization: Bearer <token> is required.");
        return store.FindByToken(token) is { } conversation
            ? Results.Json(Describe(conversation), BotFrameworkJson.Options)
            : Problem(403, "Unknown token.");
    }

    /// <summary>The refusal for a call on conversation <paramref name="id"/>, or null with the conversation once its token is checked.</summary>
    private static IResult? Refuse(string id, HttpContext http, DirectLineStore store, out DirectLineConversation? conversation)
    {
        conversation = null;
        if (!DirectLineStore.IsValidId(id)) return Problem(400, "Malformed conversation id.");
        if (BearerToken(http) is not { } token) return Problem(401, "Authorization: Bearer <token> is required.");
        var found = store.FindOrRecreate(id, token);
        if (found is null) return Problem(429, "Too many playground conversations.");
        if (!found.Authorize(token)) return Problem(403, "The token is not this conversation's.");
        conversation = found;
        return null;
    }

    private static JsonObject Describe(DirectLineConversation conversation) => new()
    {
        ["conversationId"] = conversation.Id,
        ["token"] = conversation.Token,
        ["expires_in"] = ExpiresInSeconds,
        ["streamUrl"] = "",
    };

    private static string? BearerToken(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return null;
        var token = header[prefix.Length..].Trim();
        return token.Length is > 0 and <= 256 ? token : null;
    }

    private static bool IsValidUserId(string? id) => id is { Length: > 0 and <= 128 } && !id.Any(char.IsControl) && !string.IsNullOrWhiteSpace(id);

    private static async Task<(JsonNode? Body, IResult? Error)> ReadJsonAsync(HttpRequest request, CancellationToken ct, bool allowEmpty = false)
    {
        if (await RequestBody.ReadAsync(request, MaxBodyBytes, ct) is not { } body) return (null, Problem(413, "The body is too large."));
        if (body.Length == 0) return (null, allowEmpty ? null : Problem(400, "The body is empty."));
        try
        {
            return (JsonNode.Parse(StrictUtf8.GetString(body)), null);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            return (null, Problem(400, "The body is not JSON."));
        }
    }

    /// <summary>Direct Line's error shape: <c>{"error":{"code","message"}}</c>.</summary>
    private static IResult Problem(int status, string message) => Results.Json(new JsonObject
    {
        ["error"] = new JsonObject { ["code"] = status switch { 400 or 413 => "BadArgument", 401 => "MissingToken", 403 => "TokenExpired", _ => "TooManyRequests" }, ["message"] = message },
    }, statusCode: status);
}
