using System.Diagnostics;
using AccountCoachBot.Data;
using AccountCoachBot.Scheduling;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace AccountCoachBot.Bench.Scale;

/// <summary>
/// Where a benchmark's data lives: a SQLite file <c>$TMPDIR/coach-bench/{name}.db</c>, or, with COACH_BENCH_POSTGRES, a
/// database <c>coach_{name}</c> on that server. Seeded once (<see cref="ScaleData"/>); each measured round works on a fresh copy
/// (a file copy, or <c>CREATE DATABASE … TEMPLATE</c>), so planning finds the same due rows every round.
/// </summary>
public sealed class ScaleDatabase(string name = "scale-v1", Func<CoachDbContext, Task>? seed = null)
{
    private readonly string? _postgres = Environment.GetEnvironmentVariable("COACH_BENCH_POSTGRES") is { Length: > 0 } pg ? pg : null;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "coach-bench");

    public string Provider => _postgres is null ? "SQLite" : "PostgreSQL";
    private readonly Func<CoachDbContext, Task> _seed = seed ?? (db => ScaleData.SeedAsync(db));
    private string SeedFile => Path.Combine(_folder, $"{name}.db");
    private string SeedDatabase => "coach_" + name.Replace('-', '_');

    /// <summary>Settings for a host on the seeded data itself (read-only use) or on its copy <paramref name="copy"/>.</summary>
    public Dictionary<string, string?> Settings(string? copy = null) => _postgres is null
        ? new() { ["ConnectionStrings:Coach"] = $"Data Source={(copy is null ? SeedFile : Path.Combine(_folder, copy + ".db"))}" }
        : new() { ["Database:Provider"] = "postgres", ["ConnectionStrings:Coach"] = new NpgsqlConnectionStringBuilder(_postgres) { Database = copy ?? SeedDatabase, CommandTimeout = 600 }.ToString() };

    /// <summary>Seeds the data unless an earlier run did; data an earlier build seeded is migrated, as the bot does at start.</summary>
    public async Task EnsureSeededAsync()
    {
        Directory.CreateDirectory(_folder);
        if (_postgres is null && File.Exists(SeedFile))
        {
            await MigrateSeedAsync();
            return;
        }
        if (_postgres is not null)
        {
            await using var admin = await OpenAdminAsync();
            await using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{SeedDatabase}'", admin);
            if (await exists.ExecuteScalarAsync() is not null)
            {
                await MigrateSeedAsync();
                return;
            }
            await Exec(admin, $"CREATE DATABASE {SeedDatabase}");
        }
        Console.Error.WriteLine($"Seeding {name} ({Provider}), once…");
        var watch = Stopwatch.StartNew();
        try
        {
            using var host = Build(Settings(), new FakeTimeProvider(ScaleData.Now));
            await host.Services.MigrateCoachDatabaseAsync();
            using var scope = host.Services.CreateScope();
            await _seed(scope.ServiceProvider.GetRequiredService<CoachDbContext>());
        }
        catch
        {
            if (_postgres is null) File.Delete(SeedFile);
            else await DropAsync(SeedDatabase);
            throw;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
        }
        Console.Error.WriteLine($"Seeded in {watch.Elapsed.TotalSeconds:0} s");
    }

    private async Task MigrateSeedAsync()
    {
        using (var host = Build(Settings(), new FakeTimeProvider(ScaleData.Now)))
            await host.Services.MigrateCoachDatabaseAsync();
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>A fresh copy of the seeded data named <paramref name="copy"/> (replacing an older one); returns its settings.</summary>
    public async Task<Dictionary<string, string?>> FreshCopyAsync(string copy)
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (_postgres is null)
        {
            var target = Path.Combine(_folder, copy + ".db");
            foreach (var suffix in new[] { "-wal", "-shm" }) File.Delete(target + suffix);
            File.Copy(SeedFile, target, overwrite: true);
            // On disk before the round: else the first commit's flush of the new log waits for the kernel to write back
            // the copy's 300 MB (measured: the first pass's first commit 130 ms, against 2–5 ms after this).
            using (var written = new FileStream(target, FileMode.Open, FileAccess.ReadWrite)) written.Flush(flushToDisk: true);
            return Settings(copy);
        }
        await DropAsync(copy);
        await using var admin = await OpenAdminAsync();
        await Exec(admin, $"CREATE DATABASE {copy} TEMPLATE {SeedDatabase}");
        return Settings(copy);
    }

    /// <summary>An empty, migrated database named <paramref name="copy"/>.</summary>
    public async Task<Dictionary<string, string?>> EmptyAsync(string copy)
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (_postgres is null)
        {
            Directory.CreateDirectory(_folder); // cold start needs no seeded data, so may be the first to come here
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(Path.Combine(_folder, copy + ".db" + suffix));
        }
        else
        {
            await DropAsync(copy);
            await using var admin = await OpenAdminAsync();
            await Exec(admin, $"CREATE DATABASE {copy}");
        }
        var settings = Settings(copy);
        using (var host = Build(settings, new FakeTimeProvider(ScaleData.Now)))
            await host.Services.MigrateCoachDatabaseAsync();
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        return settings;
    }

    /// <summary>A plain host with the app's services (AddCoachServices, as the server composes them) and the dispatcher, on the given clock.</summary>
    public static IHost Build(Dictionary<string, string?> settings, TimeProvider time, Action<IServiceCollection>? more = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("SCALE_SQL") == "1")
        {
            builder.Logging.AddSimpleConsole();
            builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information);
            builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        }
        builder.AddCoachServices();
        builder.Services.AddNudgeDispatcher(builder.Configuration);
        builder.Services.AddSingleton(time);
        more?.Invoke(builder.Services);
        return builder.Build();
    }

    private async Task DropAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = await OpenAdminAsync();
        await Exec(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
    }

    private async Task<NpgsqlConnection> OpenAdminAsync()
    {
        var connection = new NpgsqlConnection(_postgres);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task Exec(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
