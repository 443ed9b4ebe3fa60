namespace SyncHire.Runtime;

public enum DeactivationReason
{
    /// <summary>No call, timer or connection for longer than the collection age.</summary>
    Idle,
    /// <summary>The grain asked for it (DeactivateOnIdle).</summary>
    Requested,
    /// <summary>The silo is shutting down gracefully; the grain will activate elsewhere on its next call.</summary>
    SiloShutdown,
    /// <summary>The activation found it no longer owns the grain (its state or directory entry moved on).</summary>
    Stale,
}
