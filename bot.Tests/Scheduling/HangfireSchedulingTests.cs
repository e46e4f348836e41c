using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Scheduling;

/// <summary>Hangfire only triggers: its recurring job runs the dispatcher, which delivers what is due.</summary>
public sealed class HangfireSchedulingTests
{
    [Fact]
    public async Task RecurringJob_IsRegisteredEveryMinute_AndDeliversDueReminder()
    {
        using var db = new TestDatabase();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
        await using var connector = await FakeConnector.StartAsync();
        await using var bot = await BotHost.StartAsync(db.Path, time, new Dictionary<string, string?> { ["Scheduling:RunServer"] = "true" });
        using var http = new HttpClient();
        await http.PostAsync(bot.MessagesUrl, Activities.Message(connector.ServiceUrl, "promise Acme: call Olga back in 5 minutes"));
        await connector.WaitForDeliveredAsync(2);

        var storage = bot.Services.GetRequiredService<JobStorage>();
        using (var connection = storage.GetConnection())
        {
            var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == NudgeJob.Id);
            Assert.Equal("* * * * *", job.Cron);
        }

        time.Advance(TimeSpan.FromMinutes(5));
        bot.Services.GetRequiredService<IRecurringJobManager>().Trigger(NudgeJob.Id);

        var delivered = await connector.WaitForDeliveredAsync(3);
        Assert.Equal(3, delivered.Count);
        Assert.Null(delivered[^1].ActivityId);
    }
}
