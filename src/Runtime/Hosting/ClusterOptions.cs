namespace SyncHire.Runtime.Hosting;

/// <summary>What this process does in the cluster.</summary>
public enum ClusterRole
{
    /// <summary>Hosts grains and serves clients: the single-process default.</summary>
    All,
    /// <summary>Serves clients only; finds grains on silos through the shared database.</summary>
    Gateway,
    /// <summary>Hosts grains only.</summary>
    Silo,
}

/// <summary>Configuration section "Cluster".</summary>
public sealed class ClusterOptions
{
    public const string SectionName = "Cluster";

    public ClusterRole Role { get; set; } = ClusterRole.All;

    /// <summary>"sqlite" (embedded, single node) or "postgres" (a cluster).</summary>
    public string Storage { get; set; } = "sqlite";

    public string ConnectionString { get; set; } = "Data Source=data/synchire.db";

    /// <summary>
    /// Base URL other processes reach this silo at (http://pod-ip:port). Empty: the first address Kestrel bound,
    /// with a wildcard host replaced by 127.0.0.1 (right for one machine only).
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>
    /// Shared secret that silo-to-silo and gateway-to-silo calls must carry. Required when the silo's port is
    /// reachable by anything but the cluster; empty disables the check (single process).
    /// </summary>
    public string? Secret { get; set; }

    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A silo whose last heartbeat is older than this is declared dead. Default 8 s (detected within 10 s).</summary>
    public TimeSpan DeathTimeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>An activation with no call, timer or open connection for this long is deactivated.</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan ReminderPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a silo may hold a due reminder while delivering it before another silo retries it.</summary>
    public TimeSpan ReminderLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a grain call keeps trying to reach a live activation (covers a silo's death detection).</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    internal bool HostsGrains => Role is ClusterRole.All or ClusterRole.Silo;
}
