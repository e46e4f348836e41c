using System.Diagnostics.Metrics;
using AccountCoachBot.Conversation;
using AccountCoachBot.Operations;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AccountCoachBot.Tests.Scheduling;

/// <summary>A planner that fails holds back neither the other planners nor what is due already.</summary>
public sealed class NudgeDispatcherPlannerFailureTests : IAsyncLifetime
{
    // Wed 2026-03-04 10:00 Berlin.
    private CoachTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private sealed class BrokenPlanner : INudgePlanner
    {
        public int Runs { get; private set; }

        public Task PlanAsync(CancellationToken ct)
        {
            Runs++;
            throw new InvalidOperationException("a row this planner cannot read");
        }
    }

    private sealed class CountingPlanner : INudgePlanner
    {
        public int Runs { get; private set; }

        public Task PlanAsync(CancellationToken ct)
        {
            Runs++;
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task RunAsync_PlansWithTheOthersAndSendsWhatIsDue_WhenOnePlannerFails()
    {
        var broken = new BrokenPlanner();
        var after = new CountingPlanner();
        IEnumerable<INudgePlanner> planners = [broken, after, .. _host.Services.GetServices<INudgePlanner>()];
        var metrics = ActivatorUtilities.CreateInstance<CoachMetrics>(_host.Services); // the bot's host registers it; this one does not
        var dispatcher = ActivatorUtilities.CreateInstance<NudgeDispatcher>(_host.Services, planners, metrics);
        var failures = new List<string?>();
        using var listener = ListenForPlanningFailures(failures);
        await _host.SayAsync("promise Acme: call Olga back in 5 minutes");
        _host.Time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(1, await dispatcher.RunAsync());
        Assert.Equal(1, await CountAfterAnotherMinuteAsync(dispatcher)); // nothing new is sent, and the broken one runs again

        Assert.Equal((2, 2), (broken.Runs, after.Runs));
        Assert.Contains("Acme", PlainTextRenderer.Render(Assert.Single(_host.Sender.Sent).Reply));
        Assert.Equal([nameof(BrokenPlanner), nameof(BrokenPlanner)], failures);
    }

    private async Task<int> CountAfterAnotherMinuteAsync(NudgeDispatcher dispatcher)
    {
        _host.Time.Advance(TimeSpan.FromMinutes(1));
        await dispatcher.RunAsync();
        return _host.Sender.Sent.Count;
    }

    /// <summary>Only this host's meter: other tests' hosts in the process record on meters of the same name.</summary>
    private MeterListener ListenForPlanningFailures(List<string?> failures)
    {
        var meter = _host.Services.GetRequiredService<IMeterFactory>().Create(CoachMetrics.MeterName);
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter == meter && instrument.Name == "coach.planning.failed") l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag.Key == "planner") lock (failures) failures.Add(tag.Value as string);
        });
        listener.Start();
        return listener;
    }
}
