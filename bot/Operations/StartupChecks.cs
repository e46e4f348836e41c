using System.Data.Common;
using AccountCoachBot.Data;
using Microsoft.Extensions.Options;

namespace AccountCoachBot.Operations;

/// <summary>
/// Everything that can stop the server from starting, decided before Kestrel listens: settings (every validated
/// options class), the registered <see cref="IStartupCheck"/>s, then the database (reached and migrated).
/// A refusal is a <see cref="StartupRefusal"/>: one line, exit code 1.
/// </summary>
public static class StartupChecks
{
    public static async Task RunAsync(IServiceProvider services, CancellationToken ct = default)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException e)
        {
            throw new StartupRefusal($"Refusing to start: a bad setting: {string.Join(" ", e.Failures)}");
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            // The binder's own words name the setting and the type it wants (a time, a number).
            throw new StartupRefusal($"Refusing to start: a bad setting: {e.Message}");
        }
        foreach (var check in services.GetServices<IStartupCheck>())
            if (check.Refusal() is { } reason) throw new StartupRefusal(reason);
        try
        {
            await services.MigrateCoachDatabaseAsync(ct);
        }
        catch (DbException e)
        {
            throw new StartupRefusal($"Refusing to start: the database cannot be used ({e.Message.ReplaceLineEndings(" ")}). Check ConnectionStrings:Coach and that the server is up.");
        }
    }

    /// <summary>Runs <paramref name="main"/>; a refusal anywhere in it prints its one line to <paramref name="error"/> and gives exit code 1.</summary>
    public static async Task<int> ExitCodeAsync(Func<Task<int>> main, TextWriter error)
    {
        try
        {
            return await main();
        }
        catch (StartupRefusal refusal)
        {
            await error.WriteLineAsync(refusal.Message);
            return StartupRefusal.ExitCode;
        }
    }
}
