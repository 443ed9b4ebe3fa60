using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;
using SyncHire.ServiceDefaults;

namespace SyncHire.Silo.Hosting;

/// <summary>
/// Ready once this process's silo is an active member of the cluster (it can host interviews), and not while it is
/// joining or shutting down: Kubernetes sends candidates only to pods whose silo is active.
/// </summary>
public sealed class SiloActiveHealthCheck(ISiloStatusOracle oracle) : IHealthCheck
{
    public const string ReadyTag = HealthTags.Ready;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = oracle.CurrentStatus;
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"silo {oracle.SiloAddress} is active")
            : HealthCheckResult.Unhealthy($"silo {oracle.SiloAddress} is {status}"));
    }
}
