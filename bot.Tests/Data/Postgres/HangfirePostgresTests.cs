using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

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
}
