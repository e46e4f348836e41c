using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AccountCoachBot.Tests.Operations;

/// <summary>Collects the bot's error logs (an unhandled exception behind a 500 among them), so a failure names its cause.</summary>
public sealed class ErrorLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _errors = new();

    public IReadOnlyList<string> Errors => _errors.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(ErrorLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var where = exception?.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("AccountCoachBot", StringComparison.Ordinal))?.Trim();
            log._errors.Enqueue($"{category}: {formatter(state, exception)} {exception?.GetType().Name}: {exception?.Message} {where}");
        }
    }
}
