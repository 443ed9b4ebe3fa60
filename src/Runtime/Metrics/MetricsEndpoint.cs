using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SyncHire.Runtime.Metrics;

/// <summary><c>GET /metrics</c> in the Prometheus text format, on every SyncHire process (gateway and silo).</summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    private const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static IServiceCollection AddPrometheusMetrics(this IServiceCollection services)
    {
        services.TryAddSingleton<MetricsCollector>();
        return services;
    }

    public static IEndpointConventionBuilder MapPrometheusMetrics(this IEndpointRouteBuilder routes)
    {
        var collector = routes.ServiceProvider.GetRequiredService<MetricsCollector>();
        return routes.MapGet(Path, (HttpContext context) =>
        {
            using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            collector.WriteTo(text);
            return Results.Text(text.ToString(), ContentType);
        }).ExcludeFromDescription();
    }
}
