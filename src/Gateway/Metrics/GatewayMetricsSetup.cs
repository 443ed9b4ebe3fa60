using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
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
        var otlpEndpoint = configuration["Telemetry:OtlpEndpoint"];
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("synchire"))
            .WithMetrics(metrics =>
        {
            // ASP.NET Core and the .NET runtime publish their own meters; no instrumentation package is needed.
            metrics.AddMeter(SyncHireMetrics.MeterName, "Microsoft.Orleans", "Microsoft.AspNetCore.Hosting",
                    "Microsoft.AspNetCore.Server.Kestrel", "System.Runtime")
                // Every scrape reads the instruments as they are now (the exporter caches for 300 ms by default).
                .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
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

        // The series an operator alerts on appear (as 0) from the first scrape; recorded once the meter provider
        // listens, which is when the host has started.
        app.Lifetime.ApplicationStarted.Register(static () =>
        {
            GatewayMetrics.CandidateSockets.Add(0);
            SyncHireMetrics.StartSeries();
        });
        return app;
    }
}
