using System.Collections.Concurrent;
using System.Diagnostics;
using AccountCoachBot.Channels.BotFramework.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AccountCoachBot.Bench.Ack;

/// <summary>
/// Where a request's time goes, from the platform's own diagnostics (no code in the bot): ASP.NET Core request
/// activities, outgoing HttpClient activities, EF Core command/commit events, and a timing decorator around the
/// JWT authenticator. GET /bench/profile shows totals since the last GET /bench/profile?reset=1.
/// </summary>
public sealed class AckProfile : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private readonly ConcurrentDictionary<string, (long Count, double TotalMs, double MaxMs)> _buckets = new();
    private readonly List<IDisposable> _subscriptions = [];

    public static void AddTo(WebApplicationBuilder builder)
    {
        var profile = new AckProfile();
        profile._subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(profile));
        var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "Microsoft.AspNetCore" or "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = a => profile.Add(a.Source.Name == "System.Net.Http"
                ? $"http out {a.GetTagItem("server.address")}:{a.GetTagItem("url.path") ?? a.DisplayName}"
                : $"request {a.GetTagItem("http.route") ?? a.DisplayName}", a.Duration.TotalMilliseconds),
        };
        ActivitySource.AddActivityListener(listener);
        builder.Services.AddSingleton(profile);
        var inner = builder.Services.Single(d => d.ServiceType == typeof(IBotFrameworkAuthenticator));
        builder.Services.Replace(ServiceDescriptor.Singleton<IBotFrameworkAuthenticator>(sp =>
            new TimedAuthenticator((IBotFrameworkAuthenticator)ActivatorUtilities.CreateInstance(sp, inner.ImplementationType!), profile)));
    }

    public static void Map(WebApplication app) => app.MapGet("/bench/profile", (HttpContext c, AckProfile p) =>
    {
        var text = p.Report() + p._runtime.Report() + p._allocations.Report(c.Request.Query.ContainsKey("reset"));
        if (c.Request.Query.ContainsKey("reset"))
        {
            p._buckets.Clear();
            p._runtime = AckRuntimeStats.Now();
        }
        return Results.Text(text);
    });

    private AckRuntimeStats _runtime = AckRuntimeStats.Now();
    private readonly AckAllocations _allocations = new();

    /// <summary>Totals per name, and beside them how many took over 5 ms: a p99 tail is a few slow calls, not the mean.</summary>
    public void Add(string name, double ms)
    {
        _buckets.AddOrUpdate(name, (1, ms, ms), (_, b) => (b.Count + 1, b.TotalMs + ms, Math.Max(b.MaxMs, ms)));
        if (ms > 5) _buckets.AddOrUpdate(name + " (over 5 ms)", (1, ms, ms), (_, b) => (b.Count + 1, b.TotalMs + ms, Math.Max(b.MaxMs, ms)));
    }

    private string Report() => string.Join('\n', _buckets.OrderByDescending(b => b.Value.TotalMs)
        .Select(b => $"{b.Value.TotalMs,10:0} ms total {b.Value.Count,8} calls {b.Value.TotalMs / b.Value.Count,8:0.000} ms mean {b.Value.MaxMs,8:0.0} max  {b.Key}")) + "\n";

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name) _subscriptions.Add(value.Subscribe(this));
    }

    public void OnNext(KeyValuePair<string, object?> e)
    {
        switch (e.Value)
        {
            case CommandExecutedEventData c:
                var sql = c.Command.CommandText.TrimStart();
                var verb = sql.Split([' ', '\n'], 2)[0].ToUpperInvariant();
                var table = sql.Split('"') is { Length: > 1 } parts ? parts[1] : "";
                Add($"db {verb} {table}", c.Duration.TotalMilliseconds);
                break;
            case TransactionEndEventData t when e.Key.EndsWith("TransactionCommitted"):
                Add("db COMMIT", t.Duration.TotalMilliseconds);
                break;
            case ConnectionEndEventData o when e.Key.EndsWith("ConnectionOpened"):
                Add("db connection open", o.Duration.TotalMilliseconds);
                break;
        }
    }

    public void OnCompleted() { }
    public void OnError(Exception error) { }

    private sealed class TimedAuthenticator(IBotFrameworkAuthenticator inner, AckProfile profile) : IBotFrameworkAuthenticator
    {
        public async Task<AuthenticationResult> AuthenticateAsync(string? authorizationHeader, string channelId, string serviceUrl, CancellationToken ct)
        {
            var start = Stopwatch.GetTimestamp();
            try { return await inner.AuthenticateAsync(authorizationHeader, channelId, serviceUrl, ct); }
            finally { profile.Add("jwt validation", Stopwatch.GetElapsedTime(start).TotalMilliseconds); }
        }
    }
}
