using Microsoft.Extensions.Diagnostics.HealthChecks;
using SyncHire.Runtime.Storage;

namespace SyncHire.Runtime.Hosting;

/// <summary>
/// Readiness of any cluster process: the cluster database answers (membership, the directory and grain state
/// live there; reading the membership table is the cheapest query that proves it), and a silo has joined and is
/// not shutting down.
/// </summary>
public sealed class ClusterHealthCheck(IClusterStorage storage, IServiceProvider services) : IHealthCheck
{
    public const string ReadyTag = "ready";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService(typeof(SiloRuntime)) is SiloRuntime silo && (silo.IsStopping || silo.Address.Length == 0))
        {
            return HealthCheckResult.Unhealthy(silo.IsStopping ? "The silo is shutting down." : "The silo has not joined the cluster yet.");
        }

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
