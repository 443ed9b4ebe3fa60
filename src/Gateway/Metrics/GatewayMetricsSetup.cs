using SyncHire.Runtime.Metrics;

namespace SyncHire.Gateway.Metrics;

/// <summary>Wires <c>GET /metrics</c> (Prometheus text) into the gateway; the silo host maps the same endpoint.</summary>
public static class GatewayMetricsSetup
{
    public static IServiceCollection AddGatewayMetrics(this IServiceCollection services)
    {
        // Creating the gateway instruments up front makes them appear (as 0) from the first scrape.
        _ = GatewayMetrics.CandidateSockets;
        return services.AddPrometheusMetrics();
    }

    public static WebApplication MapGatewayMetrics(this WebApplication app)
    {
        app.MapPrometheusMetrics();
        return app;
    }
}
