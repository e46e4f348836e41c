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

    [Fact]
    public async Task JobActivator_BuildsJobsFromItsOwnHost_WhenAnotherHostConfiguredHangfireLater()
    {
        using var firstDb = new TestDatabase();
        using var secondDb = new TestDatabase();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
        var serverOn = new Dictionary<string, string?> { ["Scheduling:RunServer"] = "true" };
        await using var first = await BotHost.StartAsync(firstDb.Path, time, serverOn);
        await using var second = await BotHost.StartAsync(secondDb.Path, time, serverOn);

        var activator = first.Services.GetRequiredService<JobActivator>();
        var nudgeJob = new Hangfire.Common.Job(typeof(NudgeJob), typeof(NudgeJob).GetMethod(nameof(NudgeJob.RunAsync))!, CancellationToken.None);
        using var connection = first.Services.GetRequiredService<JobStorage>().GetConnection();
        using var scope = activator.BeginScope(new JobActivatorContext(connection, new BackgroundJob("1", nudgeJob, DateTime.UtcNow), new JobCancellationToken(false)));

        Assert.NotSame(JobActivator.Current, activator);
        var job = Assert.IsType<NudgeJob>(scope.Resolve(typeof(NudgeJob)));
        Assert.Same(first.Services.GetRequiredService<NudgeDispatcher>(), DispatcherOf(job));
    }

    private static NudgeDispatcher DispatcherOf(NudgeJob job) =>
        (NudgeDispatcher)typeof(NudgeJob).GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)
            .Single(f => f.FieldType == typeof(NudgeDispatcher)).GetValue(job)!;
}
