using AccountCoachBot.Operations;
using Npgsql;

namespace AccountCoachBot.Data;

public enum DatabaseProvider
{
    /// <summary>One file, no setup: the default, for one instance.</summary>
    Sqlite = 0,

    /// <summary>One database shared by several instances.</summary>
    Postgres = 1,
}

/// <summary><c>Database:Provider</c> (sqlite | postgres) and the connection string it needs.</summary>
public static class DatabaseSettings
{
    public const string ProviderKey = "Database:Provider";

    public static DatabaseProvider ProviderOf(IConfiguration configuration) =>
        configuration[ProviderKey]?.Trim().ToLowerInvariant() switch
        {
            null or "" or "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" => DatabaseProvider.Postgres,
            var other => throw new StartupRefusal(
                $"Refusing to start: {ProviderKey} is '{other}'; use sqlite (the default) or postgres."),
        };

    /// <summary>The PostgreSQL connection string from <c>ConnectionStrings:Coach</c>, refused when it is missing or malformed.</summary>
    public static string PostgresConnectionString(IConfiguration configuration)
    {
        var value = configuration.GetConnectionString(DataExtensions.ConnectionName);
        const string Example = "e.g. ConnectionStrings__Coach=\"Host=db;Database=coach;Username=coach;Password=…\"";
        if (string.IsNullOrWhiteSpace(value))
            throw new StartupRefusal($"Refusing to start: {ProviderKey}=postgres needs ConnectionStrings:Coach ({Example}).");
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(value);
        }
        catch (ArgumentException e)
        {
            throw new StartupRefusal($"Refusing to start: ConnectionStrings:Coach is not a PostgreSQL connection string ({e.Message}); {Example}.");
        }
        // The SQLite default from appsettings.json ("Data Source=data/coach.db") is not a server.
        if (string.IsNullOrWhiteSpace(parsed.Host) || parsed.Host.EndsWith(".db", StringComparison.OrdinalIgnoreCase))
            throw new StartupRefusal($"Refusing to start: {ProviderKey}=postgres but ConnectionStrings:Coach names no PostgreSQL host; {Example}.");
        return value;
    }

    /// <summary>Where the data is, for the log: the SQLite file, or the server and database (never the password).</summary>
    public static string Describe(string provider, string? connectionString)
    {
        if (provider.Contains("Npgsql", StringComparison.Ordinal))
        {
            var pg = new NpgsqlConnectionStringBuilder(connectionString);
            return $"PostgreSQL {pg.Host}:{pg.Port}/{pg.Database}";
        }
        return new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
    }
}
