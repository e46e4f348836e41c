using AccountCoachBot.Data;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AccountCoachBot.Scheduling;

public static class SchedulingExtensions
{
    /// <summary>The outbox dispatcher, on any host (the server and the terminal chat).</summary>
    public static IServiceCollection AddNudgeDispatcher(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<DispatcherOptions>().Bind(configuration.GetSection(DispatcherOptions.Section))
            .Validate(o => o.RetryBackoff > TimeSpan.Zero,
                $"{DispatcherOptions.Section}:{nameof(DispatcherOptions.RetryBackoff)} must be a positive time such as 00:00:30 (the wait after a failed send).")
            .Validate(o => o.DispatchEvery >= TimeSpan.Zero,
                $"{DispatcherOptions.Section}:{nameof(DispatcherOptions.DispatchEvery)} must be a time such as 00:00:01, or 00:00:00 to send only from the minutely job.")
            .Validate(o => o.WaitForBudget >= TimeSpan.Zero,
                $"{DispatcherOptions.Section}:{nameof(DispatcherOptions.WaitForBudget)} must be a time such as 00:00:01, or 00:00:00 never to wait.")
            .ValidateOnStart();
        services.AddSingleton<NudgeDispatcher>();
        return services;
    }

    /// <summary>
    /// Hangfire runs the planners and the dispatcher every minute; each instance's <see cref="DispatchLoop"/> also sends what
    /// is due every <see cref="DispatcherOptions.DispatchEvery"/>. Hangfire's storage follows the app database: in memory beside SQLite (due items
    /// live in the app database anyway), in PostgreSQL (schema <c>hangfire</c>) when instances share one, so each
    /// recurring occurrence fires on one instance only.
    /// </summary>
    public static IHostApplicationBuilder AddScheduling(this IHostApplicationBuilder builder)
    {
        builder.Services.AddNudgeDispatcher(builder.Configuration);
        builder.Services.AddTransient<NudgeJob>();
        builder.Services.AddScoped<Housekeeping>();
        builder.Services.AddHostedService<DispatchLoop>();
        var postgres = DatabaseSettings.ProviderOf(builder.Configuration) == DatabaseProvider.Postgres
            ? DatabaseSettings.PostgresConnectionString(builder.Configuration)
            : null;
        // This host's storage, registered before AddHangfire (which only adds one if none is): Hangfire's own default
        // reads the process-wide JobStorage.Current, which another host in the same process (tests) may have set.
        builder.Services.AddSingleton<JobStorage>(_ => postgres is null
            ? new InMemoryStorage(new InMemoryStorageOptions())
            : PostgresStorage(postgres));
        // Likewise the activator: without one here, the server builds jobs from the static JobActivator.Current, which
        // is the service provider of whichever host configured Hangfire last — another host's dispatcher and database.
        builder.Services.AddSingleton<JobActivator>(services => new HostJobActivator(services.GetRequiredService<IServiceScopeFactory>()));
        builder.Services.AddHangfire((services, c) => c
            .UseLogProvider(new HangfireLogProvider(services.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(services.GetRequiredService<JobStorage>()));

        var runServer = builder.Configuration.GetSection(DispatcherOptions.Section).GetValue(nameof(DispatcherOptions.RunServer), true);
        if (runServer)
        {
            builder.Services.AddHangfireServer(o =>
            {
                o.WorkerCount = 2;
                o.SchedulePollingInterval = TimeSpan.FromSeconds(5);
            });
            builder.Services.AddHostedService<RecurringJobsRegistration>();
        }
        return builder;
    }

    /// <summary>
    /// How long a Hangfire lock row (<c>hangfire.lock</c>) stands before another instance may take it over. A killed
    /// instance never deletes its rows; Hangfire.PostgreSql's default of 10 minutes would stall the recurring-job
    /// scheduler for that long. Hangfire's own locks are held for a pass of milliseconds, and what the jobs do is safe to
    /// run twice, so a minute is ample. The library compares each row's time with its host's clock: keep clocks in sync.
    /// </summary>
    public static readonly TimeSpan HangfireLockTimeout = TimeSpan.FromMinutes(1);

    private static PostgreSqlStorage PostgresStorage(string connectionString)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire", PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromSeconds(5),
            DistributedLockTimeout = HangfireLockTimeout,
        };
        return new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(connectionString, options), options);
    }

    private sealed class RecurringJobsRegistration(IRecurringJobManager jobs) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            jobs.AddOrUpdate<NudgeJob>(NudgeJob.Id, j => j.RunAsync(CancellationToken.None), Cron.Minutely());
            jobs.AddOrUpdate<Housekeeping>(Housekeeping.JobId, h => h.RunAsync(CancellationToken.None), Cron.Hourly());
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
