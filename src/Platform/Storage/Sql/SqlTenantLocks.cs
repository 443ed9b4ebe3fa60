using SyncHire.Platform.Tenants;
using static SyncHire.Platform.Storage.Sql.SqlValues;

namespace SyncHire.Platform.Storage.Sql;

/// <summary>Per-tenant locks on the database's own named locks, so they hold across every gateway.</summary>
internal sealed class SqlTenantLocks(SqlDialect dialect) : ITenantLocks
{
    public Task<IAsyncDisposable> LockTenantAsync(string tenantId, string purpose, CancellationToken cancellationToken)
    {
        RequireText(tenantId, TenantIds.MaxLength, nameof(tenantId));
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        return dialect.AcquireLockAsync($"synchire/{purpose}/{tenantId}", cancellationToken);
    }
}
