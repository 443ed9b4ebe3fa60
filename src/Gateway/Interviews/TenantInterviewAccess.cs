using SyncHire.Gateway.Tenants;
using SyncHire.Grains.Interfaces;
using Microsoft.Extensions.Options;
using Orleans;

namespace SyncHire.Gateway.Interviews;

/// <summary>
/// Loads an interview for the requesting tenant: any endpoint under /api/interviews/{id} starts here, and answers
/// 404 when this returns null, so another tenant's interview is indistinguishable from one that does not exist.
/// </summary>
public sealed class TenantInterviewAccess(IGrainFactory grains, IOptions<TenantAccessOptions> access)
{
    /// <summary>The snapshot, or null when the id is malformed, the interview does not exist, or it is another tenant's.</summary>
    public async Task<InterviewSnapshot?> FindAsync(TenantContext tenant, string id)
    {
        if (!InterviewId.IsWellFormed(id))
        {
            return null;
        }

        var snapshot = await grains.GetGrain<IInterviewGrain>(id).GetSnapshot();
        return snapshot is not null && IsOwnedBy(snapshot, tenant) ? snapshot : null;
    }

    /// <summary>
    /// The definition's tenant decides. Interviews created before tenants existed carry none: they belong to the
    /// anonymous tenant, so a dev system's old interviews stay reachable and a keyed tenant never sees them.
    /// </summary>
    public bool IsOwnedBy(InterviewSnapshot snapshot, TenantContext tenant) =>
        string.Equals(snapshot.Definition.TenantId ?? access.Value.AnonymousTenant, tenant.TenantId, StringComparison.Ordinal);
}
