using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AccountCoachBot.Data.Postgres;

/// <summary>
/// The same model on PostgreSQL. A type of its own so its migrations (Data/Postgres/Migrations) live beside SQLite's:
/// EF Core ties a migration set to a context type. Resolved as <see cref="CoachDbContext"/> everywhere.
/// </summary>
public sealed class PostgresCoachDbContext(DbContextOptions<PostgresCoachDbContext> options) : CoachDbContext(options);

/// <summary>
/// Lets `dotnet ef migrations add X --context PostgresCoachDbContext --output-dir Data/Postgres/Migrations` build the
/// model; it never connects.
/// </summary>
internal sealed class DesignTimePostgresCoachDbContextFactory : IDesignTimeDbContextFactory<PostgresCoachDbContext>
{
    public PostgresCoachDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCoachDbContext>().UseNpgsql("Host=localhost;Database=coach_design").Options);
}
