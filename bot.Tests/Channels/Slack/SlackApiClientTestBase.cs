using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using AccountCoachBot.Channels.Slack;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AccountCoachBot.Tests.Channels.Slack;

/// <summary>
/// <see cref="SlackApiClient"/> as the app registers it (<see cref="SlackApiServiceCollectionExtensions.AddSlackApi"/>),
/// over real HTTP against <see cref="FakeSlackApi"/>, with the loopback-only guard in its handler chain; each test class
/// beside this one gets its own fake, clients and captured logs.
/// </summary>
public abstract class SlackApiClientTestBase : IAsyncLifetime
{
    protected const string Token = "xoxb-1111-2222-SeCrEtToKeNvAlUe";
    protected readonly CapturingLoggerProvider _logs = new();
    private readonly List<ServiceProvider> _providers = [];
    protected FakeSlackApi _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlackApi.StartAsync(expectedToken: Token);

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers) await provider.DisposeAsync();
        await _slack.DisposeAsync();
    }

    protected ServiceProvider Services(string? baseUrl = null, string? token = Token, TimeSpan? timeout = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = token,
            ["Slack:SigningSecret"] = "8f742231b10e8888abcd99yyyzzz85a5",
            ["Slack:ApiBaseUrl"] = baseUrl ?? _slack.BaseUrl,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs));
        services.AddSlackApi(configuration);
        var http = services.AddHttpClient(SlackApiClient.HttpClientName).AddHttpMessageHandler(() => new LoopbackOnlyHandler());
        if (timeout is not null) http.ConfigureHttpClient(c => c.Timeout = timeout.Value);
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider;
    }

    protected SlackApiClient Client(string? baseUrl = null, string? token = Token, TimeSpan? timeout = null) =>
        Services(baseUrl, token, timeout).GetRequiredService<SlackApiClient>();

    protected static JsonObject Message(string text = "Reminder: call Acme") => new()
    {
        ["text"] = text,
        ["blocks"] = new JsonArray(new JsonObject
        {
            ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "*" + text + "*" },
        }),
        ["unfurl_links"] = false,
    };

    protected static void AssertJsonCall(FakeSlackApi.RecordedCall call, string method)
    {
        Assert.Equal(method, call.Method);
        Assert.Equal("POST", call.HttpMethod);
        Assert.Equal("Bearer " + Token, call.Authorization);
        Assert.Equal("application/json; charset=utf-8", call.ContentType);
    }

    protected static void AssertFormCall(FakeSlackApi.RecordedCall call, string method)
    {
        Assert.Equal(method, call.Method);
        Assert.Equal("POST", call.HttpMethod);
        Assert.Equal("Bearer " + Token, call.Authorization);
        Assert.True(call.IsForm, $"{method} should be form-encoded, was {call.ContentType}");
        Assert.Null(call.Arg("token")); // the token travels in the header only
    }

    /// <summary>Every log line of the clients under test, HttpClient's own request logging included.</summary>
    protected sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull
            {
                owner.Lines.Enqueue($"scope {category}: {state} {Pairs(state)}");
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {Pairs(state)} {exception}");

            /// <summary>Structured values too, not only the rendered message.</summary>
            private static string Pairs<TState>(TState state) =>
                state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
        }
    }
}
