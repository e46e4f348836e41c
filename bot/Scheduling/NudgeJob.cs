using Hangfire;

namespace AccountCoachBot.Scheduling;

/// <summary>The recurring Hangfire job: Hangfire only triggers; the dispatcher decides what is due.</summary>
/// <remarks>
/// No <c>DisableConcurrentExecution</c>: on PostgreSQL its lock is a row in <c>hangfire.lock</c> that a killed instance
/// leaves behind, and every later run would wait for it and fail until the storage's lock timeout passed. Two runs at
/// once are safe without it: each outbox row is claimed by one run (<see cref="OutboxClaims"/>), pacing and budgets are
/// conditional updates, and a nudge planned twice at once meets the unique dedupe key (that run fails, the next plans on).
/// </remarks>
public sealed class NudgeJob(NudgeDispatcher dispatcher)
{
    public const string Id = "nudges";

    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken ct) => dispatcher.RunAsync(ct);
}
