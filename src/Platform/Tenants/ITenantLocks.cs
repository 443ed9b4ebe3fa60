namespace SyncHire.Platform.Tenants;

/// <summary>Per-tenant locks that hold across every gateway on the cluster's database.</summary>
public interface ITenantLocks
{
    /// <summary>
    /// Waits for, then holds until disposed, the tenant's lock for <paramref name="purpose"/>. Keep the hold short
    /// (a count and a write): every other holder for the same tenant and purpose waits.
    /// </summary>
    Task<IAsyncDisposable> LockTenantAsync(string tenantId, string purpose, CancellationToken cancellationToken);
}
