using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace AccountCoachBot.Tests.Data.Postgres;

/// <summary>On PostgreSQL, Hangfire keeps its jobs there too: instances share one schedule, so an occurrence fires once.</summary>
[OnPostgres]
public sealed class HangfirePostgresTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    [DbFact]
    public async Task RecurringJob_IsStoredInPostgres_AndDeliversDueReminder_AndTheInstanceIsReady()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
        await using var connector = await FakeConnector.StartAsync();
        var settings = new Dictionary<string, string?>(postgres.Settings) { ["Scheduling:RunServer"] = "true" };
        await using var bot = await BotHost.StartAsync("unused.db", time, settings);
        await postgres.ResetAsync();
        using var http = new HttpClient();
        var ready = await http.GetAsync(bot.BaseUrl + "readyz"); // database and job storage both on PostgreSQL
        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        await http.PostAsync(bot.MessagesUrl, Activities.Message(connector.ServiceUrl, "promise Acme: call Olga back in 5 minutes"));
        await connector.WaitForDeliveredAsync(2);

        var storage = bot.Services.GetRequiredService<JobStorage>();
        Assert.IsType<PostgreSqlStorage>(storage);
        using (var connection = storage.GetConnection())
            Assert.Equal("* * * * *", Assert.Single(connection.GetRecurringJobs(), j => j.Id == NudgeJob.Id).Cron);

        time.Advance(TimeSpan.FromMinutes(5));
        bot.Services.GetRequiredService<IRecurringJobManager>().Trigger(NudgeJob.Id);

        var delivered = await connector.WaitForDeliveredAsync(3);
        Assert.Equal(3, delivered.Count);
    }

    /// <summary>
    /// An instance killed while the minutely job ran leaves Hangfire's lock row behind. The job takes no such lock, so
    /// the next occurrence, on the instance still alive, sends what is due at once.
    /// </summary>
    [DbFact]
    public async Task NudgeJob_DeliversDueReminder_WhenAKilledInstanceLeftItsLockRow()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
        await using var connector = await FakeConnector.StartAsync();
        var settings = new Dictionary<string, string?>(postgres.Settings) { ["Scheduling:RunServer"] = "true" };
        await using var bot = await BotHost.StartAsync("unused.db", time, settings);
        await postgres.ResetAsync();
        using var http = new HttpClient();
        await http.PostAsync(bot.MessagesUrl, Activities.Message(connector.ServiceUrl, "promise Acme: call Olga back in 5 minutes"));
        await connector.WaitForDeliveredAsync(2);
        // What DisableConcurrentExecution would have left: "hangfire:" + the job's type and method, taken just now.
        await LeaveLockAsync("hangfire:NudgeJob.RunAsync", TimeSpan.Zero);

        time.Advance(TimeSpan.FromMinutes(5));
        bot.Services.GetRequiredService<IRecurringJobManager>().Trigger(NudgeJob.Id);

        Assert.Equal(3, (await connector.WaitForDeliveredAsync(3)).Count);
    }

    /// <summary>
    /// Hangfire's own locks (the recurring-job scheduler's) left by a killed instance stand for a minute, not the
    /// library's default ten: an older row is taken over, a fresh one still guards.
    /// </summary>
    [DbFact]
    public async Task JobStorage_TakesOverALockLeftMoreThanAMinuteAgo_AndHonoursAFreshOne()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
        await using var bot = await BotHost.StartAsync("unused.db", time, new Dictionary<string, string?>(postgres.Settings) { ["Scheduling:RunServer"] = "true" });
        // The library stamps and compares lock rows with its host's clock, not ours: the rows are aged against it.
        await LeaveLockAsync("hangfire:test:stale", SchedulingExtensions.HangfireLockTimeout + TimeSpan.FromSeconds(30));
        await LeaveLockAsync("hangfire:test:fresh", TimeSpan.Zero);

        using var connection = bot.Services.GetRequiredService<JobStorage>().GetConnection();
        using (connection.AcquireDistributedLock("test:stale", TimeSpan.Zero)) { }
        Assert.ThrowsAny<DistributedLockTimeoutException>(() => connection.AcquireDistributedLock("test:fresh", TimeSpan.Zero));
    }

    /// <summary>A lock row as a killed instance leaves it: taken <paramref name="ago"/>, never released.</summary>
    private async Task LeaveLockAsync(string resource, TimeSpan ago)
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand("""INSERT INTO "hangfire"."lock" ("resource", "updatecount", "acquired") VALUES (@r, 0, @a)""", connection);
        insert.Parameters.AddWithValue("r", resource);
        insert.Parameters.AddWithValue("a", DateTime.UtcNow - ago);
        await insert.ExecuteNonQueryAsync();
    }
}
