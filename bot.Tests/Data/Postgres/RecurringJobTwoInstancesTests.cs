using System.Collections.Concurrent;
using AccountCoachBot.Tests.Infrastructure;
using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Data.Postgres;

/// <summary>
/// Two instances, each running Hangfire's server on one PostgreSQL, share one schedule: each occurrence of a recurring
/// job fires on one of them, never on both. (The minutely dispatcher is such a job.)
/// </summary>
[OnPostgres]
public sealed class RecurringJobTwoInstancesTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    private const string ProbeId = "two-instances-probe";
    private const int Occurrences = 3;

    /// <summary>A job that only notes which occurrence it ran for ("Time", set by Hangfire's recurring scheduler), and for which test run.</summary>
    public sealed class Probe
    {
        public static readonly ConcurrentQueue<(string Run, long Occurrence)> Fired = new();

        public void Touch(string run, PerformContext? context) => Fired.Enqueue((run, context?.GetJobParameter<long>("Time") ?? 0));
    }

    [DbFact]
    public async Task RecurringJob_FiresOncePerOccurrence_WhenTwoInstancesRunHangfireOnOneDatabase()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
        var settings = new Dictionary<string, string?>(postgres.Settings) { ["Scheduling:RunServer"] = "true" };
        await using var first = await BotHost.StartAsync("unused-first.db", time, settings);
        await using var second = await BotHost.StartAsync("unused-second.db", time, settings);
        var run = Guid.NewGuid().ToString("N");

        // Every 2 seconds, so that each instance's scheduler, polling every few seconds, finds occurrences due.
        first.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<Probe>(ProbeId, p => p.Touch(run, null), "*/2 * * * * *");
        try
        {
            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (Probe.Fired.Count(f => f.Run == run) < Occurrences)
            {
                Assert.False(guard.IsCancellationRequested, $"the recurring job ran {Probe.Fired.Count(f => f.Run == run)} time(s) in 60 s");
                await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None); // Hangfire's own clock: real time
            }
        }
        finally
        {
            first.Services.GetRequiredService<IRecurringJobManager>().RemoveIfExists(ProbeId);
        }

        var servers = first.Services.GetRequiredService<JobStorage>().GetMonitoringApi().Servers();
        Assert.True(servers.Count >= 2, $"only {servers.Count} Hangfire server(s) on the shared storage");
        var occurrences = Probe.Fired.Where(f => f.Run == run).Select(f => f.Occurrence).ToList();
        Assert.DoesNotContain(0L, occurrences); // each run knows its occurrence
        // An occurrence fired by both instances would run twice under the same time.
        Assert.True(occurrences.Distinct().Count() == occurrences.Count, $"occurrences run: {string.Join(", ", occurrences)}");
    }
}
