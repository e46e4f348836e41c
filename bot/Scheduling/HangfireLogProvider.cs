using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace AccountCoachBot.Scheduling;

/// <summary>
/// Hangfire's log provider is one per process, holding the logger factory of the host that set it last. Once that
/// factory is disposed (the host stopping while Hangfire's threads wind down, or, in the tests, another host in the
/// same process) asking it for a logger throws; Hangfire then logs nothing rather than failing the caller.
/// </summary>
internal sealed class HangfireLogProvider(ILoggerFactory factory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(factory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
