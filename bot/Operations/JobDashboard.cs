using Hangfire;
using Hangfire.Dashboard;

namespace AccountCoachBot.Operations;

/// <summary>
/// Hangfire's dashboard at <c>/hangfire</c>: jobs, retries, the recurring dispatcher. It can trigger and delete jobs and the
/// bot has no operator sign-in, so only loopback callers get it (an operator tunnels in); everyone else is refused.
/// </summary>
public static class JobDashboard
{
    public const string Path = "/hangfire";

    public static WebApplication MapJobDashboard(this WebApplication app)
    {
        if (app.Services.GetService<JobStorage>() is null) return app; // no scheduling in this host
        app.MapHangfireDashboard(Path, new DashboardOptions
        {
            Authorization = [new LoopbackOnly()],
            DashboardTitle = "AccountCoachBot jobs",
        });
        return app;
    }

    public sealed class LoopbackOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => OperatorAccess.IsLoopback(context.GetHttpContext().Connection.RemoteIpAddress);
    }
}
