using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using AccountCoachBot.Channels.BotFramework.Auth;
using AccountCoachBot.Channels.Inbox;
using AccountCoachBot.Data;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Bench.Ack;

/// <summary>
/// The real bot, built as Program.cs builds it, with one change: its Bot Framework identity clients (OpenID
/// metadata, key set, outbound token) reach the loopback fakes instead of Microsoft, as bot.Tests' BotHost does.
/// Everything else (JWT validation, the database, Slack, Hangfire) is the production path.
/// </summary>
public static class AckBot
{
    /// <summary>ACK_PROFILE=1: where the time goes, at GET /bench/profile (costs a little; off for the measured runs).</summary>
    private static bool Profile => Environment.GetEnvironmentVariable("ACK_PROFILE") == "1";

    public static async Task RunAsync(int fakesPort, string[] settings)
    {
        var app = CoachWebApp.Create(settings, builder =>
        {
            builder.Services.AddHttpClient(BotFrameworkAuthConstants.MetadataHttpClientName)
                .AddHttpMessageHandler(() => new ToLoopback(fakesPort));
            builder.Services.AddHttpClient(BotFrameworkAuthConstants.LoginHttpClientName)
                .AddHttpMessageHandler(() => new ToLoopback(fakesPort));
            if (Profile) AckProfile.AddTo(builder);
            AckTail.AddTo(builder);
        });
        if (Profile) AckProfile.Map(app);
        // run.sh waits for the turns a run left behind before it measures the next target.
        app.MapGet("/bench/pending", async (CoachDbContext db, CancellationToken ct) =>
            Results.Text((await InboxArrivals.PendingAsync(db, transport: null, ct)).ToString()));
        // The runtime's share of a tail (GC pauses, CPU), the bot's own (AckTail) and the database's (AckCommits), cheap enough to read in every run;
        // ?reset=1 starts a new window.
        var runtime = AckRuntimeStats.Now();
        var tail = app.Services.GetRequiredService<AckTail>();
        tail.StartProbe(app.Lifetime.ApplicationStopping);
        using var commits = new AckCommits();
        app.MapGet("/bench/runtime", (HttpContext c) =>
        {
            var text = runtime.Report() + tail.Report() + commits.Report();
            if (c.Request.Query.ContainsKey("reset"))
            {
                runtime = AckRuntimeStats.Now();
                tail.Reset();
                commits.Reset();
            }
            return Results.Text(text);
        });
        await app.Services.MigrateCoachDatabaseAsync();
        await app.RunAsync();
    }

    /// <summary>Sends https://login.botframework.com/… (any host) to http://127.0.0.1:port/… with the same path.</summary>
    private sealed class ToLoopback(int port) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = "http", Host = "127.0.0.1", Port = port }.Uri;
            return base.SendAsync(request, ct);
        }
    }
}
