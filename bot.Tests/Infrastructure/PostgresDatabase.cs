using AccountCoachBot.Tests.TestSupport;
using Npgsql;

namespace AccountCoachBot.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL database for one test class (<c>IClassFixture</c>), on the server named by
/// <c>COACH_TEST_POSTGRES</c> (a connection string; <c>.ci/run</c> starts a cluster on loopback and sets it).
/// Each test starts from empty tables (<see cref="ResetAsync"/>); the database is dropped after the class.
/// Without the variable the tests on it are skipped (<see cref="DbFactAttribute"/>) — except in CI, where they fail.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    public const string Variable = "COACH_TEST_POSTGRES";
    private readonly string? _server = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;
    private string? _connectionString;

    /// <summary>Why tests on PostgreSQL do not run here; null when they run (configured, or in CI, where they must).</summary>
    public static string? SkipReason =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } || RepoLocator.IsCi
            ? null
            : $"PostgreSQL tests need {Variable} (a connection string, e.g. \"Host=127.0.0.1;Port=5432;Username=coach;Database=postgres\"; " +
              "`.ci/postgres start DIR` starts a throwaway cluster and prints one). CI always runs them.";

    public string ConnectionString => _connectionString
        ?? throw new InvalidOperationException($"{Variable} is not set: the PostgreSQL tests cannot run. CI requires them (.ci/run starts a cluster and sets it).");

    /// <summary>The settings that put the bot on this database.</summary>
    public IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "postgres",
        ["ConnectionStrings:Coach"] = ConnectionString,
    };

    public async Task InitializeAsync()
    {
        if (_server is null) return; // skipped, or failing in CI through ConnectionString
        var name = $"coach_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(_server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        _connectionString = new NpgsqlConnectionStringBuilder(_server) { Database = name }.ToString();
    }

    /// <summary>Empties every table of the app (not the migrations history), numbering from 1 again.</summary>
    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var truncate = new NpgsqlCommand("""
            DO $$
            DECLARE tables text;
            BEGIN
              SELECT string_agg(format('%I.%I', schemaname, tablename), ', ') INTO tables
              FROM pg_tables WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory';
              IF tables IS NOT NULL THEN EXECUTE 'TRUNCATE ' || tables || ' RESTART IDENTITY CASCADE'; END IF;
            END $$;
            """, connection);
        await truncate.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (_server is null || _connectionString is null) return;
        NpgsqlConnection.ClearPool(new NpgsqlConnection(_connectionString));
        await using var admin = new NpgsqlConnection(_server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(_connectionString).Database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
