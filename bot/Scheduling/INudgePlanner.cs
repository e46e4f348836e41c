namespace AccountCoachBot.Scheduling;

/// <summary>Finds what became due since the last run (e.g. a day's overdue list) and writes outbox rows.</summary>
public interface INudgePlanner
{
    Task PlanAsync(CancellationToken ct);
}
