using AccountCoachBot.Channels.BotFramework;
using AccountCoachBot.Channels.BotFramework.Auth;
using AccountCoachBot.Data;
using AccountCoachBot.Scheduling;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Infrastructure;

/// <summary>
/// The real bot on real Kestrel, on an ephemeral loopback port, with its own SQLite file and a fake clock.
/// Hangfire's server is off: tests run the dispatcher themselves, at the fake time they choose.
/// </summary>
public sealed class BotHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly DbWriteSignal _writes;

    private BotHost(WebApplication app, FakeTimeProvider time, string databasePath, DbWriteSignal writes)
    {
        _app = app;
        Time = time;
        DatabasePath = databasePath;
        _writes = writes;
    }

    public FakeTimeProvider Time { get; }
    public string DatabasePath { get; }
    public IServiceProvider Services => _app.Services;
    public string BaseUrl { get; private set; } = "";
    public string MessagesUrl => BaseUrl + "api/messages";

    /// <summary>Starts the bot on a database file (new or existing: a restart reuses it).</summary>
    /// <param name="identity">
    /// Serves Bot Framework metadata, keys and MSAL tokens in-process. Those two clients then have no network
    /// path at all; every other client keeps the loopback-only guard.
    /// </param>
    /// <param name="awaitTurns">
    /// The bot acks an activity once it is recorded and runs its turn afterwards. By default this host holds each
    /// /api/messages response until that turn was attempted (<see cref="TurnAwaiter"/>), so a test reads the replies
    /// right after its POST; tests of the ack itself pass false.
    /// </param>
    public static async Task<BotHost> StartAsync(string databasePath, FakeTimeProvider time, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null, HttpMessageHandler? identity = null, string urls = "http://127.0.0.1:0", bool awaitTurns = true)
    {
        var args = new List<string>
        {
            $"--urls={urls}",
            $"--ConnectionStrings:Coach=Data Source={databasePath}",
            "--Scheduling:RunServer=false",
            "--Logging:LogLevel:Default=Warning",
            "--Scheduling:MinIntervalPerConversation=00:00:00", // pacing has its own test
            // On a fake clock a run that waited for a shared budget would wait for the test: runs put such nudges off instead.
            "--Scheduling:WaitForBudget=00:00:00",
            "--Scheduling:DispatchEvery=00:00:00", // tests send what is due themselves, at the fake clock's instants
            "--BotFramework:TeamsAppBurst=1000", // Teams replies at one fake instant would wait for the clock; the app budget has its own tests
            "--Slack:ChannelBurst=1000", // likewise nudges to one Slack channel at one instant; the channel budget has its own tests
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) args.Add($"--{key}={value}");

        var writes = new DbWriteSignal();
        var app = CoachWebApp.Create(args.ToArray(), builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(time);
            builder.Services.ConfigureDbContext<CoachDbContext>((_, options) => options.AddInterceptors(writes));
            builder.Services.ConfigureDbContext<AccountCoachBot.Data.Postgres.PostgresCoachDbContext>((_, options) => options.AddInterceptors(writes));
            if (identity is null)
            {
                builder.Services.ConfigureHttpClientDefaults(b => b.AddHttpMessageHandler(() => new LoopbackOnlyHandler()));
            }
            else
            {
                builder.Services.AddHttpClient(BotFrameworkAuthConstants.MetadataHttpClientName).ConfigurePrimaryHttpMessageHandler(() => identity);
                builder.Services.AddHttpClient(BotFrameworkAuthConstants.LoginHttpClientName).ConfigurePrimaryHttpMessageHandler(() => identity);
                builder.Services.AddHttpClient(BotFrameworkExtensions.ConnectorHttpClient).AddHttpMessageHandler(() => new LoopbackOnlyHandler());
            }
            builder.Logging.ClearProviders();
            if (awaitTurns) builder.Services.AddSingleton<IStartupFilter, TurnAwaiter>();
            // Secrets are encrypted with keys that live only as long as the test.
            builder.Services.AddSingleton<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider());
            services?.Invoke(builder.Services);
        });
        await app.Services.MigrateCoachDatabaseAsync();
        await app.StartAsync();
        var host = new BotHost(app, time, databasePath, writes);
        host.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
        return host;
    }

    public Task<int> RunDispatcherAsync() => Services.GetRequiredService<NudgeDispatcher>().RunAsync();

    public async Task<T> WithDbAsync<T>(Func<CoachDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CoachDbContext>());
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> holds in the bot's database, checking again after each write the bot
    /// commits (no polling); a hang fails the test naming <paramref name="what"/> after <paramref name="limit"/>
    /// (<see cref="HangGuard.Limit"/> unless given).
    /// </summary>
    public async Task WaitUntilAsync(Func<CoachDbContext, Task<bool>> condition, string what, TimeSpan? limit = null)
    {
        var within = limit ?? HangGuard.Limit;
        using var guard = new CancellationTokenSource(within);
        while (true)
        {
            var written = _writes.NextWrite; // before the check, so a write right after it still wakes us
            if (await WithDbAsync(condition)) return;
            try
            {
                await written.WaitAsync(guard.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Hang guard: {what} did not happen within {within.TotalSeconds:0} s.");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
