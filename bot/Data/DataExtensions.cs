using System.Data.Common;
using AccountCoachBot.Data.CompiledModels.Postgres;
using AccountCoachBot.Data.CompiledModels.Sqlite;
using AccountCoachBot.Data.Postgres;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AccountCoachBot.Data;

public static class DataExtensions
{
    public const string ConnectionName = "Coach";
    private const string DefaultDatabase = "data/coach.db";

    /// <summary>
    /// SQLite file by default: <c>data/coach.db</c> under the content root. <c>Database:Provider=postgres</c> puts the
    /// data in PostgreSQL (<c>ConnectionStrings:Coach</c>), which several instances can share.
    /// </summary>
    /// <remarks>
    /// Every request and turn builds a context, so what does not change is built once. The options are a singleton:
    /// scoped, they were rebuilt for each context. The compiled model is named: found by EF Core's assembly-attribute
    /// lookup, it was reflected on for each context, and after a collection freed the reflection cache its invoke
    /// stub was compiled again (profiled under a burst of acks: ~300 times in ten seconds, a third of the CPU in the JIT).
    /// </remarks>
    public static IHostApplicationBuilder AddCoachData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<WriteGate>(); // SQLite's writers one at a time; open on PostgreSQL
        if (DatabaseSettings.ProviderOf(builder.Configuration) == DatabaseProvider.Postgres)
        {
            var postgres = DatabaseSettings.PostgresConnectionString(builder.Configuration);
            builder.Services.AddDbContext<CoachDbContext, PostgresCoachDbContext>(
                options => options.UseNpgsql(postgres).UseModel(PostgresCoachDbContextModel.Instance), optionsLifetime: ServiceLifetime.Singleton);
            return builder;
        }
        var connectionString = ResolveConnectionString(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddDbContext<CoachDbContext>(options => options
            .UseSqlite(connectionString)
            .UseModel(CoachDbContextModel.Instance)
            .AddInterceptors(new SqlitePragmaInterceptor()), optionsLifetime: ServiceLifetime.Singleton);
        builder.Services.AddHostedService<SqliteCheckpointer>(); // the log's checkpoints off the commits (acks)
        return builder;
    }

    /// <summary>Makes a relative SQLite path absolute against the content root, and its folder exist.</summary>
    public static string ResolveConnectionString(IConfiguration configuration, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(configuration.GetConnectionString(ConnectionName) ?? $"Data Source={DefaultDatabase}");
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        if (builder.DataSource != ":memory:")
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        return builder.ToString();
    }

    public static bool IsPostgres(this CoachDbContext db) => db is PostgresCoachDbContext;

    /// <summary>
    /// Creates or upgrades the schema with migrations, so a new version never loses data. Instances starting together
    /// on one PostgreSQL database are safe: EF Core holds a migration lock and checks the history again under it.
    /// </summary>
    public static async Task MigrateCoachDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("AccountCoachBot.Data");
        logger.LogInformation("Database: {Path}", DatabaseSettings.Describe(db.Database.ProviderName ?? "", db.Database.GetConnectionString()));
        if (!await IsCurrentAsync(db, ct))
            await db.Database.MigrateAsync(ct);
        if (!db.IsPostgres())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", ct);
    }

    /// <summary>
    /// True when the history table lists every migration in code: a restart, the usual start. MigrateAsync would first
    /// build the model from code and the migrations' snapshot to compare them, and EF Core's history reader a model
    /// of its own (together a second or more of a cold start); one query answers the question. Tests check that the
    /// migrations match the model (MigrationSetsTests).
    /// </summary>
    private static async Task<bool> IsCurrentAsync(CoachDbContext db, CancellationToken ct)
    {
        var applied = new HashSet<string>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection(); // not EF Core's open: Npgsql's execution strategy wraps its errors
        try
        {
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = """SELECT "MigrationId" FROM "__EFMigrationsHistory";""";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) applied.Add(reader.GetString(0));
        }
        catch (DbException)
        {
            return false; // no history table (a new database, which MigrateAsync creates), or no database: MigrateAsync says why
        }
        finally
        {
            await connection.CloseAsync();
        }
        return db.Database.GetMigrations().All(applied.Contains);
    }
}
