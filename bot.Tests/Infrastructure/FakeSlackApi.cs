using System.Globalization;
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
    private readonly List<RecordedCall> _calls = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

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

    private FakeSlackApi(WebApplication app) => _app = app;

    /// <summary><c>http://127.0.0.1:&lt;port&gt;/api/</c>, ending with a slash like Slack's own base URL.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>When set, calls must carry <c>Authorization: Bearer &lt;this&gt;</c> (or a form <c>token</c> field).</summary>
    public string? ExpectedToken { get; set; }

    /// <summary>Stamps each recorded call with this clock's time (the bot's fake clock), when set.</summary>
    public TimeProvider? Clock { get; set; }

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

    public async ValueTask DisposeAsync()
    {
        foreach (var hold in _allHolds) hold.Release(); // a held request would otherwise keep the server from stopping
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
