namespace SyncHire.Silo.Hosting;

/// <summary>
/// How this process joins the Orleans cluster (section "Cluster", beside the database settings). Every process is
/// a gateway and a silo. With SQLite (the embedded default) it is a one-silo cluster on localhost; with PostgreSQL
/// the silos find each other through Orleans' membership table in that database.
/// </summary>
public sealed class SiloOptions
{
    public const string SectionName = "Cluster";

    /// <summary>Silos with the same ClusterId and database form one cluster.</summary>
    public string ClusterId { get; set; } = "synchire";

    /// <summary>Stable across deployments: grain state and reminders are keyed by it.</summary>
    public string ServiceId { get; set; } = "synchire";

    /// <summary>Silo-to-silo port (Orleans' default 11111).</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>
    /// Embedded (SQLite) clustering only: the silo port of the first silo, which the others on this machine join.
    /// Unset: this silo is the first. Used by tests that run several silos in one process.
    /// </summary>
    public int? PrimarySiloPort { get; set; }

    /// <summary>
    /// The address other silos reach this one at. Empty: the first non-loopback IPv4 address of this host (a pod's IP),
    /// or loopback for the embedded single node. In Kubernetes, Orleans' Kubernetes hosting sets it from the pod.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>
    /// How long a silo has to answer a membership probe. With <see cref="MissedProbesLimit"/> it bounds how fast a
    /// killed silo is declared dead and its interviews served again elsewhere: 1 s × 2 probes plus a table refresh
    /// detect a kill -9 in about 3–4 s (Orleans' defaults, 5 s × 3 with 2 votes, took about 13 s here).
    /// </summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    public int MissedProbesLimit { get; set; } = 2;

    /// <summary>How often a silo re-reads the membership table (it learns of deaths other silos declared).</summary>
    public TimeSpan TableRefreshTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>An idle activation (no call, no timer, not kept alive) is collected after this long.</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Smallest period a reminder may have (Orleans' own default is one minute).</summary>
    public TimeSpan MinimumReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Use Orleans' Kubernetes hosting (pod name, namespace and IP from the environment; dead pods' silos removed by
    /// watching the API). On by default when running in a pod (KUBERNETES_SERVICE_HOST set).
    /// </summary>
    public bool? Kubernetes { get; set; }
}
