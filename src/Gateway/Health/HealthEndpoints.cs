using SyncHire.Gateway.Candidates;
using SyncHire.Grains.Interfaces.Protocol;

namespace SyncHire.Gateway.Health;

/// <summary>
/// /health for people and the guide's clients. The Kubernetes probes, /health/live and /health/ready (ready: the
/// silo is an active cluster member), are ServiceDefaults' <c>MapDefaultEndpoints</c>.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health", (ActiveCandidateConnections active, TimeProvider time) =>
            TypedResults.Ok(new HealthResponse("healthy", ServerEvents.FormatTime(time.GetUtcNow()), active.Count)))
            .WithTags("Health");
        return routes;
    }
}
