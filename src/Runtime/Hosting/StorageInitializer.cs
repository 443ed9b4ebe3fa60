using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SyncHire.Runtime.Storage;

namespace SyncHire.Runtime.Hosting;

/// <summary>Creates or migrates the cluster schema before anything else starts, retrying while the database comes up.</summary>
internal sealed class StorageInitializer(IClusterStorage storage, ILogger<StorageInitializer> logger) : IHostedService
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await storage.InitializeAsync(cancellationToken);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException && TimeProvider.System.GetElapsedTime(started) < GiveUpAfter)
            {
                // In Kubernetes the database often starts after the silos; wait for it rather than crash-loop.
                logger.LogWarning("Cluster database not ready (attempt {Attempt}): {Message}", attempt, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
