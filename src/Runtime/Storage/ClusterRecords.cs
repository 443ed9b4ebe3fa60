namespace SyncHire.Runtime.Storage;

public enum SiloStatus
{
    Active = 1,
    ShuttingDown = 2,
    Dead = 3,
}

/// <summary>A row of the membership table. Times are Unix milliseconds from the writing silo's clock.</summary>
/// <param name="SiloId">Unique per process start (host name + random suffix).</param>
/// <param name="Address">Base URL other silos and gateways call, e.g. http://10.0.0.5:11111.</param>
public sealed record SiloRecord(
    string SiloId,
    string Address,
    SiloStatus Status,
    long StartedAtMs,
    long LastHeartbeatMs,
    bool HostsGrains);

/// <summary>A row of the grain directory: which silo holds the single activation of a grain.</summary>
public sealed record DirectoryEntry(string GrainId, string SiloId, string ActivationId, long CreatedAtMs);

/// <summary>Grain state as stored: JSON plus the ETag that guards the next write.</summary>
public sealed record StoredState(string? Json, string? ETag);

/// <summary>A durable reminder row.</summary>
/// <param name="DueAtMs">Next time it is due (Unix ms). While a silo delivers it, pushed forward by the lease.</param>
/// <param name="PeriodMs">0 for a one-shot reminder.</param>
/// <param name="ETag">Changes on every update; claims are compare-and-swap on it.</param>
public sealed record ReminderRecord(
    string GrainId,
    string Name,
    long FirstDueAtMs,
    long DueAtMs,
    long PeriodMs,
    string ETag);
