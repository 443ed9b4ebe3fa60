using SyncHire.Platform.Interviews;
using SyncHire.Platform.Invitations;
using SyncHire.Platform.Tenants;
using SyncHire.Platform.Usage;
using SyncHire.Platform.Webhooks;

namespace SyncHire.Platform;

/// <summary>
/// The platform's tables (tenants, keys, interview index, webhook outbox, usage, invitations) in the cluster's
/// database. Depend on the small interface you need; this one exists for wiring and initialization.
/// </summary>
public interface IPlatformStore : ITenantDirectory, ITenantLocks, IInterviewIndex, IWebhookOutbox, IUsageLedger, IInvitationStore
{
    /// <summary>Creates or migrates the platform tables. Idempotent, and safe when several processes run it at once.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);
}
