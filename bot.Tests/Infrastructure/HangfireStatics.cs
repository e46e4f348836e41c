using System.Runtime.CompilerServices;

namespace AccountCoachBot.Tests.Infrastructure;

/// <summary>
/// Hangfire's global filters take a logger from the log provider current when they are first touched, and every
/// test host sets that provider to its own logger factory. When a host that has since been disposed was the last to
/// set it, the first touch throws, and a type initializer that throws stays broken for the whole run. Touching them
/// once at load, before any host exists, gives them the default provider; one process has one host in production.
/// </summary>
internal static class HangfireStatics
{
    [ModuleInitializer]
    internal static void Initialize()
    {
        _ = Hangfire.GlobalJobFilters.Filters;
        _ = Hangfire.Common.JobFilterProviders.Providers;
    }
}
