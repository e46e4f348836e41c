using AccountCoachBot.Data;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AccountCoachBot.Cli;

/// <summary>
/// The app's services and migrated database for a command-line verb: the server's configuration and registrations
/// (settings given as the server takes them), the given clock, no console logging, one scope for the verb's work.
/// </summary>
public sealed class CliHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly AsyncServiceScope _scope;

    private CliHost(IHost host)
    {
        _host = host;
        _scope = host.Services.CreateAsyncScope();
    }

    public IServiceProvider Services => _scope.ServiceProvider;

    public CoachDbContext Db => Services.GetRequiredService<CoachDbContext>();

    public static async Task<CliHost> OpenAsync(string[] settings, TimeProvider? time, CancellationToken ct,
        Action<HostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = SettingsFiles.ReadOnceWith(settings), ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.AddCoachServices();
        builder.Services.Replace(ServiceDescriptor.Singleton(time ?? TimeProvider.System));
        configure?.Invoke(builder);
        var host = builder.Build();
        await host.Services.MigrateCoachDatabaseAsync(ct);
        return new CliHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        _host.Dispose();
    }
}
