using System.Net;
using AccountCoachBot.Conversation;
using AccountCoachBot.Operations;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Operations;

/// <summary>Every log line written while a turn or a nudge is handled carries its id, whichever class wrote it.</summary>
public sealed class CorrelationTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero)); // 10:00 Berlin
    private readonly TestDatabase _db = new();
    private readonly HttpClient _http = new();
    private readonly ScopeCapturingLoggerProvider _logs = new();
    private FakeConnector _connector = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _bot = await BotHost.StartAsync(_db.Path, _time, new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information" },
            services: s => s.AddSingleton<ILoggerProvider>(_logs));
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        _http.Dispose();
        _db.Dispose();
    }

    [Fact]
    public async Task HandleAsync_LogsInsideTheTurnCarryTheDeliveryId()
    {
        await _http.PostAsync(_bot.MessagesUrl, Activities.Message(_connector.ServiceUrl, "help", id: "delivery-42", channelId: "msteams"));
        await _connector.WaitForDeliveredAsync(2);

        var turnLines = _logs.Lines.Where(l => l.Category == typeof(TurnPipeline).FullName).ToList();
        Assert.Contains(turnLines, l => l.Message.StartsWith("New person", StringComparison.Ordinal));
        Assert.All(turnLines, l => Assert.Equal("delivery-42", l.Scope.GetValueOrDefault(Correlation.TurnId)));
    }

    [Fact]
    public async Task DispatchDueAsync_LogsOfEachNudgeCarryItsOutboxId_EvenFromTheChannelClient()
    {
        await _http.PostAsync(_bot.MessagesUrl, Activities.Message(_connector.ServiceUrl, "promise Acme: call Olga back in 5 minutes", channelId: "msteams"));
        await _connector.WaitForDeliveredAsync(2);
        _time.Advance(TimeSpan.FromMinutes(5));
        var rowId = await _bot.WithDbAsync(db => db.Outbox.Where(o => o.DueUtc <= _time.GetUtcNow().UtcDateTime).Select(o => o.Id).SingleAsync());

        _connector.FailNext(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(30));
        Assert.Equal(0, await _bot.RunDispatcherAsync());

        // The connector client knows nothing of the outbox; the dispatcher's scope names the row for it.
        var refused = Assert.Single(_logs.Lines, l => l.Category.EndsWith("ConnectorClient", StringComparison.Ordinal) && l.Message.Contains("429", StringComparison.Ordinal));
        Assert.Equal(rowId, refused.Scope.GetValueOrDefault(Correlation.NudgeId));
        Assert.False(refused.Scope.ContainsKey(Correlation.TurnId));
    }
}
