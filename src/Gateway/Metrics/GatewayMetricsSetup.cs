using OpenTelemetry.Metrics;
using SyncHire.Grains.Metrics;

namespace SyncHire.Gateway.Metrics;

/// <summary>
/// Metrics through OpenTelemetry: SyncHire's own meter, Orleans' meters (activations, messaging, membership,
/// reminders), ASP.NET Core's and the .NET runtime's, scraped as Prometheus text at <c>GET /metrics</c>. Setting
/// <c>Telemetry:OtlpEndpoint</c> also pushes them to an OpenTelemetry collector.
/// </summary>
public static class GatewayMetricsSetup
{
    public static IServiceCollection AddGatewayMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        // Creating the gateway instruments up front makes them appear (as 0) from the first scrape.
        _ = GatewayMetrics.CandidateSockets;
        var otlpEndpoint = configuration["Telemetry:OtlpEndpoint"];
        services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            // ASP.NET Core and the .NET runtime publish their own meters; no instrumentation package is needed.
            metrics.AddMeter(SyncHireMetrics.MeterName, "Microsoft.Orleans", "Microsoft.AspNetCore.Hosting",
                    "Microsoft.AspNetCore.Server.Kestrel", "System.Runtime")
                .AddPrometheusExporter();
            if (!string.IsNullOrWhiteSpace(otlpEndpoint))
            {
                metrics.AddOtlpExporter(o => o.Endpoint = new Uri(otlpEndpoint));
            }
        });
        return services;
    }

    public static WebApplication MapGatewayMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
