using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SyncHire.Gateway.Candidates;
using SyncHire.Grains.Interfaces.Protocol;
using SyncHire.Silo.Hosting;

namespace SyncHire.Gateway.Health;

/// <summary>
/// /health for people and the guide's clients; /health/live and /health/ready for Kubernetes probes (live: the
/// process answers; ready: its silo is an active cluster member, else 503 and it gets no traffic).
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = SiloActiveHealthCheck.ReadyTag;

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health", (ActiveCandidateConnections active, TimeProvider time) =>
            TypedResults.Ok(new HealthResponse("healthy", ServerEvents.FormatTime(time.GetUtcNow()), active.Count)))
            .WithTags("Health");
        routes.MapProbes();
        return routes;
    }

    private static IEndpointRouteBuilder MapProbes(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        routes.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync });
        return routes;
    }

    /// <summary>{"status":"healthy"|"degraded"|"unhealthy","checks":{name:status}}; never exception details.</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
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
