using SyncHire.Runtime.Hosting;
using SyncHire.Runtime.Membership;
using SyncHire.Runtime.Storage;

namespace SyncHire.Runtime.Placement;

/// <summary>Where a call for a grain should go: this silo, or another silo's address.</summary>
internal readonly record struct GrainRoute(bool IsLocal, SiloRecord? Silo);

/// <summary>
/// Finds the silo for a grain: the one the directory names if it is alive; otherwise a placement choice (this
/// silo when it hosts grains, else a random live silo, which spreads new interviews across the cluster).
/// </summary>
internal sealed class GrainLocator(IClusterStorage storage, ClusterMembershipView membership, SiloRuntime? localSilo)
{
    public async Task<GrainRoute> LocateAsync(GrainId grainId, bool forceRefresh, CancellationToken cancellationToken)
    {
        if (localSilo is not null && localSilo.Catalog.TryGetActive(grainId, out _))
        {
            return new GrainRoute(true, null);
        }

        var entry = await storage.LookupAsync(grainId.ToString(), cancellationToken);
        if (entry is not null)
        {
            var route = await RouteToSiloAsync(entry.SiloId, forceRefresh, cancellationToken);
            if (route is { } found)
            {
                return found;
            }
        }

        return await PlaceAsync(forceRefresh, cancellationToken);
    }

    /// <summary>The route to a named silo if it is alive, else null.</summary>
    public async Task<GrainRoute?> RouteToSiloAsync(string siloId, bool forceRefresh, CancellationToken cancellationToken)
    {
        if (localSilo is not null && siloId == localSilo.SiloId)
        {
            return localSilo.IsStopping ? null : new GrainRoute(true, null);
        }

        var silo = forceRefresh
            ? (await membership.GetAsync(true, cancellationToken)).GetValueOrDefault(siloId)
            : await membership.GetSiloAsync(siloId, cancellationToken);
        return silo is { Status: SiloStatus.Active } ? new GrainRoute(false, silo) : null;
    }

    private async Task<GrainRoute> PlaceAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        if (localSilo is { IsStopping: false })
        {
            return new GrainRoute(true, null);
        }

        var hosts = await membership.GetActiveHostsAsync(forceRefresh, cancellationToken);
        if (hosts.Count == 0)
        {
            hosts = await membership.GetActiveHostsAsync(true, cancellationToken);
        }

        var candidates = localSilo is null ? hosts : hosts.Where(h => h.SiloId != localSilo.SiloId).ToList();
        if (candidates.Count == 0)
        {
            throw new SiloUnavailableException("No live silo is available to host the grain.");
        }

        return new GrainRoute(false, candidates[Random.Shared.Next(candidates.Count)]);
    }
}
