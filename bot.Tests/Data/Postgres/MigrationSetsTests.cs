using AccountCoachBot.Data;
using AccountCoachBot.Data.Postgres;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Tests.Data.Postgres;

/// <summary>
/// Each provider has its own migrations (Data/Migrations for SQLite, Data/Postgres/Migrations): a model change needs
/// one in both, or the provider without it would start on an old schema.
/// </summary>
public sealed class MigrationSetsTests
{
    [Fact]
    public void Model_HasNoChangesWithoutAMigration_OnSqlite()
    {
        using var db = new CoachDbContext(new DbContextOptionsBuilder<CoachDbContext>().UseSqlite("Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "dotnet ef migrations add <Name> --project bot --context CoachDbContext --output-dir Data/Migrations");
    }

    [Fact]
    public void Model_HasNoChangesWithoutAMigration_OnPostgres()
    {
        using var db = new PostgresCoachDbContext(new DbContextOptionsBuilder<PostgresCoachDbContext>().UseNpgsql("Host=localhost;Database=unused").Options);
        Assert.False(db.Database.HasPendingModelChanges(),
            "dotnet ef migrations add <Name> --project bot --context PostgresCoachDbContext --output-dir Data/Postgres/Migrations");
        Assert.NotEmpty(db.Database.GetMigrations());
    }
}
