using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using SyncHire.Runtime.Hosting;
using SyncHire.Runtime.Storage;

namespace SyncHire.Runtime.Activation;

/// <summary>
/// The activations living on this silo. Activation goes through the shared directory, so a grain is active on at
/// most one silo: when another silo already holds it, the caller is told where (a redirect).
/// </summary>
internal sealed class Catalog(SiloRuntime silo)
{
    private readonly ConcurrentDictionary<GrainId, Task<ActivationResult>> _activations = new();

    public int Count => _activations.Count;

    public bool TryGetActive(GrainId grainId, out GrainActivation activation)
    {
        if (_activations.TryGetValue(grainId, out var pending)
            && pending.IsCompletedSuccessfully
            && pending.Result.Activation is { Status: ActivationStatus.Active } found)
        {
            activation = found;
            return true;
        }

        activation = null!;
        return false;
    }

    /// <summary>
    /// Returns the local activation of the grain, activating it if the directory lets this silo own it, or the
    /// directory entry of the silo that does own it.
    /// </summary>
    public async Task<ActivationResult> GetOrActivateAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        while (true)
        {
            silo.ThrowIfStopping();
            var pending = _activations.GetOrAdd(grainId, id => ActivateAsync(id));
            ActivationResult result;
            try
            {
                result = await pending.WaitAsync(cancellationToken);
            }
            catch
            {
                _activations.TryRemove(new KeyValuePair<GrainId, Task<ActivationResult>>(grainId, pending));
                throw;
            }

            if (result.Activation is null)
            {
                // Another silo owns it; forget the redirect so a later call asks the directory afresh.
                _activations.TryRemove(new KeyValuePair<GrainId, Task<ActivationResult>>(grainId, pending));
                return result;
            }

            if (result.Activation.Status is ActivationStatus.Active)
            {
                return result;
            }

            // Deactivating: wait for it to finish and activate anew.
            await result.Activation.Deactivated.WaitAsync(cancellationToken);
            _activations.TryRemove(new KeyValuePair<GrainId, Task<ActivationResult>>(grainId, pending));
        }
    }

    private async Task<ActivationResult> ActivateAsync(GrainId grainId)
    {
        // Leave the caller's stack: GetOrAdd must not run the activation inline under its lock-free retry.
        await Task.Yield();
        var activationStarted = System.Diagnostics.Stopwatch.GetTimestamp();
        var type = silo.Types.GetByName(grainId.Type);
        var activationId = Guid.NewGuid().ToString("N");
        var mine = new DirectoryEntry(grainId.ToString(), silo.SiloId, activationId, silo.Time.GetUtcNow().ToUnixTimeMilliseconds());
        var owner = await silo.Storage.RegisterAsync(mine, CancellationToken.None);
        if (owner.ActivationId != activationId)
        {
            return new ActivationResult(null, owner);
        }

        var activation = new GrainActivation(silo, grainId, type, activationId);
        try
        {
            await activation.ActivateAsync(silo.Services, CancellationToken.None);
        }
        catch (Exception e)
        {
            silo.Logger.LogError(e, "Activation of {GrainId} failed", grainId);
            await silo.Storage.UnregisterAsync(grainId.ToString(), activationId, CancellationToken.None);
            throw;
        }

        silo.Logger.LogDebug("Activated {GrainId} as {ActivationId}", grainId, activationId);
        Metrics.SyncHireMetrics.ActivationSince(activationStarted);
        return new ActivationResult(activation, owner);
    }

    public async Task DeactivateAsync(GrainActivation activation, DeactivationReason reason, bool graceful = true)
    {
        await activation.DeactivateAsync(reason, graceful);
        foreach (var pair in _activations)
        {
            if (pair.Key == activation.GrainId && pair.Value.IsCompletedSuccessfully && pair.Value.Result.Activation == activation)
            {
                _activations.TryRemove(pair);
            }
        }

        if (graceful)
        {
            try
            {
                await silo.Storage.UnregisterAsync(activation.GrainId.ToString(), activation.ActivationId, CancellationToken.None);
            }
            catch (Exception e)
            {
                // The directory entry then stays until this silo is declared dead; the grain is unreachable until then.
                silo.Logger.LogWarning(e, "Could not remove the directory entry of {GrainId}", activation.GrainId);
            }
        }
    }

    public IEnumerable<GrainActivation> ActiveActivations()
    {
        foreach (var pending in _activations.Values)
        {
            if (pending.IsCompletedSuccessfully && pending.Result.Activation is { } activation)
            {
                yield return activation;
            }
        }
    }

    /// <summary>Deactivates activations idle for longer than the collection age.</summary>
    public async Task CollectIdleAsync(TimeSpan collectionAge)
    {
        foreach (var activation in ActiveActivations().Where(a => a.IsIdle(collectionAge)).ToList())
        {
            await DeactivateAsync(activation, DeactivationReason.Idle);
        }
    }

    /// <summary>Deactivates everything: gracefully on shutdown, without running grain code when killed.</summary>
    public async Task DeactivateAllAsync(DeactivationReason reason, bool graceful)
    {
        var all = ActiveActivations().ToList();
        await Task.WhenAll(all.Select(a => DeactivateAsync(a, reason, graceful)));
    }
}

/// <summary>Either the local activation, or (Activation null) the directory entry of the silo that owns the grain.</summary>
internal sealed record ActivationResult(GrainActivation? Activation, DirectoryEntry Owner);
