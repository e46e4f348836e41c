using AccountCoachBot.Data;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AccountCoachBot.Tests.Data;

/// <summary>Schema changes ship as migrations: a database made by the first version upgrades without loss.</summary>
public sealed class MigrationTests
{
    private static CoachDbContext Open(TestDatabase db) =>
        new(new DbContextOptionsBuilder<CoachDbContext>().UseSqlite(db.ConnectionString).Options);

    [Fact]
    public async Task Migrate_KeepsPeopleAndPromises_WhenUpgradingFromTheFirstVersion()
    {
        using var db = new TestDatabase();
        await using (var context = Open(db))
        {
            var migrations = context.Database.GetMigrations().ToList();
            Assert.True(migrations.Count >= 2, "expected more than one migration");
            await context.GetService<IMigrator>().MigrateAsync(migrations[0]);
        }

        // Rows written by the first version, in its own schema.
        await using (var connection = new SqliteConnection(db.ConnectionString))
        {
            await connection.OpenAsync();
            var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO People (Id, DisplayName, TimeZoneId, TimeZoneSource, Language, LanguageChosen, WorkStart, WorkEnd, WorkDaysMask, Paused, Welcomed, CreatedUtc)
                VALUES (1, 'Olga', 'Europe/Berlin', 2, 1, 1, '09:00:00', '18:00:00', 62, 0, 1, '2026-03-01 10:00:00');
                INSERT INTO Accounts (Id, OwnerId, Name, NormalizedName, CreatedUtc) VALUES (1, 1, 'Acme', 'ACME', '2026-03-01 10:00:00');
                INSERT INTO Promises (Id, OwnerId, AccountId, What, DueUtc, TimeZoneId, Status, OnTrack, CreatedUtc)
                VALUES (1, 1, 1, 'send the quote', '2026-03-06 17:00:00', 'Europe/Berlin', 0, 0, '2026-03-01 10:00:00');
                """;
            await command.ExecuteNonQueryAsync();
        }

        await using (var context = Open(db))
        {
            await context.Database.MigrateAsync();
            Assert.Empty(await context.Database.GetPendingMigrationsAsync());
            var promise = await context.Promises.Include(p => p.Account).SingleAsync();
            Assert.Equal(("send the quote", "Acme"), (promise.What, promise.Account!.Name));
            Assert.Equal(new DateTime(2026, 3, 6, 17, 0, 0, DateTimeKind.Utc), promise.DueUtc);
            Assert.Equal("Olga", (await context.People.SingleAsync()).DisplayName);
        }
    }

    [Fact]
    public void Model_HasNoChangesMissingAMigration()
    {
        using var db = new TestDatabase();
        using var context = Open(db);
        Assert.False(context.Database.HasPendingModelChanges(), "the model changed: add a migration (see README)");
    }
}
