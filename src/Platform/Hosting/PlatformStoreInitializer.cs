using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncHire.Platform.Tenants;

namespace SyncHire.Platform.Hosting;

/// <summary>
/// Creates or migrates the platform tables, then imports the bootstrap keys, before the API serves requests;
/// retries while the database comes up, as the cluster's own initializer does.
/// </summary>
internal sealed class PlatformStoreInitializer(
    IPlatformStore store,
    IOptions<PlatformOptions> options,
    ILogger<PlatformStoreInitializer> logger) : IHostedService
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await store.InitializeAsync(cancellationToken);
                break;
            }
            catch (Exception e) when (e is not OperationCanceledException && TimeProvider.System.GetElapsedTime(started) < GiveUpAfter)
            {
                logger.LogWarning("Platform database not ready (attempt {Attempt}): {Message}", attempt, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), cancellationToken);
            }
        }

        // Parsed before (PlatformOptionsValidator refuses to start on malformed keys).
        var bootstrapKeys = BootstrapApiKeys.Parse(options.Value.BootstrapApiKeys);
        foreach (var key in bootstrapKeys)
        {
            await store.ImportBootstrapKeyAsync(key.TenantId, key.PlaintextKey, cancellationToken);
        }

        if (bootstrapKeys.Count > 0)
        {
            logger.LogInformation("Bootstrap API keys in effect for tenants: {Tenants}", string.Join(", ", bootstrapKeys.Select(k => k.TenantId).Distinct()));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
