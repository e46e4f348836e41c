using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AccountCoachBot.Tests.Features.Calendar;

/// <summary>
/// Calendar feeds on real loopback Kestrel: each path answers what the test set last (an ICS text, an HTML page,
/// a status, or a stream of a given size sent without a length). Counts requests per path.
/// </summary>
public sealed class FeedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);

    private FeedServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public static async Task<FeedServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(SettingsFiles.ReadOnceWith([])); // no watch on the working folder
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FeedServer(app);
        app.Run(async c =>
        {
            var path = c.Request.Path.Value ?? "";
            server._hits.AddOrUpdate(path, 1, (_, n) => n + 1);
            if (server._routes.TryGetValue(path, out var answer)) await answer(c);
            else c.Response.StatusCode = 404;
        });
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return server;
    }

    /// <summary>The feed's full (secret) address for a path like <c>/private-8f3a/basic.ics</c>.</summary>
    public string Url(string path) => BaseUrl + path;

    public int Hits(string path) => _hits.GetValueOrDefault(Key(path));

    /// <summary>Routes by the decoded path, as Kestrel gives it (`%40` is `@`).</summary>
    private static string Key(string path) => Uri.UnescapeDataString(path);

    public void Ics(string path, string ics) => _routes[Key(path)] = c =>
    {
        c.Response.ContentType = "text/calendar; charset=utf-8";
        return c.Response.WriteAsync(ics);
    };

    public void Html(string path) => _routes[Key(path)] = c =>
    {
        c.Response.ContentType = "text/html; charset=utf-8";
        return c.Response.WriteAsync("<!doctype html><html><body>Sign in to continue</body></html>");
    };

    public void Status(string path, int status) => _routes[Key(path)] = c =>
    {
        c.Response.StatusCode = status;
        return Task.CompletedTask;
    };

    /// <summary>A calendar that never ends within <paramref name="bytes"/>: sent chunked, with no Content-Length to refuse it by.</summary>
    public void Huge(string path, long bytes) => _routes[Key(path)] = async c =>
    {
        c.Response.ContentType = "text/calendar";
        var line = Encoding.UTF8.GetBytes("BEGIN:VCALENDAR\r\nX-FILLER:" + new string('x', 8000) + "\r\n");
        for (long sent = 0; sent < bytes && !c.RequestAborted.IsCancellationRequested; sent += line.Length)
            await c.Response.Body.WriteAsync(line, c.RequestAborted);
    };

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
