using Hangfire;

namespace AccountCoachBot.Scheduling;

/// <summary>The recurring Hangfire job: Hangfire only triggers; the dispatcher decides what is due.</summary>
public sealed class NudgeJob(NudgeDispatcher dispatcher)
{
    public const string Id = "nudges";

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken ct) => dispatcher.RunAsync(ct);
}
