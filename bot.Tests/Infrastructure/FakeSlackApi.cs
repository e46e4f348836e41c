using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AccountCoachBot.Tests.Infrastructure;

/// <summary>A user the fake's <c>users.info</c>, <c>users.lookupByEmail</c> and <c>conversations.open</c> know.</summary>
/// <param name="Tz">IANA zone; <c>tz_offset</c> is computed from it for the current instant unless <paramref name="TzOffset"/> is given.</param>
public sealed record SlackUserSeed(string Id, string Name, string? Tz = null, string? Email = null, string? Locale = null,
    string? RealName = null, bool IsBot = false, bool Deleted = false, int? TzOffset = null, string? TeamId = null);

/// <summary>
/// A loopback Slack Web API on real Kestrel (<c>http://127.0.0.1:&lt;port&gt;/api/&lt;method&gt;</c>). Records every call,
/// answers the methods the bot uses with realistic <c>ok:true</c> bodies, and can answer the next call(s) to a method with a
/// scripted response (429 with Retry-After, <c>{"ok":false,"error":"not_in_channel"}</c>, a 503 page...).
/// </summary>
/// <remarks>
/// Like Slack: arguments come as JSON (<c>application/json</c>), form fields or query string (the official Node client
/// sends forms with JSON-stringified <c>blocks</c>, contract §10.3), so both are accepted; JSON is ignored by the read
/// methods (<c>users.info</c>, <c>users.lookupByEmail</c>), which then miss their argument; a JSON body without
/// <c>charset</c> gets the <c>missing_charset</c> warning. Platform errors answer HTTP 200. With <see cref="ExpectedToken"/>
/// set, a call without a token answers <c>not_authed</c> and one with another token <c>invalid_auth</c> (a scripted
/// response still wins: it stands for whatever Slack would have said). Calls are recorded in arrival order, scripted ones included.
/// </remarks>
public sealed partial class FakeSlackApi : IAsyncDisposable
{
    public const string BotUserId = "UBOT";
    public const string BotId = "BBOT";
    public const string TeamId = "T0FAKE";
    public const string TeamName = "Fake Workspace";

    // files.getUploadURLExternal, too, reads only form fields (JSON bodies come back invalid_arguments).
    private static readonly HashSet<string> FormOnlyMethods = new(StringComparer.Ordinal) { "users.info", "users.lookupByEmail", "files.getUploadURLExternal", "conversations.info" };

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Scripted>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<HeldCall>> _holds = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<HeldCall> _allHolds = [];
    private readonly ConcurrentDictionary<string, SlackUserSeed> _users = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _dms = new(StringComparer.Ordinal);
    private readonly List<RecordedCall> _calls = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _ts;
    private long _views;
    private long _dmCount;

    /// <summary>One call as it arrived.</summary>
    /// <param name="Method">Slack method name, e.g. <c>chat.postMessage</c>.</param>
    /// <param name="Body">The arguments: the JSON body as sent, or form fields/query parameters as strings.</param>
    /// <param name="Authorization">The <c>Authorization</c> header as sent (<c>Bearer xoxb-…</c>), or null.</param>
    /// <param name="ContentType">The request's <c>Content-Type</c>, or null (GET).</param>
    /// <param name="HttpMethod"><c>POST</c> or <c>GET</c>.</param>
    /// <param name="Status">The HTTP status the fake answered.</param>
    /// <param name="Response">The body the fake answered, when it was JSON.</param>
    /// <param name="ContentLength">A response_url post's <c>Content-Length</c>, or null when it was chunked.</param>
    /// <param name="ResponseId">A response_url post's id (<see cref="ResponseUrl"/>): which command it answers.</param>
    public sealed record RecordedCall(string Method, JsonObject Body, string? Authorization, string? ContentType, string HttpMethod, int Status, JsonObject? Response,
        long? ContentLength = null, DateTimeOffset? At = null, int? RetryAfter = null, string? ResponseId = null)
    {
        public bool IsJson => ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true;

        public bool IsForm => ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;

        /// <summary>A top-level argument as a string (JSON strings, numbers and booleans; form fields as sent).</summary>
        public string? Arg(string name) => Text(Body[name]);
    }

    private sealed record Scripted(int Status, string? Body, string ContentType, int? RetryAfterSeconds);

    private FakeSlackApi(WebApplication app) => _app = app;

    /// <summary><c>http://127.0.0.1:&lt;port&gt;/api/</c>, ending with a slash like Slack's own base URL.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>When set, calls must carry <c>Authorization: Bearer &lt;this&gt;</c> (or a form <c>token</c> field).</summary>
    public string? ExpectedToken { get; set; }

    /// <summary>Stamps each recorded call with this clock's time (the bot's fake clock), when set.</summary>
    public TimeProvider? Clock { get; set; }

    private readonly ConcurrentDictionary<string, FaultSchedule> _faults = new(StringComparer.Ordinal);

    /// <summary>
    /// Calls to <paramref name="method"/> fail on <paramref name="schedule"/>: 429 as Slack answers it (<c>ratelimited</c>,
    /// Retry-After), any other status with an HTML error page. Scripted answers come first.
    /// </summary>
    public void SetFaults(string method, FaultSchedule schedule) => _faults[method] = schedule;

    public IReadOnlyList<RecordedCall> Calls
    {
        get { lock (_calls) return _calls.ToList(); }
    }

    public IReadOnlyList<RecordedCall> CallsTo(string method) => Calls.Where(c => c.Method == method).ToList();

    public static async Task<FakeSlackApi> StartAsync(string? expectedToken = null)
    {
        var builder = WebApplication.CreateSlimBuilder(SettingsFiles.ReadOnceWith([])); // no watch on the working folder
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSlackApi(app) { ExpectedToken = expectedToken };
        fake.AddUser(new SlackUserSeed(BotUserId, "coachbot", RealName: "AccountCoachBot", IsBot: true));
        app.MapMethods("/api/{method}", ["GET", "POST"], (HttpContext c, string method) => fake.HandleAsync(c, method));
        app.MapPost("/response/{id}", (HttpContext c, string id) => fake.HandleResponseUrlAsync(c, id));
        app.MapPost("/upload/v1/{id}", (HttpContext c, string id) => fake.HandleUploadAsync(c, id));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = address.TrimEnd('/') + "/api/";
        return fake;
    }

    public void AddUser(SlackUserSeed user) => _users[user.Id] = user;

    private readonly ConcurrentDictionary<string, (string Name, bool BotIsMember, bool IsPrivate)> _channels = new(StringComparer.Ordinal);

    /// <summary>A channel <c>conversations.info</c> knows; a private one the bot is not in is <c>channel_not_found</c>, as in Slack.</summary>
    public void AddChannel(string id, string name, bool botIsMember = true, bool isPrivate = false) => _channels[id] = (name, botIsMember, isPrivate);

    /// <summary>The DM channel id <c>conversations.open</c> gives (or gave) for this user: <c>D…</c>, stable per user.</summary>
    public string DmChannelOf(string userId) =>
        _dms.GetOrAdd(userId, _ => "D0" + Interlocked.Increment(ref _dmCount).ToString("D7", CultureInfo.InvariantCulture));

    /// <summary>The next call to <paramref name="method"/> (one per scripted entry, in order) answers this instead.</summary>
    /// <param name="body">JSON body; <c>null</c> sends an empty body.</param>
    /// <param name="retryAfterSeconds">Sent as the <c>Retry-After</c> header.</param>
    public void Script(string method, HttpStatusCode status, JsonNode? body, int? retryAfterSeconds = null) =>
        Enqueue(method, new Scripted((int)status, body?.ToJsonString(), "application/json; charset=utf-8", retryAfterSeconds));

    /// <summary>The next call to <paramref name="method"/> answers this raw body (an HTML error page, broken JSON...).</summary>
    public void ScriptRaw(string method, HttpStatusCode status, string body, string contentType = "text/html; charset=utf-8", int? retryAfterSeconds = null) =>
        Enqueue(method, new Scripted((int)status, body, contentType, retryAfterSeconds));

    /// <summary>HTTP 200 <c>{"ok":false,"error":…}</c>, as Slack answers platform errors.</summary>
    public void ScriptError(string method, string error) =>
        Script(method, HttpStatusCode.OK, new JsonObject { ["ok"] = false, ["error"] = error });

    /// <summary>HTTP 429 with <c>Retry-After</c> and <c>{"ok":false,"error":"ratelimited"}</c>.</summary>
    public void ScriptRateLimited(string method, int retryAfterSeconds) =>
        Script(method, HttpStatusCode.TooManyRequests, new JsonObject { ["ok"] = false, ["error"] = "ratelimited" }, retryAfterSeconds);

    /// <summary>
    /// The next call to <paramref name="method"/> is held unanswered until the test releases it (Slack slow to answer);
    /// released, it takes effect and is answered as usual. Disposing the fake releases whatever is still held.
    /// </summary>
    public HeldCall HoldNext(string method)
    {
        var hold = new HeldCall();
        _allHolds.Add(hold);
        _holds.GetOrAdd(method, _ => new()).Enqueue(hold);
        return hold;
    }

    /// <summary>A call <see cref="HoldNext"/> keeps waiting, with signals for the test.</summary>
    public sealed class HeldCall
    {
        private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes when the call has reached the fake (and is being held).</summary>
        public Task Arrived => _arrived.Task;

        /// <summary>Lets the held call through: it is recorded and answered.</summary>
        public void Release() => _released.TrySetResult();

        internal Task ArriveAndWaitAsync()
        {
            _arrived.TrySetResult();
            return _released.Task;
        }
    }

    /// <summary>
    /// Waits until at least <paramref name="count"/> calls to <paramref name="method"/> arrived, woken by each arrival.
    /// <paramref name="timeout"/> (default <see cref="HangGuard.Limit"/>) is a hang guard: past it,
    /// <see cref="TimeoutException"/> with the calls seen.
    /// </summary>
    public async Task<IReadOnlyList<RecordedCall>> WaitForCallsAsync(string method, int count, TimeSpan? timeout = null)
    {
        var limit = timeout ?? HangGuard.Limit;
        using var guard = new CancellationTokenSource(limit);
        while (true)
        {
            Task changed;
            lock (_calls) changed = _changed.Task;
            var calls = CallsTo(method);
            if (calls.Count >= count) return calls;
            try
            {
                await changed.WaitAsync(guard.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Hang guard: expected {count} call(s) to {method} within {limit.TotalSeconds:0} s, got {calls.Count}. " +
                    $"All calls: [{string.Join(", ", Calls.Select(c => $"{c.Method}→{c.Status}"))}]");
            }
        }
    }

    /// <summary>The method name response_url posts are recorded under.</summary>
    public const string ResponseUrlMethod = "response_url";

    /// <summary>A slash command's <c>response_url</c> on this fake (Slack's are on hooks.slack.com).</summary>
    public string ResponseUrl(string id) => BaseUrl[..^"api/".Length] + "response/" + id;

    private async Task HandleResponseUrlAsync(HttpContext context, string id)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject ?? new JsonObject();
        lock (_calls)
        {
            _calls.Add(new RecordedCall(ResponseUrlMethod, body, null, context.Request.ContentType, context.Request.Method, 200, null, context.Request.ContentLength, ResponseId: id));
            _changed.TrySetResult();
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        await context.Response.WriteAsync("ok");
    }

    private void Enqueue(string method, Scripted scripted) => _scripts.GetOrAdd(method, _ => new()).Enqueue(scripted);

    private async Task HandleAsync(HttpContext context, string method)
    {
        var request = context.Request;
        var contentType = request.ContentType;
        var (sent, args) = await ReadArgumentsAsync(request, method);
        var authorization = request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null;

        if (_holds.TryGetValue(method, out var holds) && holds.TryDequeue(out var hold))
            await hold.ArriveAndWaitAsync();

        int status;
        string? body;
        string responseType = "application/json; charset=utf-8";
        int? retryAfter = null;
        if (_scripts.TryGetValue(method, out var queue) && queue.TryDequeue(out var scripted))
        {
            (status, body, responseType, retryAfter) = (scripted.Status, scripted.Body, scripted.ContentType, scripted.RetryAfterSeconds);
        }
        else if (_faults.TryGetValue(method, out var schedule) && schedule.Next() is { } fault)
        {
            (status, retryAfter) = (fault.Status, fault.RetryAfterSeconds);
            (body, responseType) = fault.Status == 429
                ? (new JsonObject { ["ok"] = false, ["error"] = "ratelimited" }.ToJsonString(), responseType)
                : ("<html><body>Slack is having trouble</body></html>", "text/html; charset=utf-8");
        }
        else
        {
            var answer = AuthError(authorization, args) ?? Answer(method, args);
            if (contentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true
                && !contentType.Contains("charset", StringComparison.OrdinalIgnoreCase))
            {
                answer["warning"] = "missing_charset";
                answer["response_metadata"] = new JsonObject { ["warnings"] = new JsonArray("missing_charset") };
            }
            (status, body) = (200, answer.ToJsonString());
        }

        JsonObject? parsed = null;
        try
        {
            if (body is not null) parsed = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
        }

        lock (_calls)
        {
            _calls.Add(new RecordedCall(method, sent, authorization, contentType, request.Method, status, parsed, null, Clock?.GetUtcNow(), retryAfter));
            _changed.TrySetResult();
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        context.Response.StatusCode = status;
        if (retryAfter is not null) context.Response.Headers.RetryAfter = retryAfter.Value.ToString(CultureInfo.InvariantCulture);
        if (body is not null)
        {
            context.Response.ContentType = responseType;
            await context.Response.WriteAsync(body);
        }
    }

    /// <summary>The arguments as sent (recorded) and as Slack would read them (JSON is ignored by the read methods).</summary>
    private static async Task<(JsonObject Sent, JsonObject Effective)> ReadArgumentsAsync(HttpRequest request, string method)
    {
        var sent = new JsonObject();
        var isJson = false;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            foreach (var (key, value) in form) sent[key] = value.ToString();
        }
        else if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            isJson = true;
            using var reader = new StreamReader(request.Body);
            var text = await reader.ReadToEndAsync();
            try
            {
                if (text.Length > 0 && JsonNode.Parse(text) is JsonObject json) sent = json;
            }
            catch (JsonException)
            {
                sent["__unparsable_json"] = text;
            }
        }
        var effective = isJson && FormOnlyMethods.Contains(method) ? new JsonObject() : sent.DeepClone().AsObject();
        foreach (var (key, value) in request.Query)
        {
            if (!sent.ContainsKey(key)) sent[key] = value.ToString();
            if (!effective.ContainsKey(key)) effective[key] = value.ToString();
        }
        return (sent, effective);
    }

    private JsonObject? AuthError(string? authorization, JsonObject args)
    {
        if (ExpectedToken is null) return null;
        var token = authorization is not null && authorization.StartsWith("Bearer ", StringComparison.Ordinal)
            ? authorization["Bearer ".Length..]
            : Text(args["token"]);
        if (string.IsNullOrEmpty(token)) return Error("not_authed");
        return token == ExpectedToken ? null : Error("invalid_auth");
    }

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

    public async ValueTask DisposeAsync()
    {
        foreach (var hold in _allHolds) hold.Release(); // a held request would otherwise keep the server from stopping
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
