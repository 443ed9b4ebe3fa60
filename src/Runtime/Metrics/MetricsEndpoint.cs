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
        // The instruments are static, so one process has one set of totals: every host in it shares the collector
        // that started with the first one. A collector per host would have missed the +1 of an up-down counter
        // recorded before it started but seen the -1 (a gauge such as open sockets could read below the truth).
        services.TryAddSingleton(MetricsCollector.ForProcess);
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
