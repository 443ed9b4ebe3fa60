using SyncHire.Platform.Tenants;

namespace SyncHire.Gateway.Tenants;

/// <summary>
/// Creates the configured anonymous tenant the first time a keyless request needs it, once per process: a fresh
/// single node serves its first curl without any setup step.
/// </summary>
internal sealed class AnonymousTenantProvisioner(ITenantDirectory tenants)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _ensured;

    public async Task EnsureAsync(string tenantId, CancellationToken cancellationToken)
    {
        if (_ensured)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_ensured)
            {
                // False means another process created it first: equally fine.
                await tenants.CreateTenantAsync(tenantId, tenantId, cancellationToken);
                _ensured = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
