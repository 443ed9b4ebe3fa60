using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SyncHire.Runtime.Hosting;
using SyncHire.Runtime.Storage;

namespace SyncHire.Runtime.Membership;

/// <summary>
/// Joins this silo to the cluster once Kestrel has bound, heartbeats into the membership table, declares silos
/// that stopped heartbeating dead (which frees their grains), collects idle activations, and on graceful shutdown
/// deactivates every grain before leaving. A silo that finds itself declared dead stops at once: its grains may
/// already live elsewhere.
/// </summary>
internal sealed class SiloLifecycleService(
    SiloRuntime silo,
    ClusterOptions options,
    IServer server,
    IHostApplicationLifetime lifetime,
    ILogger<SiloLifecycleService> logger) : IHostedLifecycleService
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs after Kestrel started, so the bound port is known and the silo can take calls when it joins.</summary>
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        silo.Address = ResolveAddress();
        var now = silo.Time.GetUtcNow().ToUnixTimeMilliseconds();
        await silo.Storage.UpsertSiloAsync(new SiloRecord(silo.SiloId, silo.Address, SiloStatus.Active, now, now, HostsGrains: true), cancellationToken);
        logger.LogInformation("Silo {SiloId} joined the cluster at {Address}", silo.SiloId, silo.Address);
        _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
    }

    private string ResolveAddress()
    {
        if (!string.IsNullOrWhiteSpace(options.AdvertisedAddress))
        {
            return options.AdvertisedAddress.TrimEnd('/');
        }

        var bound = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The silo has no bound address; set Cluster:AdvertisedAddress.");
        var uri = new UriBuilder(bound.Replace("://+", "://127.0.0.1").Replace("://*", "://127.0.0.1"));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "127.0.0.1";
        }

        return uri.Uri.ToString().TrimEnd('/');
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.HeartbeatInterval, silo.Time);
        var lastCollection = silo.Time.GetTimestamp();
        while (await WaitAsync(timer, cancellationToken))
        {
            try
            {
                var now = silo.Time.GetUtcNow().ToUnixTimeMilliseconds();
                if (!await silo.Storage.HeartbeatAsync(silo.SiloId, now, cancellationToken))
                {
                    logger.LogCritical("Silo {SiloId} was declared dead by the cluster; stopping", silo.SiloId);
                    silo.MarkKilled();
                    await silo.Catalog.DeactivateAllAsync(Runtime.DeactivationReason.Stale, graceful: false);
                    lifetime.StopApplication();
                    return;
                }

                var dead = await silo.Storage.DeclareStaleSilosDeadAsync(now - (long)options.DeathTimeout.TotalMilliseconds, cancellationToken);
                foreach (var siloId in dead)
                {
                    logger.LogWarning("Declared silo {SiloId} dead: no heartbeat for {DeathTimeout}", siloId, options.DeathTimeout);
                }

                if (silo.Time.GetElapsedTime(lastCollection) >= CollectionInterval)
                {
                    lastCollection = silo.Time.GetTimestamp();
                    await silo.Catalog.CollectIdleAsync(options.CollectionAge);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be restarting; keep trying. Missing heartbeats for DeathTimeout gets us declared
                // dead, and then we stop (above).
                logger.LogWarning(e, "Membership round of silo {SiloId} failed", silo.SiloId);
            }
        }
    }

    private TimeSpan CollectionInterval => TimeSpan.FromTicks(Math.Max(options.CollectionAge.Ticks / 4, TimeSpan.FromSeconds(1).Ticks));

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// Graceful shutdown, before Kestrel stops: leave placement (ShuttingDown), deactivate every grain (state
    /// persisted, candidates told to reconnect), then leave the cluster.
    /// </summary>
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        await _loop;
        if (silo.IsKilled)
        {
            return;
        }

        silo.BeginStopping();
        try
        {
            await silo.Storage.SetSiloStatusAsync(silo.SiloId, SiloStatus.ShuttingDown, cancellationToken);
            await silo.Catalog.DeactivateAllAsync(Runtime.DeactivationReason.SiloShutdown, graceful: true);
            await silo.Storage.SetSiloStatusAsync(silo.SiloId, SiloStatus.Dead, cancellationToken);
            logger.LogInformation("Silo {SiloId} left the cluster", silo.SiloId);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Silo {SiloId} could not leave the cluster cleanly; it will be declared dead", silo.SiloId);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
