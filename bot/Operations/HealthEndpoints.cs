using AccountCoachBot.Data;
using Hangfire;

namespace AccountCoachBot.Operations;

/// <summary>
/// For load balancers and orchestrators: <c>/healthz</c> says the process answers (restart it if not);
/// <c>/readyz</c> says it can do its work — the database and Hangfire's job storage are reachable (send no traffic if not).
/// </summary>
public static class HealthEndpoints
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => Results.Ok("ok"));
        endpoints.MapGet("/readyz", ReadyAsync);
        return endpoints;
    }

    private static async Task<IResult> ReadyAsync(IServiceProvider services, ILoggerFactory logs, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(Limit);
        var logger = logs.CreateLogger("AccountCoachBot.Readiness");
        var problems = new List<string>();
        // Details go to the log only: the answer is public.
        if (!await ReachableAsync("database", DatabaseAsync, services, logger, limit.Token)) problems.Add("database unreachable");
        if (!await ReachableAsync("job storage", JobStorageAsync, services, logger, limit.Token)) problems.Add("job storage unreachable");
        return problems.Count == 0
            ? Results.Ok("ready")
            : Results.Json(new { status = "unavailable", problems }, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<bool> ReachableAsync(string what, Func<IServiceProvider, CancellationToken, Task<bool>> probe,
        IServiceProvider services, ILogger logger, CancellationToken ct)
    {
        try
        {
            if (await probe(services, ct).WaitAsync(ct)) return true;
            logger.LogWarning("Not ready: the {What} cannot be reached", what);
        }
        catch (Exception e)
        {
            logger.LogWarning("Not ready: the {What} cannot be reached: {Error}", what, e.Message);
        }
        return false;
    }

    private static async Task<bool> DatabaseAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CoachDbContext>().Database.CanConnectAsync(ct);
    }

    /// <summary>Hangfire's storage API is synchronous: one cheap read on a pool thread, abandoned at the time limit.</summary>
    private static Task<bool> JobStorageAsync(IServiceProvider services, CancellationToken ct)
    {
        if (services.GetService<JobStorage>() is not { } storage) return Task.FromResult(true); // no scheduler in this host
        return Task.Run(() =>
        {
            using var connection = storage.GetConnection();
            connection.GetAllItemsFromSet("recurring-jobs");
            return true;
        }, ct);
    }
}
