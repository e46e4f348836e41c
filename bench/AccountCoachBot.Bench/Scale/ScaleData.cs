using System.Data.Common;
using AccountCoachBot.Data;
using AccountCoachBot.Features.People;
using AccountCoachBot.Features.ProactiveCalls;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AccountCoachBot.Bench.Scale;

/// <summary>
/// A big customer: 1,000 managers with 100 accounts (100,000) and 1,000 promises (1,000,000) each, a year of them,
/// every account with its call cadence, each manager with one private chat (transport <c>bench</c>). Fixed seed.
/// The promises, accounts and cadences go in with bulk inserts (one prepared command in one transaction on SQLite,
/// binary COPY on PostgreSQL): through EF Core the million rows would take far longer than the benchmark itself.
/// </summary>
public static class ScaleData
{
    public const int People = 1_000;
    public const int AccountsEach = 100;
    public const int PromisesEach = 1_000;
    public const string Transport = "bench";

    /// <summary>Tuesday 1 Dec 2026, 10:00 UTC: working hours in Europe, early morning in New York.</summary>
    public static readonly DateTime Now = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime YearAgo = Now.AddDays(-365);
    private static readonly string[] Zones = ["Europe/Berlin", "Europe/Moscow", "Europe/London", "UTC", "America/New_York"];

    /// <summary>Writes the data into a freshly migrated, empty database.</summary>
    public static async Task SeedAsync(CoachDbContext db, int people = People, int accountsEach = AccountsEach, int promisesEach = PromisesEach)
    {
        var random = new Random(20261201);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var persons = new List<Person>();
        for (var p = 0; p < people; p++)
        {
            var person = new Person
            {
                DisplayName = $"Manager {p:0000}", TimeZoneId = Zones[p % Zones.Length], CreatedUtc = YearAgo, Email = $"m{p}@example.com",
                LastPromiseNumber = promisesEach, LastAccountNumber = accountsEach, Welcomed = true, LanguageChosen = true,
                Language = p % 3 == 0 ? Language.Ru : Language.En,
            };
            persons.Add(person);
            db.People.Add(person);
        }
        await db.SaveChangesAsync();
        foreach (var person in persons)
            db.Addresses.Add(new ConversationAddress { PersonId = person.Id, Transport = Transport, Key = $"bench:{person.Id}", UpdatedUtc = YearAgo });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            // One bulk insert at a time: a connection holds one transaction (SQLite) or one COPY (PostgreSQL).
            var accountId = 0;
            var accountsOf = new Dictionary<int, (int First, int Count)>();
            var cadenceRows = new List<object?[]>();
            await using (var accounts = await BulkWriter.OpenAsync(connection, "Accounts", "Id", "OwnerId", "Number", "Name", "NormalizedName", "CreatedUtc", "LostUtc", "LostReason"))
            {
                foreach (var person in persons)
                {
                    accountsOf[person.Id] = (accountId + 1, accountsEach);
                    for (var a = 1; a <= accountsEach; a++)
                    {
                        var id = ++accountId;
                        var created = YearAgo.AddDays(random.Next(0, 200));
                        var lost = random.Next(40) == 0;
                        var name = $"Client {person.Id}-{a}";
                        await accounts.RowAsync(id, person.Id, a, name, name.ToUpperInvariant(), created, lost ? created.AddDays(random.Next(30, 150)) : null, lost ? "price" : null);
                        // Last contact spread over a little more than a cadence: about one account in eight is due this morning.
                        var key = random.Next(5) == 0;
                        var cadence = new AccountCadence { AccountId = id, Tier = key ? AccountTier.Key : AccountTier.Standard, StartedUtc = created };
                        cadence.LastContactUtc = Now.AddHours(-random.Next(1, (int)(cadence.EffectiveDays * 1.15 * 24)));
                        cadence.NextCheckUtc = CallCadence.Evaluate(cadence, person, Now.AddDays(-1)).DueUtc;
                        cadenceRows.Add([id, (int)cadence.Tier, cadence.StartedUtc, cadence.LastContactUtc, cadence.NextCheckUtc, 0]);
                    }
                }
                await accounts.CompleteAsync();
            }
            await using (var cadences = await BulkWriter.OpenAsync(connection, "AccountCadences", "AccountId", "Tier", "StartedUtc", "LastContactUtc", "NextCheckUtc", "Cycle"))
            {
                foreach (var row in cadenceRows) await cadences.RowAsync(row);
                await cadences.CompleteAsync();
            }

            var promiseId = 0;
            await using (var promises = await BulkWriter.OpenAsync(connection, "Promises",
                "Id", "OwnerId", "Number", "AccountId", "What", "DueUtc", "TimeZoneId", "Status", "OnTrack", "CreatedUtc", "ClosedUtc"))
            {
                foreach (var person in persons)
                {
                    var (first, count) = accountsOf[person.Id];
                    for (var n = 1; n <= promisesEach; n++)
                    {
                        var created = YearAgo.AddMinutes(random.Next(0, 365 * 24 * 60));
                        var due = created.AddHours(random.Next(4, 24 * 14));
                        var fate = random.Next(100);
                        // Of those past due, most were kept, some cancelled, about 4 % forgotten (overdue, still open).
                        var (status, closed) = due >= Now ? (0, (DateTime?)null)
                            : fate < 93 ? (1, due.AddHours(random.Next(-72, 24)))
                            : fate < 96 ? (2, created.AddDays(1))
                            : (0, null);
                        if (closed > Now) closed = Now.AddHours(-1);
                        await promises.RowAsync(++promiseId, person.Id, n, first + random.Next(count), "send the quote", due, person.TimeZoneId, status, false, created, closed);
                    }
                }
                await promises.CompleteAsync();
            }
            if (db.IsPostgres())
                foreach (var table in new[] { "Accounts", "Promises" })
                    await db.Database.ExecuteSqlRawAsync($"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT MAX(\"Id\") FROM \"{table}\"))");
            else
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Bulk inserts of positional rows: a prepared INSERT in one transaction on SQLite, binary COPY on PostgreSQL.</summary>
    private abstract class BulkWriter : IAsyncDisposable
    {
        public static async Task<BulkWriter> OpenAsync(DbConnection connection, string table, params string[] columns) => connection switch
        {
            SqliteConnection sqlite => await SqliteWriter.OpenAsync(sqlite, table, columns),
            NpgsqlConnection npgsql => new CopyWriter(await npgsql.BeginBinaryImportAsync(
                $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)")),
            _ => throw new NotSupportedException(connection.GetType().Name),
        };

        public abstract Task RowAsync(params object?[] values);
        public abstract Task CompleteAsync();
        public abstract ValueTask DisposeAsync();
    }

    private sealed class SqliteWriter(SqliteTransaction transaction, SqliteCommand command) : BulkWriter
    {
        public static async Task<BulkWriter> OpenAsync(SqliteConnection connection, string table, string[] columns)
        {
            var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
            for (var i = 0; i < columns.Length; i++) command.Parameters.Add(new SqliteParameter($"$p{i}", null));
            command.Prepare();
            return new SqliteWriter(transaction, command);
        }

        public override async Task RowAsync(params object?[] values)
        {
            for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
            await command.ExecuteNonQueryAsync();
        }

        public override Task CompleteAsync() => transaction.CommitAsync();

        public override async ValueTask DisposeAsync()
        {
            await command.DisposeAsync();
            await transaction.DisposeAsync();
        }
    }

    private sealed class CopyWriter(NpgsqlBinaryImporter importer) : BulkWriter
    {
        public override async Task RowAsync(params object?[] values)
        {
            await importer.StartRowAsync();
            foreach (var value in values)
            {
                if (value is null) await importer.WriteNullAsync();
                else await importer.WriteAsync(value);
            }
        }

        public override async Task CompleteAsync() => await importer.CompleteAsync();
        public override ValueTask DisposeAsync() => importer.DisposeAsync();
    }
}
