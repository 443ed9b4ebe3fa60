using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SyncHire.Runtime.Hosting;

namespace SyncHire.Runtime.Membership;

/// <summary>
/// Keeps this process's membership view current, once per heartbeat, whether or not calls arrive. Without it a
/// gateway learned of a new silo only when a call happened to find its cache stale, so a burst of new interviews
/// right after a silo joined could all be placed on the old silos.
/// </summary>
internal sealed class MembershipRefreshService(
    ClusterMembershipView view,
    ClusterOptions options,
    TimeProvider time,
    ILogger<MembershipRefreshService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.HeartbeatInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await view.GetAsync(forceRefresh: true, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The database may be restarting; the next tick tries again and calls refresh on demand meanwhile.
                    logger.LogDebug(exception, "Refreshing the membership view failed");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }
}
