using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;

namespace AccountCoachBot.Operations;

/// <summary>
/// OpenTelemetry metrics with a Prometheus scrape endpoint at <c>/metrics</c>. Off unless <c>Operations:Prometheus=true</c>;
/// loopback callers only unless <c>Operations:MetricsPublic=true</c> (the numbers say how busy the company's people are).
/// </summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";
    private const string Section = "Operations";

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue($"{Section}:Prometheus", false);

    public static bool IsPublic(IConfiguration configuration) => configuration.GetValue($"{Section}:MetricsPublic", false);

    /// <summary>Who may scrape: anyone when made public, otherwise this machine only.</summary>
    public static bool IsPermitted(bool isPublic, System.Net.IPAddress? remote) => isPublic || OperatorAccess.IsLoopback(remote);

    public static IHostApplicationBuilder AddCoachMetrics(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<CoachMetrics>();
        if (IsEnabled(builder.Configuration))
            builder.Services.AddOpenTelemetry().WithMetrics(m => m.AddMeter(CoachMetrics.MeterName).AddPrometheusExporter());
        return builder;
    }

    public static WebApplication MapMetrics(this WebApplication app)
    {
        if (!IsEnabled(app.Configuration)) return app;
        var isPublic = IsPublic(app.Configuration);
        app.MapPrometheusScrapingEndpoint(Path, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (context, next) =>
        {
            if (IsPermitted(isPublic, context.Connection.RemoteIpAddress))
                await next(context);
            else
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
        }), optionsName: null);
        return app;
    }
}
