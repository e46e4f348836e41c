using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AccountCoachBot.Tests.Infrastructure;

/// <summary>A user the fake's <c>users.info</c>, <c>users.lookupByEmail</c> and <c>conversations.open</c> know.</summary>
/// <param name="Tz">IANA zone; <c>tz_offset</c> is computed from it for the current instant unless <paramref name="TzOffset"/> is given.</param>
public sealed record SlackUserSeed(string Id, string Name, string? Tz = null, string? Email = null, string? Locale = null,
    string? RealName = null, bool IsBot = false, bool Deleted = false, int? TzOffset = null, string? TeamId = null);

/// <summary>The fake workspace (users, channels, DMs) and the answers of the Web API methods the bot uses.</summary>
public sealed partial class FakeSlackApi
{
    private readonly ConcurrentDictionary<string, SlackUserSeed> _users = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Name, bool BotIsMember, bool IsPrivate)> _channels = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _dms = new(StringComparer.Ordinal);
    private long _dmCount;
    private long _ts;
    private long _views;

    public void AddUser(SlackUserSeed user) => _users[user.Id] = user;

    /// <summary>A channel <c>conversations.info</c> knows; a private one the bot is not in is <c>channel_not_found</c>, as in Slack.</summary>
    public void AddChannel(string id, string name, bool botIsMember = true, bool isPrivate = false) => _channels[id] = (name, botIsMember, isPrivate);

    /// <summary>The DM channel id <c>conversations.open</c> gives (or gave) for this user: <c>D…</c>, stable per user.</summary>
    public string DmChannelOf(string userId) =>
        _dms.GetOrAdd(userId, _ => "D0" + Interlocked.Increment(ref _dmCount).ToString("D7", CultureInfo.InvariantCulture));

    private JsonObject Answer(string method, JsonObject args) => method switch
    {
        "auth.test" => new JsonObject
        {
            ["ok"] = true, ["url"] = "https://fake-workspace.slack.com/", ["team"] = TeamName, ["user"] = "coachbot",
            ["team_id"] = TeamId, ["user_id"] = BotUserId, ["bot_id"] = BotId, ["is_enterprise_install"] = false,
        },
        "chat.postMessage" => PostMessage(args),
        "chat.postEphemeral" => PostEphemeral(args),
        "chat.update" => Update(args),
        "views.open" => OpenView(args),
        "views.publish" => PublishView(args),
        "users.info" => UsersInfo(args),
        "users.lookupByEmail" => LookupByEmail(args),
        "conversations.open" => OpenConversation(args),
        "conversations.info" => ConversationInfo(args),
        "files.getUploadURLExternal" => GetUploadUrl(args),
        "files.completeUploadExternal" => CompleteUpload(args),
        _ => Error("unknown_method"),
    };

    private JsonObject PostMessage(JsonObject args)
    {
        if (Text(args["channel"]) is not { } channel) return Error("channel_not_found");
        if (MessageError(args) is { } error) return error;
        // Posting to a user id lands in the bot's DM with that user.
        if (channel.StartsWith('U') || channel.StartsWith('W'))
        {
            if (!_users.ContainsKey(channel)) return Error("channel_not_found");
            channel = DmChannelOf(channel);
        }
        var ts = NextTs();
        return new JsonObject { ["ok"] = true, ["channel"] = channel, ["ts"] = ts, ["message"] = Message(args, ts) };
    }

    private JsonObject PostEphemeral(JsonObject args)
    {
        if (Text(args["channel"]) is null) return Error("channel_not_found");
        if (Text(args["user"]) is not { } user || !_users.ContainsKey(user)) return Error("user_not_in_channel");
        if (MessageError(args) is { } error) return error;
        return new JsonObject { ["ok"] = true, ["message_ts"] = NextTs() };
    }

    private JsonObject Update(JsonObject args)
    {
        if (Text(args["channel"]) is not { } channel) return Error("channel_not_found");
        if (Text(args["ts"]) is not { } ts) return Error("message_not_found");
        if (MessageError(args) is { } error) return error;
        return new JsonObject
        {
            ["ok"] = true, ["channel"] = channel, ["ts"] = ts, ["text"] = Text(args["text"]) ?? "", ["message"] = Message(args, ts),
        };
    }

    private JsonObject OpenView(JsonObject args)
    {
        if (Text(args["trigger_id"]) is null) return Error("invalid_arguments");
        if (ViewOf(args) is not { } view) return Error("invalid_arguments");
        return new JsonObject { ["ok"] = true, ["view"] = StoredView(view, "modal") };
    }

    private JsonObject PublishView(JsonObject args)
    {
        if (Text(args["user_id"]) is not { } user || !_users.ContainsKey(user)) return Error("user_not_found");
        if (ViewOf(args) is not { } view) return Error("invalid_arguments");
        if (Text(view["type"]) != "home") return Error("invalid_arguments");
        return new JsonObject { ["ok"] = true, ["view"] = StoredView(view, "home") };
    }

    private JsonObject UsersInfo(JsonObject args)
    {
        if (Text(args["user"]) is not { } id) return Error("invalid_arguments");
        if (!_users.TryGetValue(id, out var user)) return Error("user_not_found");
        return new JsonObject { ["ok"] = true, ["user"] = UserJson(user, includeLocale: Text(args["include_locale"]) is "true" or "1") };
    }

    private JsonObject LookupByEmail(JsonObject args)
    {
        if (Text(args["email"]) is not { } email) return Error("invalid_arguments");
        var user = _users.Values.FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase));
        return user is null ? Error("users_not_found") : new JsonObject { ["ok"] = true, ["user"] = UserJson(user, includeLocale: false) };
    }

    private JsonObject OpenConversation(JsonObject args)
    {
        if (Text(args["users"]) is not { } users) return Error("users_list_not_supplied");
        var ids = users.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (ids.Length != 1) return Error("not_implemented"); // group DMs are not modelled
        if (!_users.TryGetValue(ids[0], out var user)) return Error("user_not_found");
        if (user.Deleted) return Error("user_disabled");
        return new JsonObject { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = DmChannelOf(user.Id) } };
    }

    private JsonObject ConversationInfo(JsonObject args)
    {
        if (Text(args["channel"]) is not { } id || !_channels.TryGetValue(id, out var channel)) return Error("channel_not_found");
        if (channel.IsPrivate && !channel.BotIsMember) return Error("channel_not_found");
        return new JsonObject
        {
            ["ok"] = true,
            ["channel"] = new JsonObject
            {
                ["id"] = id, ["name"] = channel.Name, ["is_channel"] = !channel.IsPrivate, ["is_group"] = false, ["is_private"] = channel.IsPrivate,
                ["is_archived"] = false, ["is_member"] = channel.BotIsMember, ["context_team_id"] = TeamId,
            },
        };
    }

    private static JsonObject? MessageError(JsonObject args)
    {
        var hasText = Text(args["text"]) is { Length: > 0 };
        var blocks = BlocksOf(args);
        if (blocks is null && args["blocks"] is not null) return Error("invalid_blocks");
        if (!hasText && blocks is not { Count: > 0 }) return Error("no_text");
        return null;
    }

    private static JsonObject Message(JsonObject args, string ts)
    {
        var message = new JsonObject
        {
            ["type"] = "message", ["user"] = BotUserId, ["bot_id"] = BotId, ["ts"] = ts, ["team"] = TeamId, ["text"] = Text(args["text"]) ?? "",
        };
        if (BlocksOf(args) is { } blocks) message["blocks"] = blocks;
        if (Text(args["thread_ts"]) is { } thread) message["thread_ts"] = thread;
        return message;
    }

    /// <summary><c>blocks</c> as a JSON array, or a form field holding a JSON-stringified array.</summary>
    private static JsonArray? BlocksOf(JsonObject args) => ParseIfString(args["blocks"]) as JsonArray;

    private static JsonObject? ViewOf(JsonObject args) => ParseIfString(args["view"]) as JsonObject;

    private static JsonNode? ParseIfString(JsonNode? node)
    {
        if (node is JsonValue v && v.TryGetValue<string>(out var s))
        {
            try
            {
                return JsonNode.Parse(s);
            }
            catch (JsonException)
            {
                return null;
            }
        }
        return node?.DeepClone();
    }

    private JsonObject StoredView(JsonObject view, string type)
    {
        var stored = view.DeepClone().AsObject();
        stored["id"] = "V" + Interlocked.Increment(ref _views).ToString("D8", CultureInfo.InvariantCulture);
        stored["team_id"] = TeamId;
        stored["type"] = Text(view["type"]) ?? type;
        stored["hash"] = Guid.NewGuid().ToString("N")[..16];
        stored["app_id"] = "A0FAKE";
        stored["bot_id"] = BotId;
        stored["state"] = new JsonObject { ["values"] = new JsonObject() };
        return stored;
    }

    private static JsonObject UserJson(SlackUserSeed user, bool includeLocale)
    {
        var profile = new JsonObject { ["real_name"] = user.RealName ?? user.Name, ["display_name"] = user.Name };
        if (user.Email is not null) profile["email"] = user.Email;
        var json = new JsonObject
        {
            ["id"] = user.Id, ["team_id"] = user.TeamId ?? TeamId, ["name"] = user.Name, ["deleted"] = user.Deleted, ["real_name"] = user.RealName ?? user.Name,
            ["is_bot"] = user.IsBot, ["profile"] = profile,
        };
        if (user.Tz is not null)
        {
            json["tz"] = user.Tz;
            json["tz_label"] = user.Tz;
            json["tz_offset"] = user.TzOffset ?? OffsetSeconds(user.Tz);
        }
        if (includeLocale && user.Locale is not null) json["locale"] = user.Locale;
        return json;
    }

    private static int OffsetSeconds(string tz) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(tz, out var zone) ? (int)zone.GetUtcOffset(DateTimeOffset.UtcNow).TotalSeconds : 0;

    /// <summary>1700000000.000100, 1700000000.000200, ...: unique, increasing, Slack's shape.</summary>
    private string NextTs() => "1700000000." + (Interlocked.Increment(ref _ts) * 100).ToString("D6", CultureInfo.InvariantCulture);

    private static JsonObject Error(string error) => new() { ["ok"] = false, ["error"] = error };

    private static string? Text(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => null,
    };
}
