namespace SyncHire.Runtime;

/// <summary>
/// A state write was refused because the stored ETag differs from the one this activation read: another
/// activation wrote since. The write is not applied; the activation that sees this is stale and deactivates.
/// </summary>
public sealed class InconsistentStateException(string message) : Exception(message);
