using System.Net;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace AccountCoachBot.Tests.Scheduling;

/// <summary>
/// Two bot processes sending a backlog on one PostgreSQL database, which is pulled away (a proxy in front of it cut)
/// while a message is in flight, and brought back: both instances stay up and say they are not ready meanwhile, the
/// message the platform took while the database was away is recorded once it is back rather than sent again, and every
/// nudge arrives exactly once. <see cref="Operations.DatabaseOutageTests"/> covers what a person sees during an outage.
/// </summary>
[OnPostgres]
public sealed class DatabaseOutageTwoInstancesTests(PostgresDatabase postgres, ITestOutputHelper output) : IClassFixture<PostgresDatabase>
{
    private const int Nudges = 200;
    private const int Conversations = 20; // half Teams, half Slack
    private const string NotRecordedYet = "was sent but could not be recorded yet";

    [DbFact]
    public async Task Instances_DeliverEveryNudgeOnce_WhenTheDatabaseIsPulledAwayWhileAMessageIsInFlight()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var slack = await FakeSlackApi.StartAsync(DispatchTrial.SlackToken);
        connector.Clock = slack.Clock = TimeProvider.System;
        var trial = new DispatchTrial(postgres.ConnectionString, Nudges, Conversations);
        await trial.SeedAsync(connector.ServiceUrl);
        var server = new NpgsqlConnectionStringBuilder(postgres.ConnectionString);
        await using var proxy = new TcpProxy(server.Host!, server.Port);
        var viaProxy = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 5 }.ToString();

        using var work = new TestDatabase(); // a working directory for the processes
        var environment = trial.Environment(slack, slackPerMinute: 1800, via: viaProxy);
        using var http = new HttpClient();
        await using (var first = BotProcess.Start("first", work.Directory, environment))
        await using (var second = BotProcess.Start("second", work.Directory, environment))
        {
            BotProcess[] instances = [first, second];
            var ready = new[] { new Uri(await first.ListeningAtAsync(), "readyz"), new Uri(await second.ListeningAtAsync(), "readyz") };
            await trial.WaitAsync(instances, p => p.Sent >= Nudges / 5, "a fifth of the nudges sent");

            // The next Teams message is held at the platform, and the database goes away while it is in flight.
            var gate = connector.HoldNext();
            await connector.HeldCallArrived.WaitAsync(HangGuard.Limit);
            proxy.Cut();
            gate.SetResult();

            foreach (var url in ready)
                await StatusAsync(http, url, HttpStatusCode.ServiceUnavailable);
            // The instance whose message went out keeps trying to record it.
            await UntilAsync(() => instances.Any(i => i.Printed(NotRecordedYet)), "an instance retrying to record a sent message", instances);
            Assert.All(instances, i => Assert.False(i.HasExited, $"the {i.Name} exited during the outage:\n{i.Log}"));

            proxy.Restore();
            foreach (var url in ready)
                await StatusAsync(http, url, HttpStatusCode.OK);
            await trial.WaitAsync(instances, p => p.Left == 0, "every nudge sent");
        }

        var delivered = DispatchTrial.Delivered(connector, slack);
        var twice = delivered.GroupBy(c => c.Token).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        output.WriteLine($"{delivered.Count} messages for {Nudges} nudges; arrived twice: [{string.Join(", ", twice)}]");
        Assert.All(delivered, c => Assert.NotNull(c.Token));
        Assert.Empty(twice);
        Assert.Equal(Enumerable.Range(0, Nudges).Select(DispatchTrial.Token).Order(), delivered.Select(c => c.Token!).Order());
        Assert.All(await trial.RowsAsync(), r => Assert.Equal(OutboxStatus.Sent, r.Status));
    }

    private static async Task StatusAsync(HttpClient http, Uri url, HttpStatusCode expected)
    {
        var last = (HttpStatusCode)0;
        await UntilAsync(async () =>
        {
            using var response = await http.GetAsync(url);
            last = response.StatusCode;
            return last == expected;
        }, $"{url} answering {(int)expected} (last {(int)last})", []);
    }

    private static Task UntilAsync(Func<bool> condition, string what, IReadOnlyList<BotProcess> processes) =>
        UntilAsync(() => Task.FromResult(condition()), what, processes);

    /// <summary>Polls another process's state a few times a second; <see cref="HangGuard.Limit"/> stops a wait that never ends.</summary>
    private static async Task UntilAsync(Func<Task<bool>> condition, string what, IReadOnlyList<BotProcess> processes)
    {
        using var guard = new CancellationTokenSource(HangGuard.Limit);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (!await condition())
        {
            if (guard.IsCancellationRequested)
                Assert.Fail($"Hang guard: {what} did not happen within {HangGuard.Limit.TotalSeconds:0} s.\n" + string.Join('\n', processes.Select(p => $"{p.Name}:\n{p.Log}")));
            await timer.WaitForNextTickAsync();
        }
    }
}
