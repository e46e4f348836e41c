using AccountCoachBot.Features.Promises;
using AccountCoachBot.Scheduling;
using AccountCoachBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AccountCoachBot.Tests.Scheduling;

/// <summary>A send that failed without Retry-After waits <c>Scheduling:RetryBackoff</c>, then twice that, each ±20 %.</summary>
public sealed class RetryBackoffTests
{
    private static readonly DateTimeOffset Wednesday = new(2026, 3, 4, 9, 0, 0, TimeSpan.Zero); // 10:00 Berlin

    [Theory]
    [InlineData(null, 30)] // the default
    [InlineData("00:00:05", 5)]
    public async Task RunAsync_WaitsTheBackoffThenTwiceIt_WhenTheSendFailsWithoutRetryAfter(string? setting, int firstSeconds)
    {
        await using var host = await CoachTestHost.StartAsync(Wednesday,
            settings: setting is null ? null : new Dictionary<string, string?> { ["Scheduling:RetryBackoff"] = setting });
        await host.SayAsync("promise Acme: call Olga back in 5 minutes");
        host.Time.Advance(TimeSpan.FromMinutes(5));

        foreach (var wait in new[] { firstSeconds, 2 * firstSeconds })
        {
            host.Sender.Next(new SendResult(SendOutcome.Retry, null, "503"));
            var failedAt = host.Time.GetUtcNow().UtcDateTime;
            Assert.Equal(0, await host.Dispatcher.RunAsync());

            var row = await host.WithDbAsync(db => db.Outbox.SingleAsync(o => o.Kind == ReminderPolicy.DueKind));
            Assert.Equal(OutboxStatus.Pending, row.Status);
            Assert.InRange((row.DueUtc - failedAt).TotalSeconds, 0.8 * wait, 1.2 * wait);
            host.Time.SetUtcNow(new DateTimeOffset(DateTime.SpecifyKind(row.DueUtc, DateTimeKind.Utc)));
        }

        Assert.Equal(1, await host.Dispatcher.RunAsync());
    }
}
