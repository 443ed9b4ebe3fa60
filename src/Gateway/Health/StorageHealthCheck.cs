using Microsoft.Extensions.Diagnostics.HealthChecks;
using SyncHire.Runtime.Storage;

namespace SyncHire.Gateway.Health;

/// <summary>
/// Ready means the cluster database answers: without it no interview can be found, created or activated. Reading
/// the membership table is the cheapest query that proves it.
/// </summary>
public sealed class StorageHealthCheck(IClusterStorage storage) : IHealthCheck
{
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
