using System.Data.Common;
using AccountCoachBot.Data;
using AccountCoachBot.Data.Postgres;
using AccountCoachBot.Features.Digests;
using AccountCoachBot.Features.People;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static AccountCoachBot.Tests.Features.Digests.DigestTestKit;

namespace AccountCoachBot.Tests.Features.Digests;

/// <summary>
/// The digest's reads run side by side on connections of their own (<see cref="DigestReaders"/>): the figures must not
/// depend on it. Olga (Berlin) has two promises due in the week 23–29 Nov 2026, asked on Tue 1 Dec: one kept on time,
/// one still open.
/// </summary>
public class DigestReadersTests : IAsyncLifetime
{
    /// <summary>The database of the PostgreSQL variant (Data/Postgres); null: a SQLite file of each test's own.</summary>
    protected virtual PostgresDatabase? Postgres => null;

    private static readonly TimeZoneInfo Berlin = TimeZones.FindOrUtc("Europe/Berlin");
    private static readonly DigestPeriod Week = DigestPeriod.LastWeek(Utc(12, 1, 10), Berlin);
    private CoachTestHost _host = null!;
    private Person _olga = null!;

    public async Task InitializeAsync()
    {
        _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), postgres: Postgres);
        await _host.WithDbAsync(db =>
        {
            var kit = new DigestTestKit(db);
            _olga = kit.Person("Olga", "Europe/Berlin");
            var acme = kit.Account(_olga, "Acme", started: Utc(9, 1), lastContact: Utc(11, 30));
            kit.Contact(acme, Utc(11, 30));
            kit.Promise(acme, Utc(11, 20), Utc(11, 24, 16), done: Utc(11, 24, 10));
            kit.Promise(acme, Utc(11, 20), Utc(11, 25, 16));
            return Task.FromResult(0);
        });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [DbFact]
    public async Task Build_ShowsAPersonAddedInTheCallersOpenTransaction_WithTheOthersFigures()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
        // As in a turn: someone who first wrote in this very turn is only in its transaction.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var vera = new DigestTestKit(db).Person("Vera", "Europe/Berlin");

        var digest = await scope.ServiceProvider.GetRequiredService<DigestBuilder>().BuildAsync(db, [_olga.Id, vera.Id], Week, Berlin);

        Assert.Equal(["Olga", "Vera"], digest.Members.Select(m => m.Name));
        Assert.Equal((2, 1, 1), (digest.Members[0].Promises.Due, digest.Members[0].Promises.KeptOnTime, digest.Members[0].Promises.StillOpen));
    }

    [DbFact]
    public async Task Build_GivesTheSameFigures_WhenTheCallersOptionsHoldTheirConnection()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachDbContext>();
        var builder = scope.ServiceProvider.GetRequiredService<DigestBuilder>();
        var sideBySide = await builder.BuildAsync(db, [_olga.Id], Week, Berlin);
        // A connection handed to the options is the caller's own: the reads take turns on it.
        var cs = db.Database.GetConnectionString();
        await using DbConnection connection = Postgres is null ? new SqliteConnection(cs) : new NpgsqlConnection(cs);
        await using CoachDbContext own = Postgres is null
            ? new CoachDbContext(new DbContextOptionsBuilder<CoachDbContext>().UseSqlite(connection).Options)
            : new PostgresCoachDbContext(new DbContextOptionsBuilder<PostgresCoachDbContext>().UseNpgsql(connection).Options);

        var inTurns = await builder.BuildAsync(own, [_olga.Id], Week, Berlin);

        Assert.Equal(2, inTurns.Members[0].Promises.Due);
        Assert.Equal(DigestJson.Serialize(sideBySide), DigestJson.Serialize(inTurns));
    }
}
