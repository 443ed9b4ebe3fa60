namespace SyncHire.Runtime.Storage;

/// <summary>
/// Everything the runtime keeps in the shared database: membership, the grain directory, grain state and
/// reminders. One implementation per engine (PostgreSQL for clusters, SQLite embedded); both pass the same
/// storage test suite. All operations are single statements or short transactions, safe from many processes.
/// </summary>
public interface IClusterStorage
{
    /// <summary>Creates or migrates the schema. Idempotent; safe to run from several silos at once.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    // Membership -----------------------------------------------------------------------------------------

    Task UpsertSiloAsync(SiloRecord silo, CancellationToken cancellationToken);

    /// <summary>Records a heartbeat. Returns false if the silo is no longer Active (it was declared dead).</summary>
    Task<bool> HeartbeatAsync(string siloId, long nowMs, CancellationToken cancellationToken);

    Task SetSiloStatusAsync(string siloId, SiloStatus status, CancellationToken cancellationToken);

    Task<IReadOnlyList<SiloRecord>> ReadSilosAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Marks Active silos whose last heartbeat is older than <paramref name="staleBeforeMs"/> as Dead and removes
    /// their directory entries, atomically. Returns the ids declared dead by this call.
    /// </summary>
    Task<IReadOnlyList<string>> DeclareStaleSilosDeadAsync(long staleBeforeMs, CancellationToken cancellationToken);

    // Grain directory ------------------------------------------------------------------------------------

    Task<DirectoryEntry?> LookupAsync(string grainId, CancellationToken cancellationToken);

    /// <summary>
    /// Registers <paramref name="entry"/> unless the grain already has an entry on a silo that is not Dead; in that
    /// case returns the existing entry. An entry on a Dead silo is replaced. Atomic against concurrent callers:
    /// of two racing registrations exactly one wins and both see the winner.
    /// </summary>
    Task<DirectoryEntry> RegisterAsync(DirectoryEntry entry, CancellationToken cancellationToken);

    /// <summary>Removes the entry only if it still names this activation.</summary>
    Task UnregisterAsync(string grainId, string activationId, CancellationToken cancellationToken);

    // Grain state ----------------------------------------------------------------------------------------

    Task<StoredState> ReadStateAsync(string grainId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes state if the stored ETag equals <paramref name="expectedETag"/> (null: no row may exist yet).
    /// Returns the new ETag; throws <see cref="InconsistentStateException"/> otherwise, writing nothing.
    /// </summary>
    Task<string> WriteStateAsync(string grainId, string json, string? expectedETag, CancellationToken cancellationToken);

    /// <summary>Deletes state if the ETag matches; throws <see cref="InconsistentStateException"/> otherwise.</summary>
    Task ClearStateAsync(string grainId, string? expectedETag, CancellationToken cancellationToken);

    // Reminders ------------------------------------------------------------------------------------------

    Task UpsertReminderAsync(string grainId, string name, long dueAtMs, long periodMs, CancellationToken cancellationToken);

    Task DeleteReminderAsync(string grainId, string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<ReminderRecord>> ReadRemindersAsync(string grainId, CancellationToken cancellationToken);

    /// <summary>Reminders due at or before <paramref name="nowMs"/>, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<ReminderRecord>> ReadDueRemindersAsync(long nowMs, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Compare-and-swap on the reminder's ETag: sets its due time to <paramref name="newDueAtMs"/>. Used both to
    /// claim a due reminder (push it forward by a lease) and to advance it after delivery. False if it changed.
    /// </summary>
    Task<bool> TryUpdateReminderDueAsync(string grainId, string name, string expectedETag, long newDueAtMs, CancellationToken cancellationToken);

    /// <summary>Deletes a one-shot reminder after delivery, only if its ETag is unchanged.</summary>
    Task<bool> TryDeleteReminderAsync(string grainId, string name, string expectedETag, CancellationToken cancellationToken);
}
