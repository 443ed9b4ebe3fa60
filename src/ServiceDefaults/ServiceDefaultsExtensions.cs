using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace SyncHire.ServiceDefaults;

/// <summary>
/// The setup every SyncHire host shares: health checks, OpenTelemetry metrics (Orleans', ASP.NET Core's, Kestrel's
/// and the runtime's; a host adds its own meters with <c>ConfigureOpenTelemetryMeterProvider</c>) scraped as
/// Prometheus text, and with <c>Telemetry:OtlpEndpoint</c> set, metrics and traces pushed to a collector.
/// </summary>
public static class ServiceDefaultsExtensions
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    public const string MetricsPath = "/metrics";

    /// <summary>Meters every host exports; they publish without an instrumentation package.</summary>
    private static readonly string[] PlatformMeters =
        ["Microsoft.Orleans", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Runtime"];

    /// <summary>Activity sources traced when a collector is configured.</summary>
    private static readonly string[] TraceSources = ["Microsoft.AspNetCore", "System.Net.Http", "Microsoft.Orleans.*"];

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>());
        builder.Services.AddHealthChecks();
        builder.ConfigureOpenTelemetry();
        return builder;
    }

    private static void ConfigureOpenTelemetry(this IHostApplicationBuilder builder)
    {
        // Which exporters exist is decided before the container does: read once, with the registered validator.
        var telemetry = BuildTimeOptions.Read(builder.Configuration, TelemetryOptions.SectionName, new TelemetryOptionsValidator());
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(telemetry.ServiceName))
            .WithMetrics(metrics => metrics
                .AddMeter(PlatformMeters)
                // Every scrape reads the instruments as they are now (the exporter caches for 300 ms by default).
                .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));

        if (telemetry.ExportsOtlp)
        {
            // Traces only when someone collects them: a listened-to activity costs on every request and grain call.
            otel.WithTracing(tracing => tracing.AddSource(TraceSources));
            otel.UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, new Uri(telemetry.OtlpEndpoint!));
        }
    }

    /// <summary>
    /// The probes and the scrape: <c>/health/live</c> (the process answers; no checks run), <c>/health/ready</c> (every
    /// check tagged <see cref="HealthTags.Ready"/> passes, else 503) and <c>/metrics</c> (Prometheus text).
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteHealthAsync });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(HealthTags.Ready), ResponseWriter = WriteHealthAsync });
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        return app;
    }

    /// <summary>{"status":"healthy"|"degraded"|"unhealthy","checks":{name:status}}; never exception details.</summary>
    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var checks = new Dictionary<string, string>(report.Entries.Count);
        foreach (var (name, entry) in report.Entries)
        {
            checks[name] = entry.Status.ToString().ToLowerInvariant();
        }

        return JsonSerializer.SerializeAsync(context.Response.Body,
            new { status = report.Status.ToString().ToLowerInvariant(), checks }, cancellationToken: context.RequestAborted);
    }
}
