using AccountCoachBot.Conversation;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using AccountCoachBot.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Infrastructure;

/// <summary>
/// The product without a channel: the real pipeline, features and dispatcher on a real SQLite file (or PostgreSQL), a fake
/// clock, and a recording sender standing in for the channel ("test" transport).
/// </summary>
public sealed class CoachTestHost : IAsyncDisposable
{
    public const string Transport = "test";
    private readonly IHost _host;
    private readonly TestDatabase _db;

    private CoachTestHost(IHost host, TestDatabase db, FakeTimeProvider time, RecordingSender sender)
    {
        _host = host;
        _db = db;
        Time = time;
        Sender = sender;
    }

    public FakeTimeProvider Time { get; }
    public RecordingSender Sender { get; }
    public IServiceProvider Services => _host.Services;

    /// <param name="services">Last word on the services (a shared key ring for a restart, a log capture).</param>
    /// <param name="postgres">
    /// Runs on that PostgreSQL database instead of a SQLite file of its own, emptied first unless <paramref name="keepData"/>
    /// (a second instance on the same database).
    /// </param>
    public static async Task<CoachTestHost> StartAsync(DateTimeOffset now, string? pacing = null, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null, PostgresDatabase? postgres = null, bool keepData = false, FakeTimeProvider? time = null)
    {
        time ??= new FakeTimeProvider(now);
        var sender = new RecordingSender();
        var db = new TestDatabase();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Coach"] = db.ConnectionString,
            // Feature tests send several nudges at one fake instant; pacing has its own test.
            ["Scheduling:MinIntervalPerConversation"] = pacing ?? "00:00:00",
            // On a fake clock a run that waited for a shared budget would wait for the test: runs put such nudges off instead.
            ["Scheduling:WaitForBudget"] = "00:00:00",
        });
        if (postgres is not null) builder.Configuration.AddInMemoryCollection(postgres.Settings);
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.AddCoachServices();
        builder.Services.AddNudgeDispatcher(builder.Configuration);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<INudgeSender>(sender);
        // Secrets are encrypted with keys that live only as long as the test.
        builder.Services.AddSingleton<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider());
        services?.Invoke(builder.Services);
        builder.Services.ConfigureHttpClientDefaults(b => b.AddHttpMessageHandler(() => new LoopbackOnlyHandler()));
        var host = builder.Build();
        await host.Services.MigrateCoachDatabaseAsync();
        if (postgres is not null && !keepData) await postgres.ResetAsync();
        return new CoachTestHost(host, db, time, sender);
    }

    /// <summary>A message from a person, through the real pipeline.</summary>
    public async Task<IReadOnlyList<Reply>> SayAsync(string? text, string user = "olga", SubmittedAction? action = null, string? timeZone = "Europe/Berlin", string? locale = "en-US", string channel = "test", string? email = null,
        IReadOnlyList<MentionedPerson>? mentions = null, string? directoryId = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var message = new InboundMessage(channel, Guid.NewGuid().ToString("N"), new Sender(user, user, email, directoryId),
            new InboundAddress(Transport, $"test|{user}", "{}"), text, action, locale, timeZone, Mentions: mentions);
        return await scope.ServiceProvider.GetRequiredService<TurnPipeline>().HandleAsync(message, CancellationToken.None);
    }

    /// <summary>The last reply's text (cards included, as plain text).</summary>
    public async Task<string> AskAsync(string text, string user = "olga") =>
        PlainTextRenderer.Render((await SayAsync(text, user))[^1]);

    public Task<IReadOnlyList<Reply>> PressAsync(string actionId, IDictionary<string, string> payload, string user = "olga") =>
        SayAsync(null, user, new SubmittedAction(actionId, new Dictionary<string, string>(payload)));

    public NudgeDispatcher Dispatcher => Services.GetRequiredService<NudgeDispatcher>();

    public async Task<T> WithDbAsync<T>(Func<CoachDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CoachDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        await Task.Yield();
        _db.Dispose();
    }
}

/// <summary>A channel that records what the dispatcher sends; results can be scripted per call.</summary>
public sealed class RecordingSender : INudgeSender
{
    private readonly Queue<SendResult> _script = new();
    private readonly List<(ConversationAddress Address, Reply Reply)> _sent = [];

    public string Transport => CoachTestHost.Transport;

    public IReadOnlyList<(ConversationAddress Address, Reply Reply)> Sent
    {
        get { lock (_sent) return _sent.ToList(); }
    }

    public void Next(SendResult result)
    {
        lock (_script) _script.Enqueue(result);
    }

    /// <summary>Runs inside each send, before it answers: a slow platform is one that moves the fake clock here.</summary>
    public Action? DuringSend { get; set; }

    public Task<SendResult> SendAsync(ConversationAddress address, Reply reply, CancellationToken ct)
    {
        DuringSend?.Invoke();
        SendResult? scripted = null;
        lock (_script) if (_script.Count > 0) scripted = _script.Dequeue();
        var result = scripted ?? SendResult.Ok;
        if (result.Outcome == SendOutcome.Sent)
            lock (_sent) _sent.Add((address, reply));
        return Task.FromResult(result);
    }
}
