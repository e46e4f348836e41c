using AccountCoachBot.Data;
using AccountCoachBot.Features.MeetingPrep;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.Promises;
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
    public async Task Migrate_NumbersEachPersonsRowsInCreationOrder_AndNewRowsFollow()
    {
        using var db = new TestDatabase();
        await using (var context = Open(db))
        {
            // The version before own numbers.
            var migrations = context.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_PerPersonNumbers", StringComparison.Ordinal)) - 1];
            await context.GetService<IMigrator>().MigrateAsync(before);
        }

        // Three people whose rows interleave, as they do on a shared server; Ivan's second promise was deleted.
        await using (var connection = new SqliteConnection(db.ConnectionString))
        {
            await connection.OpenAsync();
            var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO People (Id, DisplayName, TimeZoneId, TimeZoneSource, Language, LanguageChosen, WorkStart, WorkEnd, WorkDaysMask, Paused, Welcomed, CreatedUtc)
                VALUES (1, 'Olga', 'UTC', 0, 0, 0, '09:00:00', '18:00:00', 62, 0, 1, '2026-03-01 10:00:00'),
                       (2, 'Ivan', 'UTC', 0, 0, 0, '09:00:00', '18:00:00', 62, 0, 1, '2026-03-01 10:00:00'),
                       (3, 'Anna', 'UTC', 0, 0, 0, '09:00:00', '18:00:00', 62, 0, 1, '2026-03-01 10:00:00'),
                       (4, 'Petr', 'UTC', 0, 0, 0, '09:00:00', '18:00:00', 62, 0, 1, '2026-03-01 10:00:00');
                INSERT INTO Accounts (Id, OwnerId, Name, NormalizedName, CreatedUtc) VALUES
                    (1, 1, 'Acme', 'ACME', '2026-03-01 10:00:00'), (2, 2, 'Acme', 'ACME', '2026-03-01 10:00:00'),
                    (3, 1, 'Globex', 'GLOBEX', '2026-03-01 10:00:00'), (4, 3, 'Initech', 'INITECH', '2026-03-01 10:00:00');
                INSERT INTO Promises (Id, OwnerId, AccountId, What, DueUtc, TimeZoneId, Status, OnTrack, CreatedUtc) VALUES
                    (1, 1, 1, 'olga one', '2026-03-06 17:00:00', 'UTC', 0, 0, '2026-03-01 10:00:00'),
                    (2, 2, 2, 'ivan one', '2026-03-06 17:00:00', 'UTC', 0, 0, '2026-03-01 10:00:00'),
                    (3, 1, 3, 'olga two', '2026-03-06 17:00:00', 'UTC', 1, 0, '2026-03-01 10:00:00'),
                    (5, 2, 2, 'ivan three', '2026-03-06 17:00:00', 'UTC', 0, 0, '2026-03-01 10:00:00'),
                    (6, 3, 4, 'anna one', '2026-03-06 17:00:00', 'UTC', 0, 0, '2026-03-01 10:00:00'),
                    (7, 1, 1, 'olga three', '2026-03-06 17:00:00', 'UTC', 2, 0, '2026-03-01 10:00:00');
                INSERT INTO Meetings (Id, OwnerId, AccountId, TimeZoneId, Important, Status, CreatedUtc) VALUES
                    (1, 2, 2, 'UTC', 0, 0, '2026-03-01 10:00:00'),
                    (2, 1, 1, 'UTC', 0, 0, '2026-03-01 10:00:00'),
                    (3, 2, 2, 'UTC', 0, 1, '2026-03-01 10:00:00');
                """;
            await command.ExecuteNonQueryAsync();
        }

        await using (var context = Open(db))
        {
            await context.Database.MigrateAsync();
            Assert.Empty(await context.Database.GetPendingMigrationsAsync());

            var promises = await context.Promises.OrderBy(p => p.Id).Select(p => new { p.What, p.Number }).ToListAsync();
            Assert.Equal(
                [("olga one", 1), ("ivan one", 1), ("olga two", 2), ("ivan three", 2), ("anna one", 1), ("olga three", 3)],
                promises.Select(p => (p.What, p.Number)));
            var meetings = await context.Set<Meeting>().OrderBy(m => m.Id).Select(m => new { m.OwnerId, m.Number }).ToListAsync();
            Assert.Equal([(2, 1), (1, 1), (2, 2)], meetings.Select(m => (m.OwnerId, m.Number)));
            var accounts = await context.Accounts.OrderBy(a => a.Id).Select(a => new { a.OwnerId, a.Number }).ToListAsync();
            Assert.Equal([(1, 1), (2, 1), (1, 2), (3, 1)], accounts.Select(a => (a.OwnerId, a.Number)));

            var counters = await context.People.OrderBy(p => p.Id)
                .Select(p => new { p.LastPromiseNumber, p.LastMeetingNumber, p.LastAccountNumber }).ToListAsync();
            Assert.Equal([(3, 1, 2), (2, 2, 1), (1, 0, 1), (0, 0, 0)],
                counters.Select(c => (c.LastPromiseNumber, c.LastMeetingNumber, c.LastAccountNumber)));
        }

        // What is made after the upgrade takes the next number, per person and per kind; the unique index holds.
        await using (var context = Open(db))
        {
            var olgaPromise = NewPromise(1, 1);
            var petrAccount = new Account { OwnerId = 4, Name = "Umbrella", NormalizedName = "UMBRELLA", CreatedUtc = DateTime.UtcNow };
            var ivanMeeting = new Meeting { OwnerId = 2, AccountId = 2, CreatedUtc = DateTime.UtcNow };
            context.AddRange(olgaPromise, petrAccount, ivanMeeting);
            await context.SaveChangesAsync();
            Assert.Equal((4, 1, 3), (olgaPromise.Number, petrAccount.Number, ivanMeeting.Number));

            context.Promises.Add(new Promise { OwnerId = 1, AccountId = 1, What = "clash", Number = 2, CreatedUtc = DateTime.UtcNow });
            await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        }
    }

    private static Promise NewPromise(int ownerId, int accountId) =>
        new() { OwnerId = ownerId, AccountId = accountId, What = "next", DueUtc = DateTime.UtcNow.AddDays(1), CreatedUtc = DateTime.UtcNow };

    [Fact]
    public void Model_HasNoChangesMissingAMigration()
    {
        using var db = new TestDatabase();
        using var context = Open(db);
        Assert.False(context.Database.HasPendingModelChanges(), "the model changed: add a migration (see README)");
    }
}
