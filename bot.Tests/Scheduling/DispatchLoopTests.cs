using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AccountCoachBot.Tests.Scheduling;

/// <summary>Every instance sends what is due every second by default, not only from Hangfire's minutely run.</summary>
public class DispatchLoopTests
{
    [Fact]
    public async Task ExecuteAsync_SendsANudgeWithinASecondOfItsTime_WhenDispatchEveryIsTheDefault()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
        var clock = new WaitSkippingClock(time);
        await using var host = await CoachTestHost.StartAsync(time.GetUtcNow(), time: time, services: s => s.AddSingleton<TimeProvider>(clock));
        await host.SayAsync("promise Acme: call them back in 5 minutes");
        var due = await host.WithDbAsync(db => db.Outbox.Where(o => o.Status == OutboxStatus.Pending).MinAsync(o => o.DueUtc));
        var sent = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Sender.DuringSend = () => sent.TrySetResult(time.GetUtcNow());
        using var loop = new DispatchLoop(host.Dispatcher, clock, Options.Create(new DispatcherOptions()), NullLogger<DispatchLoop>.Instance);

        // The loop waits on the clock between runs; each time it does, the clock moves by that wait.
        var at = await clock.RunAsync(async () =>
        {
            await loop.StartAsync(CancellationToken.None);
            return await sent.Task;
        }).WaitAsync(HangGuard.Limit);
        await loop.StopAsync(CancellationToken.None);

        Assert.InRange(at.UtcDateTime, due, due.AddSeconds(1));
    }

    [Fact]
    public async Task ExecuteAsync_EndsAtOnceAndSendsNothing_WhenDispatchEveryIsZero()
    {
        await using var host = await CoachTestHost.StartAsync(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero));
        await host.SayAsync("promise Acme: call them back in 5 minutes");
        host.Time.Advance(TimeSpan.FromMinutes(10));
        using var loop = new DispatchLoop(host.Dispatcher, host.Time, Options.Create(new DispatcherOptions { DispatchEvery = TimeSpan.Zero }),
            NullLogger<DispatchLoop>.Instance);

        await loop.StartAsync(CancellationToken.None);

        // The loop ends (a loop that ran would outlast the guard); only Hangfire's minutely run sends then.
        await loop.ExecuteTask!.WaitAsync(HangGuard.Limit);
        Assert.Empty(host.Sender.Sent);
    }
}
