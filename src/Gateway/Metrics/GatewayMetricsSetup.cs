using OpenTelemetry.Metrics;
using SyncHire.Grains.Metrics;

namespace SyncHire.Gateway.Metrics;

/// <summary>
/// SyncHire's own meter on top of the ServiceDefaults' OpenTelemetry setup (Orleans', ASP.NET Core's and the
/// runtime's meters, scraped at <c>GET /metrics</c>).
/// </summary>
public static class GatewayMetricsSetup
{
    public static IServiceCollection AddGatewayMetrics(this IServiceCollection services) =>
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(SyncHireMetrics.MeterName));

    /// <summary>
    /// The series an operator alerts on appear (as 0) from the first scrape; recorded once the meter provider
    /// listens, which is when the host has started.
    /// </summary>
    public static WebApplication StartGatewayMetricSeries(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(static () =>
        {
            GatewayMetrics.CandidateSockets.Add(0);
            SyncHireMetrics.StartSeries();
        });
        return app;
    }
}
