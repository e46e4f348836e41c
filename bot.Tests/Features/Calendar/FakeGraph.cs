using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AccountCoachBot.Tests.Features.Calendar;

/// <summary>
/// Microsoft's token endpoint and Graph's calendarView on real loopback Kestrel. The calendar answers one event per
/// page, linked by `@odata.nextLink`, and only to the token it issued, asked in UTC; or a status the test sets.
/// </summary>
public sealed class FakeGraph : IAsyncDisposable
{
    public const string Tenant = "11111111-2222-3333-4444-555555555555";
    public const string ClientId = "bot-app-id";
    public const string Secret = "bot-app-secret";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _calendarRequests = new();
    private volatile JsonObject[] _events = [];
    private volatile int _status = 200;
    private volatile string? _retryAfter;
    private int _tokens;

    private FakeGraph(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";
    public int TokensIssued => _tokens;

    /// <summary>Every calendarView request: path and query.</summary>
    public IReadOnlyList<string> CalendarRequests => _calendarRequests.ToList();

    public static async Task<FakeGraph> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(SettingsFiles.ReadOnceWith([])); // no watch on the working folder
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var graph = new FakeGraph(app);
        app.MapPost($"/{Tenant}/oauth2/v2.0/token", graph.TokenAsync);
        app.MapGet("/v1.0/users/{id}/calendarView", graph.CalendarViewAsync);
        await app.StartAsync();
        graph.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return graph;
    }

    public Dictionary<string, string?> Settings() => new()
    {
        ["Calendar:Graph:TenantId"] = Tenant,
        ["Calendar:Graph:ClientId"] = ClientId,
        ["Calendar:Graph:ClientSecret"] = Secret,
        ["Calendar:Graph:BaseUrl"] = BaseUrl + "/v1.0",
        ["Calendar:Graph:AuthorityHost"] = BaseUrl,
    };

    public void Events(params JsonObject[] events)
    {
        _events = events;
        _status = 200;
        _retryAfter = null;
    }

    public void Fail(int status, string? retryAfter = null)
    {
        _retryAfter = retryAfter;
        _status = status;
    }

    /// <summary>An event as Graph gives it asked for UTC; <paramref name="attendees"/> are emails.</summary>
    public static JsonObject Event(string id, string subject, DateTime startUtc, DateTime endUtc, string[] attendees,
        string sensitivity = "normal", string response = "accepted", bool cancelled = false) => new()
    {
        ["id"] = id,
        ["subject"] = subject,
        ["bodyPreview"] = "",
        ["isAllDay"] = false,
        ["isCancelled"] = cancelled,
        ["sensitivity"] = sensitivity,
        ["responseStatus"] = new JsonObject { ["response"] = response, ["time"] = "0001-01-01T00:00:00Z" },
        ["start"] = new JsonObject { ["dateTime"] = startUtc.ToString("yyyy-MM-ddTHH:mm:ss.0000000"), ["timeZone"] = "UTC" },
        ["end"] = new JsonObject { ["dateTime"] = endUtc.ToString("yyyy-MM-ddTHH:mm:ss.0000000"), ["timeZone"] = "UTC" },
        ["organizer"] = new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = "Olga", ["address"] = CalendarTestKit.Email } },
        ["attendees"] = new JsonArray(attendees.Select(a => (JsonNode)new JsonObject
        {
            ["type"] = "required",
            ["status"] = new JsonObject { ["response"] = "none" },
            ["emailAddress"] = new JsonObject { ["name"] = Name(a), ["address"] = a },
        }).ToArray()),
    };

    private static string Name(string email)
    {
        var local = email[..email.IndexOf('@')];
        return string.Join(' ', local.Split('.').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    private async Task TokenAsync(HttpContext c)
    {
        var form = await c.Request.ReadFormAsync();
        if (form["grant_type"] != "client_credentials" || form["client_id"] != ClientId || form["client_secret"] != Secret
            || form["scope"] != "https://graph.microsoft.com/.default")
        {
            c.Response.StatusCode = 401;
            await c.Response.WriteAsJsonAsync(new { error = "invalid_client" });
            return;
        }
        var n = Interlocked.Increment(ref _tokens);
        await c.Response.WriteAsJsonAsync(new { token_type = "Bearer", expires_in = 3599, access_token = $"token-{n}" });
    }

    private async Task CalendarViewAsync(HttpContext c, string id)
    {
        _calendarRequests.Enqueue(c.Request.Path + c.Request.QueryString);
        if (!c.Request.Headers.Authorization.ToString().StartsWith("Bearer token-", StringComparison.Ordinal))
        {
            await Error(c, 401, "InvalidAuthenticationToken");
            return;
        }
        if (_status != 200)
        {
            if (_retryAfter is not null) c.Response.Headers.RetryAfter = _retryAfter;
            await Error(c, _status, _status == 403 ? "ErrorAccessDenied" : "TooManyRequests");
            return;
        }
        if (c.Request.Headers["Prefer"] != "outlook.timezone=\"UTC\"" || string.IsNullOrEmpty(c.Request.Query["startDateTime"]) || string.IsNullOrEmpty(c.Request.Query["endDateTime"]))
        {
            await Error(c, 400, "ErrorInvalidParameter");
            return;
        }
        var page = int.TryParse(c.Request.Query["page"], out var p) ? p : 0;
        var events = _events;
        var body = new JsonObject { ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#users('" + id + "')/calendarView" };
        body["value"] = new JsonArray(events.Skip(page).Take(1).Select(e => e.DeepClone()).ToArray());
        if (page + 1 < events.Length)
            body["@odata.nextLink"] = $"{BaseUrl}/v1.0/users/{id}/calendarView?startDateTime={c.Request.Query["startDateTime"]}&endDateTime={c.Request.Query["endDateTime"]}&page={page + 1}";
        c.Response.ContentType = "application/json";
        await c.Response.WriteAsync(body.ToJsonString());
    }

    private static Task Error(HttpContext c, int status, string code)
    {
        c.Response.StatusCode = status;
        c.Response.ContentType = "application/json";
        return c.Response.WriteAsync(JsonSerializer.Serialize(new { error = new { code, message = code } }));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
