using SyncHire.Runtime.Hosting;
using SyncHire.Runtime.Storage;

namespace SyncHire.Runtime.Membership;

/// <summary>
/// This process's cached copy of the membership table, refreshed at most once per heartbeat interval unless a
/// caller has evidence it is stale (an unknown silo id, an unreachable silo).
/// </summary>
internal sealed class ClusterMembershipView(IClusterStorage storage, ClusterOptions options, TimeProvider time)
{
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private IReadOnlyDictionary<string, SiloRecord> _silos = new Dictionary<string, SiloRecord>();
    private long _refreshedAt = long.MinValue;
    private long _generation;

    public async Task<SiloRecord?> GetSiloAsync(string siloId, CancellationToken cancellationToken)
    {
        var silos = await GetAsync(forceRefresh: false, cancellationToken);
        if (silos.TryGetValue(siloId, out var silo))
        {
            return silo;
        }

        silos = await GetAsync(forceRefresh: true, cancellationToken);
        return silos.GetValueOrDefault(siloId);
    }

    public async Task<IReadOnlyList<SiloRecord>> GetActiveHostsAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        var silos = await GetAsync(forceRefresh, cancellationToken);
        return silos.Values.Where(s => s.Status == SiloStatus.Active && s.HostsGrains).OrderBy(s => s.SiloId, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyDictionary<string, SiloRecord>> GetAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        if (!forceRefresh && time.GetElapsedTime(Volatile.Read(ref _refreshedAt)) < options.HeartbeatInterval && _refreshedAt != long.MinValue)
        {
            return _silos;
        }

        var generationBefore = Volatile.Read(ref _generation);
        await _refreshLock.WaitAsync(cancellationToken);
        try
        {
            // Someone refreshed while we waited: their answer is as fresh as ours would be. (A generation, not a
            // time: two refreshes can share a timestamp, and under a test clock every refresh does.)
            if (_refreshedAt != long.MinValue && Volatile.Read(ref _generation) != generationBefore)
            {
                return _silos;
            }

            var rows = await storage.ReadSilosAsync(cancellationToken);
            _silos = rows.ToDictionary(r => r.SiloId, StringComparer.Ordinal);
            Metrics.SyncHireMetrics.ActiveSilosSeen(rows.Count(r => r.Status == SiloStatus.Active && r.HostsGrains));
            Volatile.Write(ref _refreshedAt, time.GetTimestamp());
            Interlocked.Increment(ref _generation);
            return _silos;
        }
        finally
        {
            _refreshLock.Release();
        }
    }
}
