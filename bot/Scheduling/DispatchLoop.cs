using Microsoft.Extensions.Options;

namespace AccountCoachBot.Scheduling;

/// <summary>
/// Sends what is due every <see cref="DispatcherOptions.DispatchEvery"/> in this instance, beside Hangfire's minutely
/// job. Instances on one database share the work through the outbox claims, so each runs its own loop; a failed run
/// (the database away for a while) is logged and the next one tries again.
/// </summary>
public sealed class DispatchLoop(NudgeDispatcher dispatcher, TimeProvider time, IOptions<DispatcherOptions> options, ILogger<DispatchLoop> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = options.Value.DispatchEvery;
        if (every <= TimeSpan.Zero) return; // only Hangfire's minutely run sends
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await dispatcher.DispatchDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("Sending due nudges failed; trying again in {Every}: {Error}", every, e.Message);
            }
            try
            {
                await Task.Delay(every, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
