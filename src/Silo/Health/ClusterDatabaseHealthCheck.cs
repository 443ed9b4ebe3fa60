using Microsoft.Extensions.Diagnostics.HealthChecks;
using SyncHire.Runtime.Storage;

namespace SyncHire.Silo.Health;

/// <summary>
/// A silo is ready when the cluster database answers: membership, the directory and grain state all live there.
/// Reading the membership table is the cheapest query that proves it.
/// </summary>
internal sealed class ClusterDatabaseHealthCheck(IClusterStorage storage) : IHealthCheck
{
    public const string ReadyTag = "ready";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var silos = await storage.ReadSilosAsync(cancellationToken);
            return HealthCheckResult.Healthy($"Cluster database reachable; {silos.Count} silo record(s).");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Cluster database unreachable.", e);
        }
    }
}
